/* libsys: fds an environment owns, closed when it is torn down. A Worker
 * stopped by terminate() runs no more JavaScript, so whatever it had open
 * (sockets, the loop's epoll fd) would stay open until the process exits.
 * The owner untracks an fd before it closes it, so that a number the kernel
 * hands out again is never closed here on someone else's behalf. */
#include "sys.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  uint64_t *bits;
  size_t words;
} fdset;

static void on_teardown(void *arg) {
  fdset *s = arg;
  for (size_t w = 0; w < s->words; w++)
    for (uint64_t b = s->bits[w]; b != 0; b &= b - 1)
      close((int)(w * 64 + (size_t)__builtin_ctzll(b)));
  free(s->bits);
  free(s);
}

static int fd_arg(napi_env env, napi_callback_info info, fdset **s, int32_t *fd,
                  const char *fn) {
  size_t argc = 1;
  napi_value v;
  void *data;
  NAPI_CALL_INT(env, napi_get_cb_info(env, info, &argc, &v, NULL, &data));
  if (argc < 1 || napi_get_value_int32(env, v, fd) != napi_ok || *fd < 0) {
    sys__type_error(env, "%s: argument 1 (fd) must be a non-negative integer", fn);
    return -1;
  }
  *s = data;
  return 0;
}

static napi_value js_track(napi_env env, napi_callback_info info) {
  fdset *s;
  int32_t fd;
  if (fd_arg(env, info, &s, &fd, "fdTrack") < 0) return NULL;
  size_t w = (size_t)fd / 64;
  if (w >= s->words) {
    size_t n = s->words ? s->words : 4;
    while (n <= w) n *= 2;
    uint64_t *bits = realloc(s->bits, n * sizeof *bits);
    if (bits == NULL) {
      napi_throw_error(env, "ENOMEM", "libsys: out of memory tracking an fd");
      return NULL;
    }
    memset(bits + s->words, 0, (n - s->words) * sizeof *bits);
    s->bits = bits;
    s->words = n;
  }
  s->bits[w] |= (uint64_t)1 << (fd % 64);
  return NULL;
}

static napi_value js_untrack(napi_env env, napi_callback_info info) {
  fdset *s;
  int32_t fd;
  if (fd_arg(env, info, &s, &fd, "fdUntrack") < 0) return NULL;
  size_t w = (size_t)fd / 64;
  if (w < s->words) s->bits[w] &= ~((uint64_t)1 << (fd % 64));
  return NULL;
}

int sys__init_fdtrack(napi_env env, napi_value exports) {
  fdset *s = calloc(1, sizeof *s);
  if (s == NULL) {
    napi_throw_error(env, "ENOMEM", "libsys: out of memory");
    return -1;
  }
  if (napi_add_env_cleanup_hook(env, on_teardown, s) != napi_ok) {
    free(s);
    sys__throw_last(env, "napi_add_env_cleanup_hook");
    return -1;
  }
  if (sys__export_fn(env, exports, "fdTrack", js_track, s) < 0) return -1;
  if (sys__export_fn(env, exports, "fdUntrack", js_untrack, s) < 0) return -1;
  return 0;
}
