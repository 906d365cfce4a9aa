/* libsys: JavaScript values to machine words, one rule per type. */
#include "sys.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sys__throw_last(napi_env env, const char *what) {
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending) return;
  const napi_extended_error_info *info = NULL;
  napi_get_last_error_info(env, &info);
  char msg[256];
  snprintf(msg, sizeof msg, "libsys: %s failed: %s", what,
           info && info->error_message ? info->error_message : "unknown error");
  napi_throw_error(env, "ERR_LIBSYS_NAPI", msg);
}

napi_value sys__type_error(napi_env env, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && !pending)
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
  return NULL;
}

void sys__scratch_init(sys_scratch *s) {
  s->used = 0;
  s->nheap = 0;
}

void sys__scratch_free(sys_scratch *s) {
  for (int i = 0; i < s->nheap; i++) free(s->heap[i]);
  s->nheap = 0;
  s->used = 0;
}

napi_value sys__bigint_from_i64(napi_env env, int64_t v) {
  napi_value r;
  NAPI_CALL(env, napi_create_bigint_int64(env, v, &r));
  return r;
}

static const char *type_name(napi_valuetype t) {
  switch (t) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "boolean";
    case napi_number: return "number";
    case napi_string: return "string";
    case napi_symbol: return "symbol";
    case napi_object: return "object";
    case napi_function: return "function";
    case napi_external: return "external";
    case napi_bigint: return "bigint";
  }
  return "value";
}

/* 2^63 and 2^64 as doubles: an integral double d is a 64-bit word when
 * -2^63 <= d < 2^64 (values from 2^63 up are taken as unsigned). */
#define TWO63 9223372036854775808.0
#define TWO64 18446744073709551616.0

static int number_word(napi_env env, double d, int64_t *out, const char *fn,
                       int pos) {
  if (!isfinite(d) || d != trunc(d) || d < -TWO63 || d >= TWO64) {
    sys__type_error(env,
                    "%s: argument %d must be an integer in the 64-bit range, "
                    "got %g",
                    fn, pos, d);
    return -1;
  }
  *out = d >= TWO63 ? (int64_t)(uint64_t)d : (int64_t)d;
  return 0;
}

static int bigint_word(napi_env env, napi_value v, int64_t *out,
                       const char *fn, int pos) {
  bool lossless = false;
  int64_t i;
  NAPI_CALL_INT(env, napi_get_value_bigint_int64(env, v, &i, &lossless));
  if (lossless) {
    *out = i;
    return 0;
  }
  uint64_t u;
  NAPI_CALL_INT(env, napi_get_value_bigint_uint64(env, v, &u, &lossless));
  if (lossless) {
    *out = (int64_t)u;
    return 0;
  }
  sys__type_error(env,
                  "%s: argument %d is a BigInt outside the 64-bit range "
                  "[-2n**63n, 2n**64n)",
                  fn, pos);
  return -1;
}

static int string_word(napi_env env, napi_value v, int64_t *out,
                       sys_scratch *s, const char *fn, int pos) {
  size_t avail = sizeof s->inline_area - s->used;
  size_t copied;
  char *p = s->inline_area + s->used;
  /* One pass for the usual short path: copy straight into the inline area.
   * A copy that stops within 4 bytes of the end may have been cut (Node-API
   * never splits a UTF-8 sequence), so then measure and copy again. */
  NAPI_CALL_INT(env, napi_get_value_string_utf8(env, v, p, avail, &copied));
  if (copied + 4 < avail) {
    s->used += copied + 1;
  } else {
    size_t len;
    NAPI_CALL_INT(env, napi_get_value_string_utf8(env, v, NULL, 0, &len));
    p = malloc(len + 1);
    if (p == NULL) {
      napi_throw_error(env, "ENOMEM", "libsys: out of memory copying a string");
      return -1;
    }
    s->heap[s->nheap++] = p;
    NAPI_CALL_INT(env, napi_get_value_string_utf8(env, v, p, len + 1, &copied));
  }
  if (memchr(p, 0, copied) != NULL) {
    sys__type_error(env,
                    "%s: argument %d is a string that contains a NUL byte",
                    fn, pos);
    return -1;
  }
  *out = (int64_t)(uintptr_t)p;
  return 0;
}

int sys__buffer_data(napi_env env, napi_value v, void **data, size_t *len) {
  bool is;
  size_t n = 0;
  void *p = NULL;
  napi_typedarray_type tt;
  /* Node's typed-array info materialises an on-heap array's buffer, so the
   * address handed out stays valid for the life of the array. */
  if (napi_get_typedarray_info(env, v, &tt, &n, &p, NULL, NULL) == napi_ok) {
    static const uint8_t width[] = {
        [napi_int8_array] = 1,    [napi_uint8_array] = 1,
        [napi_uint8_clamped_array] = 1, [napi_int16_array] = 2,
        [napi_uint16_array] = 2,  [napi_int32_array] = 4,
        [napi_uint32_array] = 4,  [napi_float32_array] = 4,
        [napi_float64_array] = 8, [napi_bigint64_array] = 8,
        [napi_biguint64_array] = 8};
    size_t w = (size_t)tt < sizeof width ? width[tt] : 1;
    *data = p;
    *len = n * (w ? w : 1);
    return 0;
  }
  NAPI_CALL_INT(env, napi_is_dataview(env, v, &is));
  if (is) {
    NAPI_CALL_INT(env, napi_get_dataview_info(env, v, &n, &p, NULL, NULL));
    *data = p;
    *len = n;
    return 0;
  }
  NAPI_CALL_INT(env, napi_is_arraybuffer(env, v, &is));
  if (is) {
    NAPI_CALL_INT(env, napi_get_arraybuffer_info(env, v, &p, &n));
    *data = p;
    *len = n;
    return 0;
  }
  /* Node-API has no SharedArrayBuffer accessor before v22: view it through
   * a Uint8Array made by a JavaScript helper. */
  sys_instance *inst = NULL;
  NAPI_CALL_INT(env, napi_get_instance_data(env, (void **)&inst));
  if (inst == NULL || inst->sab_ctor == NULL) return 1;
  napi_value ctor, conv, global, view;
  NAPI_CALL_INT(env, napi_get_reference_value(env, inst->sab_ctor, &ctor));
  NAPI_CALL_INT(env, napi_instanceof(env, v, ctor, &is));
  if (!is) return 1;
  NAPI_CALL_INT(env, napi_get_reference_value(env, inst->sab_to_view, &conv));
  NAPI_CALL_INT(env, napi_get_global(env, &global));
  NAPI_CALL_INT(env, napi_call_function(env, global, conv, 1, &v, &view));
  NAPI_CALL_INT(env, napi_get_typedarray_info(env, view, NULL, &n, &p, NULL, NULL));
  *data = p;
  *len = n;
  return 0;
}

int sys__marshal(napi_env env, napi_value v, int64_t *out, sys_scratch *s,
                 const char *fn, int pos) {
  double d;
  /* Numbers first: the common case costs one Node-API call. */
  if (napi_get_value_double(env, v, &d) == napi_ok)
    return number_word(env, d, out, fn, pos);
  void *p;
  size_t n;
  napi_typedarray_type tt;
  if (napi_get_typedarray_info(env, v, &tt, &n, &p, NULL, NULL) == napi_ok) {
    *out = (int64_t)(uintptr_t)p;
    return 0;
  }
  napi_valuetype t;
  NAPI_CALL_INT(env, napi_typeof(env, v, &t));
  switch (t) {
    case napi_undefined:
    case napi_null:
      *out = 0;
      return 0;
    case napi_boolean: {
      bool b;
      NAPI_CALL_INT(env, napi_get_value_bool(env, v, &b));
      *out = b;
      return 0;
    }
    case napi_bigint:
      return bigint_word(env, v, out, fn, pos);
    case napi_string:
      return string_word(env, v, out, s, fn, pos);
    case napi_object: {
      int r = sys__buffer_data(env, v, &p, &n);
      if (r < 0) return -1;
      if (r == 0) {
        *out = (int64_t)(uintptr_t)p;
        return 0;
      }
      break;
    }
    default:
      break;
  }
  sys__type_error(env,
                  "%s: argument %d must be an integer Number, BigInt, boolean, "
                  "null, undefined, string, ArrayBuffer, SharedArrayBuffer, "
                  "TypedArray or DataView; got %s",
                  fn, pos, type_name(t));
  return -1;
}

/* sys__marshal for a value that is most likely a string or a buffer (the
 * value of syscallRegs): one napi_typeof first instead of two failed probes. */
int sys__marshal_ptr(napi_env env, napi_value v, int64_t *out, sys_scratch *s,
                     const char *fn, int pos) {
  napi_valuetype t;
  NAPI_CALL_INT(env, napi_typeof(env, v, &t));
  if (t == napi_string) return string_word(env, v, out, s, fn, pos);
  if (t == napi_object) {
    void *p;
    size_t n;
    napi_typedarray_type tt;
    if (napi_get_typedarray_info(env, v, &tt, &n, &p, NULL, NULL) == napi_ok) {
      *out = (int64_t)(uintptr_t)p;
      return 0;
    }
  }
  return sys__marshal(env, v, out, s, fn, pos);
}

int sys__export_fn(napi_env env, napi_value obj, const char *name,
                   napi_callback cb, void *data) {
  napi_value fn;
  NAPI_CALL_INT(env, napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, data, &fn));
  NAPI_CALL_INT(env, napi_set_named_property(env, obj, name, fn));
  return 0;
}

int sys__export_int(napi_env env, napi_value obj, const char *name, int64_t v) {
  napi_value n;
  NAPI_CALL_INT(env, napi_create_int64(env, v, &n));
  NAPI_CALL_INT(env, napi_set_named_property(env, obj, name, n));
  return 0;
}
