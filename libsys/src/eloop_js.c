/* eloop: the raw JavaScript binding, require('libsys').eloop. Each function
 * carries its environment's state as callback data. The `eloop` package
 * wraps it: these functions keep no JavaScript object alive (the package's
 * job table does), so calling them directly is a raw tier, like syscall(). */
#include "eloop.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *errno_name(int e) {
  switch (e) {
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case EINVAL: return "EINVAL";
    case EPERM: return "EPERM";
    case ENODEV: return "ENODEV";
  }
  return "EIO";
}

/* An Error with code, errno (negative, as Node sets it) and syscall. */
static napi_value throw_errno(napi_env env, int e, const char *syscall,
                              const char *what) {
  char msg[256];
  snprintf(msg, sizeof msg, "eloop: %s: %s (%s)", what, strerror(e), syscall);
  napi_value code, text, err, no, sc;
  if (napi_create_string_utf8(env, errno_name(e), NAPI_AUTO_LENGTH, &code) != napi_ok ||
      napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &text) != napi_ok ||
      napi_create_error(env, code, text, &err) != napi_ok ||
      napi_create_int32(env, -e, &no) != napi_ok ||
      napi_set_named_property(env, err, "errno", no) != napi_ok ||
      napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &sc) != napi_ok ||
      napi_set_named_property(env, err, "syscall", sc) != napi_ok) {
    sys__throw_last(env, "eloop error");
    return NULL;
  }
  napi_throw(env, err);
  return NULL;
}

/* String arguments were copied into the call's scratch by sys__marshal; a
 * job outlives the call, so it gets its own copies, in one block. */
static int own_strings(eloop__job *j, unsigned mask) {
  size_t total = 0;
  for (int i = 0; i < SYS_MAX_ARGS; i++)
    if (mask & (1u << i)) total += strlen((const char *)(uintptr_t)j->a[i]) + 1;
  char *p = malloc(total);
  if (p == NULL) return -1;
  j->strings = p;
  for (int i = 0; i < SYS_MAX_ARGS; i++) {
    if (!(mask & (1u << i))) continue;
    size_t n = strlen((const char *)(uintptr_t)j->a[i]) + 1;
    memcpy(p, (const char *)(uintptr_t)j->a[i], n);
    j->a[i] = (int64_t)(uintptr_t)p;
    p += n;
  }
  return 0;
}

/* submit(nr, ...args) -> slot. Marshals as syscall() does, then queues. */
static napi_value js_submit(napi_env env, napi_callback_info info) {
  size_t argc = SYS_MAX_ARGS + 2;
  napi_value argv[SYS_MAX_ARGS + 2];
  eloop__env *e;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&e));
  if (argc < 1) return sys__type_error(env, "eloop.submit: the syscall number is required");
  if (argc > SYS_MAX_ARGS + 1)
    return sys__type_error(env, "eloop.submit: at most %d arguments after the syscall number, got %d",
                           SYS_MAX_ARGS, (int)argc - 1);
  double d;
  if (napi_get_value_double(env, argv[0], &d) != napi_ok || !isfinite(d) ||
      d != trunc(d) || d < 0 || d > 0x7fffffff)
    return sys__type_error(env, "eloop.submit: the syscall number must be a non-negative integer Number");
  int64_t a[SYS_MAX_ARGS] = {0};
  unsigned strings = 0;
  sys_scratch s;
  sys__scratch_init(&s);
  for (int i = 0; i < (int)argc - 1; i++) {
    size_t used = s.used;
    int nheap = s.nheap;
    if (sys__marshal(env, argv[i + 1], &a[i], &s, "eloop.submit", i + 1) < 0) {
      sys__scratch_free(&s);
      return NULL;
    }
    if (s.used != used || s.nheap != nheap) strings |= 1u << i;
  }
  int fd = eloop__env_fd(e);
  int err = fd < 0 ? -fd : eloop__pool_start();
  eloop__job *j = err ? NULL : eloop__job_alloc(e);
  if (j == NULL) {
    sys__scratch_free(&s);
    if (err) return throw_errno(env, err, fd < 0 ? "eventfd" : "pthread_create",
                                fd < 0 ? "cannot create the completion eventfd"
                                       : "cannot start the worker threads");
    return throw_errno(env, ENOMEM, "malloc", "too many jobs in flight");
  }
  j->nr = (int64_t)d;
  memcpy(j->a, a, sizeof a);
  j->strings = NULL;
  if (strings && own_strings(j, strings) < 0) {
    sys__scratch_free(&s);
    eloop__job_free(e, j);
    return throw_errno(env, ENOMEM, "malloc", "cannot copy string arguments");
  }
  sys__scratch_free(&s);
  __atomic_add_fetch(&e->active, 1, __ATOMIC_RELAXED);
  eloop__submit(e, j);
  napi_value out;
  NAPI_CALL(env, napi_create_uint32(env, j->slot, &out));
  return out;
}

/* cancel(slot) -> true if the job was queued and now completes with
 * -ECANCELED; false if it is running, done or unknown. */
static napi_value js_cancel(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value v, out;
  eloop__env *e;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, &v, NULL, (void **)&e));
  uint32_t slot;
  if (argc < 1 || napi_get_value_uint32(env, v, &slot) != napi_ok)
    return sys__type_error(env, "eloop.cancel: argument 1 must be a job slot");
  eloop__job *j = eloop__job_at(e, slot);
  int done = j != NULL && eloop__cancel(e, j);
  NAPI_CALL(env, napi_get_boolean(env, done, &out));
  return out;
}

/* drain() -> n: n (slot, result) pairs are now in `results`. */
static napi_value js_drain(napi_env env, napi_callback_info info) {
  eloop__env *e;
  napi_value out;
  NAPI_CALL(env, napi_get_cb_info(env, info, NULL, NULL, NULL, (void **)&e));
  NAPI_CALL(env, napi_create_uint32(env, eloop__drain(e), &out));
  return out;
}

/* flush(): the batch's callbacks are done; held submissions go out. */
static napi_value js_flush(napi_env env, napi_callback_info info) {
  eloop__env *e;
  NAPI_CALL(env, napi_get_cb_info(env, info, NULL, NULL, NULL, (void **)&e));
  eloop__flush(e);
  return NULL;
}

/* kick(): make the eventfd readable, so whoever watches it calls drain(). */
static napi_value js_kick(napi_env env, napi_callback_info info) {
  eloop__env *e;
  NAPI_CALL(env, napi_get_cb_info(env, info, NULL, NULL, NULL, (void **)&e));
  eloop__kick(e);
  return NULL;
}

static napi_value js_fd(napi_env env, napi_callback_info info) {
  eloop__env *e;
  napi_value out;
  NAPI_CALL(env, napi_get_cb_info(env, info, NULL, NULL, NULL, (void **)&e));
  int fd = eloop__env_fd(e);
  if (fd < 0) return throw_errno(env, -fd, "eventfd", "cannot create the completion eventfd");
  NAPI_CALL(env, napi_create_int32(env, fd, &out));
  return out;
}

static napi_value js_pool_size(napi_env env, napi_callback_info info) {
  napi_value out;
  NAPI_CALL(env, napi_create_int32(env, eloop__pool_size(), &out));
  return out;
}

static napi_value js_pool_threads(napi_env env, napi_callback_info info) {
  napi_value out;
  NAPI_CALL(env, napi_create_int32(env, eloop__pool_threads(), &out));
  return out;
}

int eloop_init(napi_env env, napi_value exports) {
  eloop__env *e = eloop__env_new(env);
  if (e == NULL) {
    napi_throw_error(env, "ENOMEM", "eloop: cannot set up this environment");
    return -1;
  }
  /* From here on the teardown hook owns `e`. */
  napi_value obj, ab, results;
  NAPI_CALL_INT(env, napi_create_object(env, &obj));
  if (sys__export_fn(env, obj, "submit", js_submit, e) < 0 ||
      sys__export_fn(env, obj, "cancel", js_cancel, e) < 0 ||
      sys__export_fn(env, obj, "drain", js_drain, e) < 0 ||
      sys__export_fn(env, obj, "flush", js_flush, e) < 0 ||
      sys__export_fn(env, obj, "kick", js_kick, e) < 0 ||
      sys__export_fn(env, obj, "fd", js_fd, e) < 0 ||
      sys__export_fn(env, obj, "poolSize", js_pool_size, e) < 0 ||
      sys__export_fn(env, obj, "poolThreads", js_pool_threads, e) < 0)
    return -1;
  /* Over memory that `e` owns, so no detach or collection of the view can
   * leave drain() writing into freed memory; nothing reads it after
   * teardown. */
  NAPI_CALL_INT(env, napi_create_external_arraybuffer(env, e->results, sizeof e->results,
                                                      NULL, NULL, &ab));
  NAPI_CALL_INT(env, napi_create_typedarray(env, napi_float64_array, 2 * ELOOP_BATCH, ab, 0,
                                            &results));
  NAPI_CALL_INT(env, napi_set_named_property(env, obj, "results", results));
  if (sys__export_int(env, obj, "batch", ELOOP_BATCH) < 0) return -1;
  NAPI_CALL_INT(env, napi_set_named_property(env, exports, "eloop", obj));
  return 0;
}
