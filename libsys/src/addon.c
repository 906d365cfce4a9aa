/* libsys: module entry point; per-environment state so the addon loads in
 * worker threads and in several environments of one process. */
#include "sys.h"

#include <stdlib.h>

static void instance_free(napi_env env, void *data, void *hint) {
  (void)hint;
  sys_instance *inst = data;
  if (inst == NULL) return;
  if (inst->sab_ctor) napi_delete_reference(env, inst->sab_ctor);
  if (inst->sab_to_view) napi_delete_reference(env, inst->sab_to_view);
  if (inst->process) napi_delete_reference(env, inst->process);
  if (inst->next_tick) napi_delete_reference(env, inst->next_tick);
  free(inst);
}

static int instance_init(napi_env env) {
  sys_instance *inst = calloc(1, sizeof *inst);
  if (inst == NULL) {
    napi_throw_error(env, "ENOMEM", "libsys: out of memory");
    return -1;
  }
  if (napi_set_instance_data(env, inst, instance_free, NULL) != napi_ok) {
    free(inst);
    sys__throw_last(env, "napi_set_instance_data");
    return -1;
  }
  napi_value global, ctor, src, fn, proc, tick;
  NAPI_CALL_INT(env, napi_get_global(env, &global));
  napi_valuetype t;
  /* The poll hook enters JavaScript through process.nextTick (poll.c). */
  NAPI_CALL_INT(env, napi_get_named_property(env, global, "process", &proc));
  NAPI_CALL_INT(env, napi_typeof(env, proc, &t));
  if (t == napi_object) {
    NAPI_CALL_INT(env, napi_get_named_property(env, proc, "nextTick", &tick));
    NAPI_CALL_INT(env, napi_typeof(env, tick, &t));
    if (t == napi_function) {
      NAPI_CALL_INT(env, napi_create_reference(env, proc, 1, &inst->process));
      NAPI_CALL_INT(env, napi_create_reference(env, tick, 1, &inst->next_tick));
    }
  }
  NAPI_CALL_INT(env, napi_get_named_property(env, global, "SharedArrayBuffer", &ctor));
  NAPI_CALL_INT(env, napi_typeof(env, ctor, &t));
  if (t != napi_function) return 0; /* no SharedArrayBuffer in this context */
  NAPI_CALL_INT(env, napi_create_reference(env, ctor, 1, &inst->sab_ctor));
  static const char code[] = "(function (sab) { return new Uint8Array(sab); })";
  NAPI_CALL_INT(env, napi_create_string_utf8(env, code, sizeof code - 1, &src));
  NAPI_CALL_INT(env, napi_run_script(env, src, &fn));
  NAPI_CALL_INT(env, napi_create_reference(env, fn, 1, &inst->sab_to_view));
  return 0;
}

NAPI_MODULE_INIT() {
  if (instance_init(env) < 0) return NULL;
  if (sys__init_syscall(env, exports) < 0) return NULL;
  if (sys__init_memory(env, exports) < 0) return NULL;
  if (sys__init_ffi(env, exports) < 0) return NULL;
  if (sys__init_layout(env, exports) < 0) return NULL;
  if (sys__init_bench(env, exports) < 0) return NULL;
  if (sys__init_poll(env, exports) < 0) return NULL;
  if (sys__init_fdtrack(env, exports) < 0) return NULL;
  if (eloop_init(env, exports) < 0) return NULL;
#if defined(__x86_64__)
  if (sys__export_int(env, exports, "rawAsm", 1) < 0) return NULL;
#else
  if (sys__export_int(env, exports, "rawAsm", 0) < 0) return NULL;
#endif
  return exports;
}
