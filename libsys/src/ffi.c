/* libsys: call(), native code at an address through libffi; every argument
 * and the result are 64-bit integers (pointers included). */
#include "sys.h"

#include <ffi.h>
#include <math.h>
#include <pthread.h>

#define CALL_MAX_ARGS 8

static ffi_cif cifs[CALL_MAX_ARGS + 1];
static ffi_type *arg_types[CALL_MAX_ARGS];
static pthread_once_t cifs_once = PTHREAD_ONCE_INIT;
static int cifs_ok;

static void prepare_cifs(void) {
  for (int i = 0; i < CALL_MAX_ARGS; i++) arg_types[i] = &ffi_type_sint64;
  cifs_ok = 1;
  for (int n = 0; n <= CALL_MAX_ARGS; n++)
    if (ffi_prep_cif(&cifs[n], FFI_DEFAULT_ABI, (unsigned)n, &ffi_type_sint64,
                     arg_types) != FFI_OK)
      cifs_ok = 0;
}

static napi_value do_call(napi_env env, napi_callback_info info, int big) {
  const char *fn = big ? "call64" : "call";
  size_t argc = CALL_MAX_ARGS + 2;
  napi_value argv[CALL_MAX_ARGS + 2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1) return sys__type_error(env, "%s: the address is required", fn);
  if (argc > CALL_MAX_ARGS + 1)
    return sys__type_error(env, "%s: at most %d arguments after the address, got %d",
                           fn, CALL_MAX_ARGS, (int)argc - 1);
  if (!cifs_ok) {
    napi_throw_error(env, "ERR_LIBSYS_FFI", "libsys: libffi could not prepare a call interface");
    return NULL;
  }
  sys_scratch s;
  sys__scratch_init(&s);
  int64_t addr, a[CALL_MAX_ARGS];
  void *ptrs[CALL_MAX_ARGS];
  napi_value out = NULL;
  if (sys__marshal(env, argv[0], &addr, &s, fn, 0) < 0) goto done;
  if (addr == 0) {
    sys__type_error(env, "%s: argument 0 (address) is NULL", fn);
    goto done;
  }
  int n = (int)argc - 1;
  for (int i = 0; i < n; i++) {
    if (sys__marshal(env, argv[i + 1], &a[i], &s, fn, i + 1) < 0) goto done;
    ptrs[i] = &a[i];
  }
  ffi_arg r = 0;
  ffi_call(&cifs[n], FFI_FN((void *)(uintptr_t)addr), &r, ptrs);
  if (big)
    napi_create_bigint_int64(env, (int64_t)r, &out);
  else
    napi_create_int64(env, (int64_t)r, &out);
done:
  sys__scratch_free(&s);
  return out;
}

static napi_value js_call(napi_env env, napi_callback_info info) {
  return do_call(env, info, 0);
}

static napi_value js_call64(napi_env env, napi_callback_info info) {
  return do_call(env, info, 1);
}

int sys__init_ffi(napi_env env, napi_value exports) {
  pthread_once(&cifs_once, prepare_cifs);
  if (sys__export_fn(env, exports, "call", js_call, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "call64", js_call64, NULL) < 0) return -1;
  return 0;
}
