/* libsys: bench-only exports, the C baselines that bench/ compares against,
 * run inside the same process as the JavaScript loops. */
#include "sys.h"
#include "syscall_arch.h"

#include <math.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int get_args(napi_env env, napi_callback_info info, int64_t *v, size_t n) {
  size_t argc = n;
  napi_value argv[4];
  NAPI_CALL_INT(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  for (size_t i = 0; i < n; i++) {
    double d = 0;
    if (i >= argc || napi_get_value_double(env, argv[i], &d) != napi_ok) {
      sys__type_error(env, "bench: argument %d must be a Number", (int)i + 1);
      return -1;
    }
    v[i] = (int64_t)d;
  }
  return 0;
}

static napi_value ret_double(napi_env env, double d) {
  napi_value r;
  NAPI_CALL(env, napi_create_double(env, d, &r));
  return r;
}

/* getpid(iterations) -> ns per call of the inline-assembly getpid. */
static napi_value bench_getpid(napi_env env, napi_callback_info info) {
  int64_t a[1];
  if (get_args(env, info, a, 1) < 0) return NULL;
  double t0 = now_ns();
  for (int64_t i = 0; i < a[0]; i++) sys_raw0(SYS_getpid);
  return ret_double(env, (now_ns() - t0) / (double)a[0]);
}

/* read(fd, length, iterations) -> ns per read(fd, buf, length). */
static napi_value bench_read(napi_env env, napi_callback_info info) {
  int64_t a[3];
  if (get_args(env, info, a, 3) < 0) return NULL;
  char *buf = malloc((size_t)a[1] + 1);
  if (buf == NULL) return sys__type_error(env, "bench: length too large");
  double t0 = now_ns();
  for (int64_t i = 0; i < a[2]; i++) sys_raw3(SYS_read, a[0], (int64_t)(uintptr_t)buf, a[1]);
  double r = (now_ns() - t0) / (double)a[2];
  free(buf);
  return ret_double(env, r);
}

/* clock_gettime(clock, iterations) -> ns per libc clock_gettime (vDSO). */
static napi_value bench_clock(napi_env env, napi_callback_info info) {
  int64_t a[2];
  if (get_args(env, info, a, 2) < 0) return NULL;
  struct timespec ts;
  double t0 = now_ns();
  for (int64_t i = 0; i < a[1]; i++) clock_gettime((clockid_t)a[0], &ts);
  return ret_double(env, (now_ns() - t0) / (double)a[1]);
}

/* fstat(fd, iterations) -> ns per raw fstat syscall. */
static napi_value bench_fstat(napi_env env, napi_callback_info info) {
  int64_t a[2];
  if (get_args(env, info, a, 2) < 0) return NULL;
  char st[256];
  double t0 = now_ns();
  for (int64_t i = 0; i < a[1]; i++) sys_raw3(SYS_fstat, a[0], (int64_t)(uintptr_t)st, 0);
  return ret_double(env, (now_ns() - t0) / (double)a[1]);
}

/* noop() -> undefined: the cost of an empty Node-API call. */
static napi_value bench_noop(napi_env env, napi_callback_info info) {
  (void)env;
  (void)info;
  return NULL;
}

int sys__init_bench(napi_env env, napi_value exports) {
  napi_value b;
  NAPI_CALL_INT(env, napi_create_object(env, &b));
  if (sys__export_fn(env, b, "getpid", bench_getpid, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "read", bench_read, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "clock_gettime", bench_clock, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "fstat", bench_fstat, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "noop", bench_noop, NULL) < 0) return -1;
  NAPI_CALL_INT(env, napi_set_named_property(env, exports, "bench", b));
  return 0;
}
