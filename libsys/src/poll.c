/* libsys: the hook that lets an fd wake Node's own loop. A uv_poll_t watches
 * the fd; when it is ready, JavaScript is entered through napi_make_callback,
 * so microtasks and process.nextTick run afterwards as for Node's callbacks. */
#include "sys.h"

#include <stdlib.h>
#include <uv.h>

typedef struct {
  uv_poll_t handle;
  napi_env env;
  napi_ref callback;
  napi_ref after; /* optional: called once the callback's ticks have run */
  napi_ref resource;
  napi_async_context context;
  napi_async_cleanup_hook_handle cleanup;
  int events;
  int again; /* pollAgain(): enter JavaScript once more before returning */
  int closing;
  int closed;
  int has_external;
} sys_poll;

/* The struct lives until libuv has closed the handle and the JavaScript
 * external that points to it has been collected, whichever comes last. */
static void on_closed(uv_handle_t *h) {
  sys_poll *p = h->data;
  /* Removing the hook tells Node this handle is gone; exactly once. */
  if (p->cleanup) napi_remove_async_cleanup_hook(p->cleanup);
  p->cleanup = NULL;
  p->closed = 1;
  if (!p->has_external) free(p);
}

static void external_gone(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  sys_poll *p = data;
  p->has_external = 0;
  if (p->closed) free(p);
}

/* Releases JavaScript references and starts closing; the memory goes in
 * on_closed once libuv has let go of the handle. */
static void poll_close(sys_poll *p, int env_alive) {
  if (p->closing) return;
  p->closing = 1;
  uv_poll_stop(&p->handle);
  if (env_alive) {
    napi_env env = p->env;
    if (p->context) napi_async_destroy(env, p->context);
    if (p->callback) napi_delete_reference(env, p->callback);
    if (p->after) napi_delete_reference(env, p->after);
    if (p->resource) napi_delete_reference(env, p->resource);
  }
  p->context = NULL;
  p->callback = p->after = p->resource = NULL;
  uv_close((uv_handle_t *)&p->handle, on_closed);
}

static void on_env_teardown(napi_async_cleanup_hook_handle h, void *arg) {
  (void)h;
  sys_poll *p = arg;
  /* The environment is going away: references die with it. */
  poll_close(p, 0);
}

static void report(napi_env env) {
  bool pending = false;
  napi_value err;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending &&
      napi_get_and_clear_last_exception(env, &err) == napi_ok)
    napi_fatal_exception(env, err);
}

static void enter_once(sys_poll *p, int status, int events) {
  napi_env env = p->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value argv[2], resource, result, proc, tick;
  sys_instance *inst = NULL;
  napi_get_instance_data(env, (void **)&inst);
  if (napi_get_reference_value(env, p->callback, &argv[0]) == napi_ok &&
      napi_get_reference_value(env, p->resource, &resource) == napi_ok &&
      napi_create_int32(env, status < 0 ? status : events, &argv[1]) == napi_ok) {
    napi_callback_scope cs;
    if (inst != NULL && inst->next_tick != NULL &&
        napi_get_reference_value(env, inst->process, &proc) == napi_ok &&
        napi_get_reference_value(env, inst->next_tick, &tick) == napi_ok &&
        napi_open_callback_scope(env, resource, p->context, &cs) == napi_ok) {
      if (napi_call_function(env, proc, tick, 2, argv, &result) != napi_ok) report(env);
      napi_close_callback_scope(env, cs);
    } else if (napi_make_callback(env, p->context, resource, argv[0], 1, &argv[1],
                                  &result) != napi_ok) {
      report(env);
    }
  }
  napi_close_handle_scope(env, scope);
}

/* The ticks and microtasks of the last entry have run (its scope closed):
 * what must follow them, as Node's requests die after their scope. (Between
 * entries the next one begins there itself.) */
static void call_after(sys_poll *p) {
  if (p->closing || p->after == NULL) return;
  napi_env env = p->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value after, global, result;
  if (napi_get_reference_value(env, p->after, &after) == napi_ok &&
      napi_get_global(env, &global) == napi_ok &&
      napi_call_function(env, global, after, 0, NULL, &result) != napi_ok)
    report(env);
  napi_close_handle_scope(env, scope);
}

/* The callback runs as the first process.nextTick of a callback scope rather
 * than through napi_make_callback: every Node-API call holds a silent
 * TryCatch, which would drop the message of an exception the callback lets
 * escape (where it was thrown, printed above an uncaught error). Ticks run
 * when the scope closes, under Node's own verbose TryCatch, which reports an
 * uncaught exception exactly as for Node's own callbacks. A callback that
 * calls pollAgain() is entered again, in a scope of its own, as Node enters
 * each of its requests' callbacks (eloop delivers one completion per entry). */
static void on_ready(uv_poll_t *h, int status, int events) {
  sys_poll *p = h->data;
  do {
    if (p->closing) return;
    p->again = 0;
    enter_once(p, status, events);
  } while (p->again);
  call_after(p);
}

static sys_poll *unwrap(napi_env env, napi_value v) {
  sys_poll *p = NULL;
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok || t != napi_external ||
      napi_get_value_external(env, v, (void **)&p) != napi_ok || p == NULL) {
    sys__type_error(env, "poll: argument 1 must be a handle from pollOpen()");
    return NULL;
  }
  return p;
}

/* The arguments of pollSet/pollRef/pollAgain/pollClose: up to `n` in argv,
 * the first a handle. The handle, or NULL with a TypeError pending. */
static sys_poll *handle_args(napi_env env, napi_callback_info info, const char *fn,
                             size_t n, size_t *argc, napi_value *argv) {
  *argc = n;
  if (napi_get_cb_info(env, info, argc, argv, NULL, NULL) != napi_ok) {
    sys__throw_last(env, fn);
    return NULL;
  }
  if (*argc < 1) {
    sys__type_error(env, "%s: handle required", fn);
    return NULL;
  }
  return unwrap(env, argv[0]);
}

/* pollOpen(fd, events, callback[, after]) -> handle. events: 1 readable, 2
 * writable. The callback gets the ready events, or a negative errno; `after`
 * (no arguments) runs once the callback's process.nextTick callbacks and
 * microtasks have run. */
static napi_value js_poll_open(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t fd, events;
  napi_valuetype t = napi_undefined;
  if (argc < 3 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0)
    return sys__type_error(env, "pollOpen: argument 1 (fd) must be a non-negative integer");
  if (napi_get_value_int32(env, argv[1], &events) != napi_ok || (events & ~3) != 0)
    return sys__type_error(env, "pollOpen: argument 2 (events) must be 1, 2 or 3");
  napi_typeof(env, argv[2], &t);
  if (t != napi_function)
    return sys__type_error(env, "pollOpen: argument 3 (callback) must be a function");
  napi_valuetype ta = napi_undefined;
  if (argc >= 4) napi_typeof(env, argv[3], &ta);
  if (ta != napi_undefined && ta != napi_function)
    return sys__type_error(env, "pollOpen: argument 4 (after) must be a function or undefined");
  uv_loop_t *loop;
  NAPI_CALL(env, napi_get_uv_event_loop(env, &loop));
  sys_poll *p = calloc(1, sizeof *p);
  if (p == NULL) {
    napi_throw_error(env, "ENOMEM", "libsys: out of memory");
    return NULL;
  }
  int r = uv_poll_init(loop, &p->handle, fd);
  if (r < 0) {
    free(p);
    napi_throw_error(env, uv_err_name(r), uv_strerror(r));
    return NULL;
  }
  p->handle.data = p;
  p->env = env;
  p->events = events;
  napi_value resource, name, ext;
  if (napi_create_object(env, &resource) != napi_ok ||
      napi_create_string_utf8(env, "LIBSYS_POLL", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_async_init(env, resource, name, &p->context) != napi_ok ||
      napi_create_reference(env, resource, 1, &p->resource) != napi_ok ||
      napi_create_reference(env, argv[2], 1, &p->callback) != napi_ok ||
      (ta == napi_function && napi_create_reference(env, argv[3], 1, &p->after) != napi_ok) ||
      napi_add_async_cleanup_hook(env, on_env_teardown, p, &p->cleanup) != napi_ok) {
    sys__throw_last(env, "pollOpen");
    poll_close(p, 1);
    return NULL;
  }
  if (events && (r = uv_poll_start(&p->handle, events, on_ready)) < 0) {
    poll_close(p, 1);
    napi_throw_error(env, uv_err_name(r), uv_strerror(r));
    return NULL;
  }
  if (napi_create_external(env, p, external_gone, NULL, &ext) != napi_ok) {
    sys__throw_last(env, "napi_create_external");
    poll_close(p, 1);
    return NULL;
  }
  p->has_external = 1;
  return ext;
}

/* pollSet(handle, events): change the watched events; 0 stops watching. */
static napi_value js_poll_set(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[2];
  sys_poll *p = handle_args(env, info, "pollSet", 2, &argc, argv);
  if (p == NULL) return NULL;
  int32_t events;
  if (argc < 2 || napi_get_value_int32(env, argv[1], &events) != napi_ok || (events & ~3))
    return sys__type_error(env, "pollSet: argument 2 (events) must be 0, 1, 2 or 3");
  if (p->closing) return NULL;
  p->events = events;
  int r = events ? uv_poll_start(&p->handle, events, on_ready) : uv_poll_stop(&p->handle);
  if (r < 0) napi_throw_error(env, uv_err_name(r), uv_strerror(r));
  return NULL;
}

/* pollRef(handle, on): whether the handle keeps the process alive. */
static napi_value js_poll_ref(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[2];
  sys_poll *p = handle_args(env, info, "pollRef", 2, &argc, argv);
  if (p == NULL) return NULL;
  bool on = true;
  if (argc >= 2 && napi_get_value_bool(env, argv[1], &on) != napi_ok)
    return sys__type_error(env, "pollRef: argument 2 must be a boolean");
  if (p->closing) return NULL;
  if (on)
    uv_ref((uv_handle_t *)&p->handle);
  else
    uv_unref((uv_handle_t *)&p->handle);
  return NULL;
}

/* pollAgain(handle): from inside the handle's callback, have it entered once
 * more, in a new callback scope, when this entry's ticks have run. */
static napi_value js_poll_again(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[1];
  sys_poll *p = handle_args(env, info, "pollAgain", 1, &argc, argv);
  if (p == NULL) return NULL;
  p->again = 1;
  return NULL;
}

static napi_value js_poll_close(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[1];
  sys_poll *p = handle_args(env, info, "pollClose", 1, &argc, argv);
  if (p == NULL) return NULL;
  poll_close(p, 1);
  return NULL;
}

int sys__init_poll(napi_env env, napi_value exports) {
  if (sys__export_fn(env, exports, "pollOpen", js_poll_open, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "pollSet", js_poll_set, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "pollRef", js_poll_ref, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "pollClose", js_poll_close, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "pollAgain", js_poll_again, NULL) < 0) return -1;
  /* isMainThread: whether this environment runs on Node's default loop (the
   * main thread; a worker has a loop of its own). Known without loading
   * worker_threads, whose loading changes process.chdir in the main thread. */
  uv_loop_t *loop = NULL;
  napi_value main;
  NAPI_CALL_INT(env, napi_get_uv_event_loop(env, (struct uv_loop_s **)&loop));
  NAPI_CALL_INT(env, napi_get_boolean(env, loop != NULL && loop == uv_default_loop(), &main));
  NAPI_CALL_INT(env, napi_set_named_property(env, exports, "isMainThread", main));
  return 0;
}
