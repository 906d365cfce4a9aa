/* libsys: syscall() and syscall64(), the call gate. */
#include "sys.h"
#include "syscall_arch.h"

#include <math.h>
#include <stdlib.h>

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

/* The register file of syscallRegs: [nr, a1..a6, pos], a Float64Array over
 * a SharedArrayBuffer, which JavaScript can neither detach nor resize, so its
 * memory stays where it is for as long as the reference below holds it. */
#define REGS_LEN 8
#define REG_POS 7

typedef struct {
  const double *r;
  napi_ref view; /* the Float64Array, kept alive while syscallRegs exists */
} regfile;

/* 2^63 and 2^64 as doubles; a register is an integer in [-2^63, 2^64). */
#define TWO63 9223372036854775808.0
#define TWO64 18446744073709551616.0

/* An integral double in the 64-bit range as its word (from 2^63 up, as
 * unsigned); conversions instead of trunc(), which is a libm call without SSE4.1. */
static inline int reg_word(double d, int64_t *w) {
  if (d >= -TWO63 && d < TWO63) {
    int64_t i = (int64_t)d;
    if ((double)i != d) return -1;
    *w = i;
    return 0;
  }
  if (d >= TWO63 && d < TWO64) {
    uint64_t u = (uint64_t)d;
    if ((double)u != d) return -1;
    *w = (int64_t)u;
    return 0;
  }
  return -1; /* NaN, infinities, out of range */
}

/* regs[i] holds argument i: the messages are syscall()'s for that argument. */
static napi_value reg_error(napi_env env, int i, double d) {
  if (i == 0)
    return sys__type_error(env, "syscall: the syscall number must be a non-negative integer Number");
  if (i == REG_POS)
    return sys__type_error(env, "syscallRegs: regs[7] must name the argument (1 to 6) "
                                "the value goes to, got %g", d);
  return sys__type_error(env, "syscall: argument %d must be an integer in the 64-bit range, got %g",
                         i, d);
}

/* syscallRegs([value]): the call the registers describe. Numbers arrive
 * through memory, so an all-Number call makes no Node-API call per argument;
 * `value` (a string or a buffer, by syscall()'s rules) is added to the
 * argument regs[7] names: a buffer at a byte offset costs one. */
static napi_value js_syscall_regs(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void *data;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, &data));
  if (argc > 1)
    return sys__type_error(env, "syscallRegs: at most one argument (the value for regs[7]), got %d",
                           (int)argc);
  const double *r = ((regfile *)data)->r;
  int64_t w[REGS_LEN - 1];
  for (int i = 0; i <= SYS_MAX_ARGS; i++)
    if (reg_word(r[i], &w[i]) < 0 || (i == 0 && (w[0] < 0 || w[0] > 0x7fffffff)))
      return reg_error(env, i, r[i]);
  int64_t res;
  if (argc == 0) {
    res = sys_raw6(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
  } else {
    int64_t pos, word;
    if (reg_word(r[REG_POS], &pos) < 0 || pos < 1 || pos > SYS_MAX_ARGS)
      return reg_error(env, REG_POS, r[REG_POS]);
    sys_scratch s;
    sys__scratch_init(&s);
    if (sys__marshal_ptr(env, argv[0], &word, &s, "syscall", (int)pos) < 0) {
      sys__scratch_free(&s);
      return NULL;
    }
    w[pos] = (int64_t)((uint64_t)w[pos] + (uint64_t)word);
    res = sys_raw6(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
    sys__scratch_free(&s);
  }
  napi_value out;
  NAPI_CALL(env, napi_create_int64(env, res, &out));
  return out;
}

static void regfile_free(napi_env env, void *data, void *hint) {
  (void)hint;
  regfile *rf = data;
  napi_delete_reference(env, rf->view);
  free(rf);
}

/* exports.regs and exports.syscallRegs; left out where the context has no
 * SharedArrayBuffer (libjs then uses syscall()). */
static int init_regs(napi_env env, napi_value exports) {
  napi_value global, sab_ctor, f64_ctor, len, sab, view, fn;
  napi_valuetype t;
  NAPI_CALL_INT(env, napi_get_global(env, &global));
  NAPI_CALL_INT(env, napi_get_named_property(env, global, "SharedArrayBuffer", &sab_ctor));
  NAPI_CALL_INT(env, napi_typeof(env, sab_ctor, &t));
  if (t != napi_function) return 0;
  NAPI_CALL_INT(env, napi_get_named_property(env, global, "Float64Array", &f64_ctor));
  NAPI_CALL_INT(env, napi_create_uint32(env, REGS_LEN * sizeof(double), &len));
  NAPI_CALL_INT(env, napi_new_instance(env, sab_ctor, 1, &len, &sab));
  NAPI_CALL_INT(env, napi_new_instance(env, f64_ctor, 1, &sab, &view));
  void *p = NULL;
  size_t n = 0;
  NAPI_CALL_INT(env, napi_get_typedarray_info(env, view, NULL, &n, &p, NULL, NULL));
  if (p == NULL || n != REGS_LEN) {
    sys__type_error(env, "libsys: could not make the register file");
    return -1;
  }
  regfile *rf = calloc(1, sizeof *rf);
  if (rf == NULL) {
    napi_throw_error(env, "ENOMEM", "libsys: out of memory");
    return -1;
  }
  rf->r = p;
  if (napi_create_reference(env, view, 1, &rf->view) != napi_ok) {
    free(rf);
    sys__throw_last(env, "napi_create_reference");
    return -1;
  }
  if (napi_create_function(env, "syscallRegs", NAPI_AUTO_LENGTH, js_syscall_regs, rf, &fn) !=
          napi_ok ||
      napi_add_finalizer(env, fn, rf, regfile_free, NULL, NULL) != napi_ok) {
    napi_delete_reference(env, rf->view);
    free(rf);
    sys__throw_last(env, "syscallRegs");
    return -1;
  }
  NAPI_CALL_INT(env, napi_set_named_property(env, exports, "syscallRegs", fn));
  NAPI_CALL_INT(env, napi_set_named_property(env, exports, "regs", view));
  return 0;
}

int sys__init_syscall(napi_env env, napi_value exports) {
  if (sys__export_fn(env, exports, "syscall", js_syscall, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "syscall64", js_syscall64, NULL) < 0) return -1;
  return init_regs(env, exports);
}
