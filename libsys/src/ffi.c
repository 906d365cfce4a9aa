/* libsys: call(), native code at an address through libffi; every argument
 * and the result are 64-bit integers (pointers included). */
#include "sys.h"

#include <ffi.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

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

/* prepare(address, nargs[, bound]) -> function(...args): a call handle for
 * one address and a fixed argument count, for hot paths such as the vDSO's
 * clock_gettime. The handle's arguments are marshalled as call()'s are and
 * the result is the same; `bound` (an array) fixes the LAST bound.length
 * arguments once, at prepare time, so the handle takes nargs - bound.length.
 * A bound buffer is passed by address and kept referenced by the handle, so it
 * cannot be collected while the handle lives; a bound string is a TypeError
 * (its copy would not outlive the prepare call). The call goes through a plain
 * function pointer, not ffi_call: every argument and the result are 64-bit
 * integer words, for which x86-64 and aarch64 use the same registers and stack
 * slots as libffi would. */
typedef struct {
  void *fn;
  int nargs;  /* total */
  int nfree;  /* taken from the JavaScript call */
  int64_t bound[CALL_MAX_ARGS];
  napi_ref refs[CALL_MAX_ARGS];
  int nrefs;
} prepared;

typedef int64_t w;

static int64_t prepared_invoke(const prepared *p, const int64_t *a) {
  switch (p->nargs) {
    case 0: return ((w(*)(void))p->fn)();
    case 1: return ((w(*)(w))p->fn)(a[0]);
    case 2: return ((w(*)(w, w))p->fn)(a[0], a[1]);
    case 3: return ((w(*)(w, w, w))p->fn)(a[0], a[1], a[2]);
    case 4: return ((w(*)(w, w, w, w))p->fn)(a[0], a[1], a[2], a[3]);
    case 5: return ((w(*)(w, w, w, w, w))p->fn)(a[0], a[1], a[2], a[3], a[4]);
    case 6: return ((w(*)(w, w, w, w, w, w))p->fn)(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7: return ((w(*)(w, w, w, w, w, w, w))p->fn)(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    default:
      return ((w(*)(w, w, w, w, w, w, w, w))p->fn)(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
  }
}

static napi_value js_prepared(napi_env env, napi_callback_info info) {
  napi_value argv[CALL_MAX_ARGS];
  prepared *p;
  size_t argc = CALL_MAX_ARGS;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&p));
  if ((int)argc != p->nfree)
    return sys__type_error(env, "prepared call: expected %d arguments, got %d", p->nfree,
                           (int)argc);
  int64_t a[CALL_MAX_ARGS];
  sys_scratch s;
  sys__scratch_init(&s);
  for (int i = 0; i < p->nfree; i++) {
    if (sys__marshal(env, argv[i], &a[i], &s, "prepared call", i + 1) < 0) {
      sys__scratch_free(&s);
      return NULL;
    }
  }
  for (int i = p->nfree; i < p->nargs; i++) a[i] = p->bound[i];
  int64_t r = prepared_invoke(p, a);
  sys__scratch_free(&s);
  napi_value out;
  NAPI_CALL(env, napi_create_int64(env, r, &out));
  return out;
}

static void prepared_free(napi_env env, void *data, void *hint) {
  (void)hint;
  prepared *p = data;
  for (int i = 0; i < p->nrefs; i++) napi_delete_reference(env, p->refs[i]);
  free(p);
}

static napi_value prepare_fail(napi_env env, prepared *p) {
  for (int i = 0; i < p->nrefs; i++) napi_delete_reference(env, p->refs[i]);
  free(p);
  return NULL;
}

/* One bound argument: a word, or a buffer's address with a reference kept. */
static int bind_arg(napi_env env, prepared *p, napi_value v, int pos) {
  napi_valuetype t;
  NAPI_CALL_INT(env, napi_typeof(env, v, &t));
  if (t == napi_string) {
    sys__type_error(env, "prepare: bound argument %d is a string; bind a Buffer holding "
                         "the NUL-terminated bytes instead", pos);
    return -1;
  }
  sys_scratch s;
  sys__scratch_init(&s);
  if (sys__marshal(env, v, &p->bound[pos], &s, "prepare", pos + 1) < 0) return -1;
  if (t == napi_object)
    NAPI_CALL_INT(env, napi_create_reference(env, v, 1, &p->refs[p->nrefs++]));
  return 0;
}

static napi_value js_prepare(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 2 || argc > 3)
    return sys__type_error(env, "prepare: expected (address, nargs[, bound])");
  napi_valuetype t;
  NAPI_CALL(env, napi_typeof(env, argv[0], &t));
  if (t != napi_number && t != napi_bigint)
    return sys__type_error(env, "prepare: argument 1 (address) must be a Number or BigInt");
  sys_scratch s;
  sys__scratch_init(&s);
  int64_t addr;
  if (sys__marshal(env, argv[0], &addr, &s, "prepare", 1) < 0) return NULL;
  if (addr == 0) return sys__type_error(env, "prepare: argument 1 (address) is NULL");
  double d;
  if (napi_get_value_double(env, argv[1], &d) != napi_ok || d != trunc(d) || d < 0 ||
      d > CALL_MAX_ARGS)
    return sys__type_error(env, "prepare: argument 2 (nargs) must be an integer in [0, %d]",
                           CALL_MAX_ARGS);
  uint32_t nbound = 0;
  bool is_array = false;
  if (argc == 3) {
    NAPI_CALL(env, napi_is_array(env, argv[2], &is_array));
    if (!is_array) return sys__type_error(env, "prepare: argument 3 (bound) must be an array");
    NAPI_CALL(env, napi_get_array_length(env, argv[2], &nbound));
    if (nbound > (uint32_t)d)
      return sys__type_error(env, "prepare: %u bound arguments for %d in all", nbound, (int)d);
  }
  prepared *p = calloc(1, sizeof *p);
  if (p == NULL) {
    napi_throw_error(env, "ENOMEM", "libsys: out of memory");
    return NULL;
  }
  p->fn = (void *)(uintptr_t)addr;
  p->nargs = (int)d;
  p->nfree = p->nargs - (int)nbound;
  for (uint32_t i = 0; i < nbound; i++) {
    napi_value v;
    if (napi_get_element(env, argv[2], i, &v) != napi_ok) {
      sys__throw_last(env, "napi_get_element");
      return prepare_fail(env, p);
    }
    if (bind_arg(env, p, v, p->nfree + (int)i) < 0) return prepare_fail(env, p);
  }
  napi_value fn;
  if (napi_create_function(env, "prepared", NAPI_AUTO_LENGTH, js_prepared, p, &fn) != napi_ok) {
    sys__throw_last(env, "napi_create_function");
    return prepare_fail(env, p);
  }
  if (napi_add_finalizer(env, fn, p, prepared_free, NULL, NULL) != napi_ok) {
    sys__throw_last(env, "napi_add_finalizer");
    return prepare_fail(env, p);
  }
  return fn;
}

int sys__init_ffi(napi_env env, napi_value exports) {
  pthread_once(&cifs_once, prepare_cifs);
  if (sys__export_fn(env, exports, "call", js_call, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "call64", js_call64, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "prepare", js_prepare, NULL) < 0) return -1;
  return 0;
}
