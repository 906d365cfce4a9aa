/* libsys: internal header shared by the addon's C files. */
#ifndef SYS_H
#define SYS_H

#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#include <node_api.h>
#include <stdint.h>
#include <stddef.h>

/* Check a napi_* status; on failure throw (unless an exception is already
 * pending) and return NULL from the calling callback. */
#define NAPI_CALL(env, call)                                                   \
  do {                                                                         \
    if ((call) != napi_ok) {                                                   \
      sys__throw_last(env, #call);                                             \
      return NULL;                                                             \
    }                                                                          \
  } while (0)

/* Same, for functions that return an int status (-1 on failure). */
#define NAPI_CALL_INT(env, call)                                               \
  do {                                                                         \
    if ((call) != napi_ok) {                                                   \
      sys__throw_last(env, #call);                                             \
      return -1;                                                               \
    }                                                                          \
  } while (0)

#define SYS_MAX_ARGS 6

/* Temporary storage for one call's string arguments: short strings live in
 * the inline area, longer ones are malloc'd; all die when the call returns. */
typedef struct {
  char inline_area[1024];
  size_t used;
  char *heap[12]; /* one per argument of the widest call (call: 1 + 8) */
  int nheap;
} sys_scratch;

/* Per-environment state (napi_set_instance_data). */
typedef struct {
  napi_ref sab_ctor;      /* SharedArrayBuffer constructor */
  napi_ref sab_to_view;   /* (sab) => new Uint8Array(sab) */
  napi_ref process;       /* this environment's process object */
  napi_ref next_tick;     /* process.nextTick, as it was at load */
} sys_instance;

void sys__throw_last(napi_env env, const char *what);
napi_value sys__type_error(napi_env env, const char *fmt, ...);

void sys__scratch_init(sys_scratch *s);
void sys__scratch_free(sys_scratch *s);

/* Convert one JavaScript value to a 64-bit machine word by the marshalling
 * rules. `fn` and `pos` name the argument in the TypeError. Returns 0, or -1
 * with an exception pending. */
int sys__marshal(napi_env env, napi_value v, int64_t *out, sys_scratch *s,
                 const char *fn, int pos);

/* The same, probing for a string or a typed array first. */
int sys__marshal_ptr(napi_env env, napi_value v, int64_t *out, sys_scratch *s,
                     const char *fn, int pos);

/* Data pointer and byte length of an ArrayBuffer, SharedArrayBuffer,
 * TypedArray or DataView. Returns 0, 1 if `v` is none of these (no exception),
 * or -1 with an exception pending. */
int sys__buffer_data(napi_env env, napi_value v, void **data, size_t *len);

napi_value sys__bigint_from_i64(napi_env env, int64_t v);

int sys__init_syscall(napi_env env, napi_value exports);
int sys__init_memory(napi_env env, napi_value exports);
int sys__init_ffi(napi_env env, napi_value exports);
int sys__init_layout(napi_env env, napi_value exports);
int sys__init_bench(napi_env env, napi_value exports);
int sys__init_poll(napi_env env, napi_value exports);
int sys__init_fdtrack(napi_env env, napi_value exports);

/* eloop (eloop_js.c): exports.eloop, the worker pool's raw binding. */
int eloop_init(napi_env env, napi_value exports);

int sys__export_fn(napi_env env, napi_value obj, const char *name,
                   napi_callback cb, void *data);
int sys__export_int(napi_env env, napi_value obj, const char *name, int64_t v);

#endif
