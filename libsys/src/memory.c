/* libsys: addresses of buffers, and ArrayBuffers over existing memory. */
#include "sys.h"

#include <math.h>

static napi_value js_address_of(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value v;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, &v, NULL, NULL));
  void *p = NULL;
  size_t n = 0;
  int r = argc < 1 ? 1 : sys__buffer_data(env, v, &p, &n);
  if (r < 0) return NULL;
  if (r > 0)
    return sys__type_error(env,
                           "addressOf: argument 1 must be an ArrayBuffer, "
                           "SharedArrayBuffer, TypedArray or DataView");
  return sys__bigint_from_i64(env, (int64_t)(uintptr_t)p);
}

static int read_u64(napi_env env, napi_value v, uint64_t *out, const char *what) {
  napi_valuetype t;
  NAPI_CALL_INT(env, napi_typeof(env, v, &t));
  if (t == napi_bigint) {
    bool lossless;
    NAPI_CALL_INT(env, napi_get_value_bigint_uint64(env, v, out, &lossless));
    if (lossless) return 0;
  } else if (t == napi_number) {
    double d;
    NAPI_CALL_INT(env, napi_get_value_double(env, v, &d));
    if (isfinite(d) && d == trunc(d) && d >= 0 && d < 18446744073709551616.0) {
      *out = (uint64_t)d;
      return 0;
    }
  }
  sys__type_error(env, "view: %s must be a non-negative integer (Number or BigInt)", what);
  return -1;
}

static napi_value js_view(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 2) return sys__type_error(env, "view: address and length are required");
  uint64_t addr, len;
  if (read_u64(env, argv[0], &addr, "argument 1 (address)") < 0) return NULL;
  if (read_u64(env, argv[1], &len, "argument 2 (length)") < 0) return NULL;
  if (addr == 0 && len != 0)
    return sys__type_error(env, "view: argument 1 (address) is NULL");
  if (len > ((uint64_t)1 << 53))
    return sys__type_error(env, "view: argument 2 (length) is too large");
  napi_value ab;
  /* The memory belongs to someone else (a mapping, the vDSO): no finalizer;
   * the caller keeps it mapped while the ArrayBuffer is in use. */
  NAPI_CALL(env, napi_create_external_arraybuffer(env, (void *)(uintptr_t)addr,
                                                  (size_t)len, NULL, NULL, &ab));
  return ab;
}

int sys__init_memory(napi_env env, napi_value exports) {
  if (sys__export_fn(env, exports, "addressOf", js_address_of, NULL) < 0) return -1;
  if (sys__export_fn(env, exports, "view", js_view, NULL) < 0) return -1;
  return 0;
}
