/* libsys: bench-only exports, the C baselines that bench/ compares against,
 * run inside the same process as the JavaScript loops. */
#include "sys.h"
#include "syscall_arch.h"

#include <fcntl.h>
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

/* statx(fd, iterations) -> ns per statx(fd, NULL, AT_EMPTY_PATH, BASIC|BTIME):
 * the kernel call unode's fstatSync makes (a NULL path needs Linux 6.11;
 * older kernels fail it with EFAULT, which is as quick). */
static napi_value bench_fstatx(napi_env env, napi_callback_info info) {
  int64_t a[2];
  if (get_args(env, info, a, 2) < 0) return NULL;
  char stx[256];
  double t0 = now_ns();
  for (int64_t i = 0; i < a[1]; i++)
    sys_raw6(SYS_statx, a[0], 0, 0x1000, 0xfff, (int64_t)(uintptr_t)stx, 0);
  return ret_double(env, (now_ns() - t0) / (double)a[1]);
}

/* Copies the path argument (argument 1) into p; 0, or -1 with an exception. */
static int get_path(napi_env env, napi_callback_info info, char *p, size_t size,
                    int64_t *v, size_t n) {
  size_t argc = 4;
  napi_value argv[4];
  NAPI_CALL_INT(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  size_t len;
  if (argc < n + 1 || napi_get_value_string_utf8(env, argv[0], p, size, &len) != napi_ok ||
      len + 1 >= size) {
    sys__type_error(env, "bench: argument 1 must be a path string");
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    double d = 0;
    if (napi_get_value_double(env, argv[i + 1], &d) != napi_ok) {
      sys__type_error(env, "bench: argument %d must be a Number", (int)i + 2);
      return -1;
    }
    v[i] = (int64_t)d;
  }
  return 0;
}

/* statx(path, flags, iterations) -> ns per statx(AT_FDCWD, path, flags,
 * BASIC|BTIME): the kernel call unode's statSync (flags 0) and lstatSync
 * (AT_SYMLINK_NOFOLLOW) make, with its path walk. */
static napi_value bench_statx(napi_env env, napi_callback_info info) {
  char p[4096];
  int64_t a[2];
  if (get_path(env, info, p, sizeof p, a, 2) < 0) return NULL;
  char stx[256];
  double t0 = now_ns();
  for (int64_t i = 0; i < a[1]; i++)
    sys_raw6(SYS_statx, -100, (int64_t)(uintptr_t)p, a[0], 0xfff, (int64_t)(uintptr_t)stx, 0);
  return ret_double(env, (now_ns() - t0) / (double)a[1]);
}

/* statOnce(path) -> the result of one stat(path) (newfstatat on aarch64)
 * into a stack buffer: the least a Node-API function can do per stat by path
 * (the string copied out of V8, one kernel call, a Number back). Called once
 * per iteration from JavaScript, it is the Node-API floor that libjs's stat
 * is measured against. */
static napi_value bench_stat_once(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char p[4096];
  size_t len;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1 || napi_get_value_string_utf8(env, argv[0], p, sizeof p, &len) != napi_ok ||
      len + 1 >= sizeof p)
    return sys__type_error(env, "bench: argument 1 must be a path string");
  char st[256];
#ifdef SYS_stat
  int64_t r = sys_raw3(SYS_stat, (int64_t)(uintptr_t)p, (int64_t)(uintptr_t)st, 0);
#else
  int64_t r = sys_raw6(SYS_newfstatat, -100, (int64_t)(uintptr_t)p, (int64_t)(uintptr_t)st, 0, 0, 0);
#endif
  napi_value out;
  NAPI_CALL(env, napi_create_int32(env, (int32_t)r, &out));
  return out;
}

/* pread(fd, length, iterations) -> ns per pread64(fd, buf, length, 0). */
static napi_value bench_pread(napi_env env, napi_callback_info info) {
  int64_t a[3];
  if (get_args(env, info, a, 3) < 0) return NULL;
  char *buf = malloc((size_t)a[1] + 1);
  if (buf == NULL) return sys__type_error(env, "bench: length too large");
  double t0 = now_ns();
  for (int64_t i = 0; i < a[2]; i++)
    sys_raw6(SYS_pread64, a[0], (int64_t)(uintptr_t)buf, a[1], 0, 0, 0);
  double r = (now_ns() - t0) / (double)a[2];
  free(buf);
  return ret_double(env, r);
}

/* listdir(path, iterations) -> ns per listing: openat(O_DIRECTORY), getdents64
 * into a 256 KiB buffer until it returns 0, close. The kernel's share of a
 * readdir; entries are counted, not decoded. */
static napi_value bench_listdir(napi_env env, napi_callback_info info) {
  char p[4096];
  int64_t a[1];
  if (get_path(env, info, p, sizeof p, a, 1) < 0) return NULL;
  size_t size = 256 * 1024;
  char *buf = malloc(size);
  if (buf == NULL) return sys__type_error(env, "bench: out of memory");
  double t0 = now_ns();
  for (int64_t i = 0; i < a[0]; i++) {
    int64_t fd = sys_raw6(SYS_openat, -100, (int64_t)(uintptr_t)p, O_RDONLY | O_DIRECTORY | O_CLOEXEC,
                          0, 0, 0);
    if (fd < 0) break;
    while (sys_raw3(SYS_getdents64, fd, (int64_t)(uintptr_t)buf, (int64_t)size) > 0) {
    }
    sys_raw3(SYS_close, fd, 0, 0);
  }
  double r = (now_ns() - t0) / (double)a[0];
  free(buf);
  return ret_double(env, r);
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
  if (sys__export_fn(env, b, "fstatx", bench_fstatx, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "statx", bench_statx, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "statOnce", bench_stat_once, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "pread", bench_pread, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "listdir", bench_listdir, NULL) < 0) return -1;
  if (sys__export_fn(env, b, "noop", bench_noop, NULL) < 0) return -1;
  NAPI_CALL_INT(env, napi_set_named_property(env, exports, "bench", b));
  return 0;
}
