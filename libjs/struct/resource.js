// libjs/struct: struct rlimit (getrlimit/prlimit64) and struct rusage
// (getrusage, wait4), <linux/resource.h>. Same 64-bit layouts on x86-64 and aarch64.
'use strict';
const { define } = require('./define');
const { checkView, dataView, setI64, outBuffer, typeError } = require('./mem');

// struct rlimit (struct rlimit64 for prlimit64), 16 bytes:
// offset | size | field
//      0 |    8 | rlim_cur  unsigned, RLIM_INFINITY = ~0
//      8 |    8 | rlim_max
const RLIM_INFINITY = (1n << 64n) - 1n;
const rlimit = {
  SIZE: 16,
  layout: { size: 16, fields: { rlim_cur: [0, 8], rlim_max: [8, 8] } },
  RLIM_INFINITY,
  // Number form: RLIM_INFINITY is Infinity; BigInt form: exact.
  decode(buf, offset = 0) {
    const { cur, max } = rlimit.decodeBigInt(buf, offset);
    const n = (v) => (v === RLIM_INFINITY ? Infinity : Number(v));
    return { cur: n(cur), max: n(max) };
  },
  decodeBigInt(buf, offset = 0) {
    checkView(buf, 16, offset, 'rlimit.decode');
    const dv = dataView(buf), p = buf.byteOffset + offset;
    return { cur: dv.getBigUint64(p, true), max: dv.getBigUint64(p + 8, true) };
  },
  // cur and max: non-negative safe integers, BigInts, or Infinity.
  encode(buf, cur, max, offset = 0) {
    buf = outBuffer(buf, 16, offset, 'rlimit.encode');
    const dv = dataView(buf), p = buf.byteOffset + offset;
    for (const [k, v] of [[0, cur], [8, max]]) {
      if (v === Infinity || v === RLIM_INFINITY) dv.setBigUint64(p + k, RLIM_INFINITY, true);
      else if ((typeof v === 'number' && v >= 0) || (typeof v === 'bigint' && v >= 0n)) setI64(dv, p + k, v, 'rlimit.encode: limit');
      else throw typeError(`rlimit.encode: a limit must be a non-negative integer, a BigInt or Infinity, got ${v}`);
    }
    return buf;
  },
};

// struct rusage, 144 bytes:
// offset | size | field
//      0 |   16 | ru_utime   struct timeval (tv_sec, tv_usec)
//     16 |   16 | ru_stime
//     32 |    8 | ru_maxrss  long, KiB
//     40 |    8 | ru_ixrss
//     48 |    8 | ru_idrss
//     56 |    8 | ru_isrss
//     64 |    8 | ru_minflt
//     72 |    8 | ru_majflt
//     80 |    8 | ru_nswap
//     88 |    8 | ru_inblock
//     96 |    8 | ru_oublock
//    104 |    8 | ru_msgsnd
//    112 |    8 | ru_msgrcv
//    120 |    8 | ru_nsignals
//    128 |    8 | ru_nvcsw
//    136 |    8 | ru_nivcsw
const rusage = define('rusage', 144, [
  ['utimeSec', 'ru_utime.tv_sec', 0, 'i64'],
  ['utimeUsec', 'ru_utime.tv_usec', 8, 'i64'],
  ['stimeSec', 'ru_stime.tv_sec', 16, 'i64'],
  ['stimeUsec', 'ru_stime.tv_usec', 24, 'i64'],
  ['maxrss', 'ru_maxrss', 32, 'i64'],
  ['ixrss', 'ru_ixrss', 40, 'i64'],
  ['idrss', 'ru_idrss', 48, 'i64'],
  ['isrss', 'ru_isrss', 56, 'i64'],
  ['minflt', 'ru_minflt', 64, 'i64'],
  ['majflt', 'ru_majflt', 72, 'i64'],
  ['nswap', 'ru_nswap', 80, 'i64'],
  ['inblock', 'ru_inblock', 88, 'i64'],
  ['oublock', 'ru_oublock', 96, 'i64'],
  ['msgsnd', 'ru_msgsnd', 104, 'i64'],
  ['msgrcv', 'ru_msgrcv', 112, 'i64'],
  ['nsignals', 'ru_nsignals', 120, 'i64'],
  ['nvcsw', 'ru_nvcsw', 128, 'i64'],
  ['nivcsw', 'ru_nivcsw', 136, 'i64'],
], { ru_utime: [0, 16], ru_stime: [16, 16] });

module.exports = { rlimit, rusage };
