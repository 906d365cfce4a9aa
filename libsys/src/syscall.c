/* libsys: syscall() and syscall64(), the call gate. */
#include "sys.h"
#include "syscall_arch.h"

#include <math.h>

/* Reads the syscall number and marshals the arguments. Returns the argument
 * count, or -1 with an exception pending. On the all-Number path nothing is
 * allocated; strings live in `s` until the caller frees it. */
static int gather(napi_env env, napi_callback_info info, const char *fn,
                  int64_t *nr, int64_t a[SYS_MAX_ARGS], sys_scratch *s) {
  size_t argc = SYS_MAX_ARGS + 2;
  napi_value argv[SYS_MAX_ARGS + 2];
  NAPI_CALL_INT(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1) {
    sys__type_error(env, "%s: the syscall number is required", fn);
    return -1;
  }
  if (argc > SYS_MAX_ARGS + 1) {
    sys__type_error(env, "%s: at most %d arguments after the syscall number, got %d",
                    fn, SYS_MAX_ARGS, (int)argc - 1);
    return -1;
  }
  double d;
  if (napi_get_value_double(env, argv[0], &d) != napi_ok || !isfinite(d) ||
      d != trunc(d) || d < 0 || d > 0x7fffffff) {
    sys__type_error(env, "%s: the syscall number must be a non-negative integer Number", fn);
    return -1;
  }
  *nr = (int64_t)d;
  int n = (int)argc - 1;
  for (int i = 0; i < n; i++)
    if (sys__marshal(env, argv[i + 1], &a[i], s, fn, i + 1) < 0) return -1;
  for (int i = n; i < SYS_MAX_ARGS; i++) a[i] = 0;
  return n;
}

static napi_value do_call(napi_env env, napi_callback_info info, int big) {
  const char *fn = big ? "syscall64" : "syscall";
  int64_t nr, a[SYS_MAX_ARGS];
  sys_scratch s;
  sys__scratch_init(&s);
  int n = gather(env, info, fn, &nr, a, &s);
  if (n < 0) {
    sys__scratch_free(&s);
    return NULL;
  }
  int64_t r;
  if (n == 0)
    r = sys_raw0(nr);
  else if (n <= 3)
    r = sys_raw3(nr, a[0], a[1], a[2]);
  else
    r = sys_raw6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
  sys__scratch_free(&s);
  napi_value out;
  if (big)
    NAPI_CALL(env, napi_create_bigint_int64(env, r, &out));
  else
    NAPI_CALL(env, napi_create_int64(env, r, &out));
  return out;
}

static napi_value js_syscall(napi_env env, napi_callback_info info) {
  return do_call(env, info, 0);
}

static napi_value js_syscall64(napi_env env, napi_callback_info info) {
  return do_call(env, info, 1);
}

int sys__init_syscall(napi_env env, napi_value exports) {
  if (sys__export_fn(env, exports, "syscall", js_syscall, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "syscall64", js_syscall64, NULL) < 0) return -1;
  return 0;
}
