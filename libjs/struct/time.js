// libjs/struct: struct timespec, struct timeval, struct itimerspec
// (<linux/time_types.h>, <linux/time.h>): the same on x86-64 and aarch64.
'use strict';
const { TWO32, Words, checkInt, outBuffer, typeError } = require('./mem');

// struct timespec, 16 bytes:
// offset | size | field
//      0 |    8 | tv_sec   long
//      8 |    8 | tv_nsec  long
// struct timeval, 16 bytes:
//      0 |    8 | tv_sec   long
//      8 |    8 | tv_usec  long
// struct itimerspec, 32 bytes:
//      0 |   16 | it_interval  struct timespec
//     16 |   16 | it_value     struct timespec
const TIMESPEC_SIZE = 16, TIMEVAL_SIZE = 16, ITIMERSPEC_SIZE = 32;
const LAYOUTS = {
  timespec: { size: 16, fields: { tv_sec: [0, 8], tv_nsec: [8, 8] } },
  timeval: { size: 16, fields: { tv_sec: [0, 8], tv_usec: [8, 8] } },
  itimerspec: { size: 32, fields: { it_interval: [0, 16], it_value: [16, 16] } },
};

const w = new Words(32);

function sec(b) {
  return w.u32[b] + w.i32[b + 1] * TWO32;
}

function put(b, s, sub, subMax, what) {
  if (typeof s === 'bigint') {
    if (s < -(1n << 63n) || s >= (1n << 63n)) throw typeError(`${what}: seconds outside the 64-bit range`);
    w.i64[b >> 1] = s;
  } else {
    if (typeof s !== 'number' || !Number.isSafeInteger(s))
      throw typeError(`${what}: seconds must be a safe integer Number or a BigInt, got ${s}`);
    const hi = Math.floor(s / TWO32);
    w.u32[b] = s - hi * TWO32;
    w.i32[b + 1] = hi;
  }
  if (typeof sub === 'bigint') sub = Number(sub);
  checkInt(sub, 0, subMax, `${what}: the fraction`);
  w.u32[b + 2] = sub;
  w.u32[b + 3] = 0;
}

// The timespec at `offset`: { sec, nsec } as Numbers, or as BigInts.
function decode(buf, offset = 0) {
  const b = w.at(buf, 16, offset, 'timespec.decode');
  return { sec: sec(b), nsec: w.i32[b + 2] };
}
function decodeBigInt(buf, offset = 0) {
  const b = w.at(buf, 16, offset, 'timespec.decodeBigInt');
  return { sec: w.i64[b >> 1], nsec: w.i64[(b >> 1) + 1] };
}
// Nanoseconds as an exact BigInt; milliseconds as a Number.
function toNs(buf, offset = 0) {
  const b = w.at(buf, 16, offset, 'timespec.toNs') >> 1;
  return w.i64[b] * 1000000000n + w.i64[b + 1];
}
function toMs(buf, offset = 0) {
  const b = w.at(buf, 16, offset, 'timespec.toMs');
  return sec(b) * 1e3 + w.i32[b + 2] / 1e6;
}

// encode(buf, sec, nsec, offset): sec a safe integer or BigInt, nsec in
// [0, 999999999]; a new Buffer when buf is null. Returns the buffer.
function encode(buf, s, ns, offset = 0) {
  buf = outBuffer(buf, 16, offset, 'timespec.encode');
  put(w.at(buf, 16, offset, 'timespec.encode'), s, ns, 999999999, 'timespec.encode');
  w.flush(buf, 16, offset);
  return buf;
}

// From milliseconds (a non-negative finite Number, fractions kept to the ns).
function encodeMs(buf, ms, offset = 0) {
  if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms))
    throw typeError(`timespec.encodeMs: milliseconds must be a non-negative finite Number, got ${ms}`);
  const s = Math.floor(ms / 1e3);
  return encode(buf, s, Math.min(999999999, Math.round((ms - s * 1e3) * 1e6)), offset);
}

// From nanoseconds as a BigInt (or a safe-integer Number); negative values
// floor, so nsec stays in [0, 1e9).
function encodeNs(buf, ns, offset = 0) {
  if (typeof ns === 'number' && Number.isSafeInteger(ns)) ns = BigInt(ns);
  if (typeof ns !== 'bigint') throw typeError(`timespec.encodeNs: nanoseconds must be a BigInt, got ${typeof ns}`);
  let s = ns / 1000000000n, r = ns % 1000000000n;
  if (r < 0n) { s -= 1n; r += 1000000000n; }
  return encode(buf, s, Number(r), offset);
}

const timeval = {
  SIZE: TIMEVAL_SIZE,
  layout: LAYOUTS.timeval,
  decode(buf, offset = 0) {
    const b = w.at(buf, 16, offset, 'timeval.decode');
    return { sec: sec(b), usec: w.i32[b + 2] };
  },
  decodeBigInt(buf, offset = 0) {
    const b = w.at(buf, 16, offset, 'timeval.decodeBigInt') >> 1;
    return { sec: w.i64[b], usec: w.i64[b + 1] };
  },
  toMs(buf, offset = 0) {
    const b = w.at(buf, 16, offset, 'timeval.toMs');
    return sec(b) * 1e3 + w.i32[b + 2] / 1e3;
  },
  encode(buf, s, us, offset = 0) {
    buf = outBuffer(buf, 16, offset, 'timeval.encode');
    put(w.at(buf, 16, offset, 'timeval.encode'), s, us, 999999, 'timeval.encode');
    w.flush(buf, 16, offset);
    return buf;
  },
};

// itimerspec for timerfd_settime/timer_settime: { interval, value } each
// { sec, nsec }; a zero value disarms.
const itimerspec = {
  SIZE: ITIMERSPEC_SIZE,
  layout: LAYOUTS.itimerspec,
  decode(buf, offset = 0) {
    const b = w.at(buf, 32, offset, 'itimerspec.decode');
    return {
      interval: { sec: sec(b), nsec: w.i32[b + 2] },
      value: { sec: sec(b + 4), nsec: w.i32[b + 6] },
    };
  },
  decodeBigInt(buf, offset = 0) {
    const b = w.at(buf, 32, offset, 'itimerspec.decodeBigInt') >> 1;
    return {
      interval: { sec: w.i64[b], nsec: w.i64[b + 1] },
      value: { sec: w.i64[b + 2], nsec: w.i64[b + 3] },
    };
  },
  encode(buf, v, offset = 0) {
    if (v === null || typeof v !== 'object') throw typeError('itimerspec.encode: expected { interval, value }');
    buf = outBuffer(buf, 32, offset, 'itimerspec.encode');
    const b = w.at(buf, 32, offset, 'itimerspec.encode');
    const iv = v.interval || { sec: 0, nsec: 0 }, vv = v.value || { sec: 0, nsec: 0 };
    put(b, iv.sec, iv.nsec, 999999999, 'itimerspec.encode interval');
    put(b + 4, vv.sec, vv.nsec, 999999999, 'itimerspec.encode value');
    w.flush(buf, 32, offset);
    return buf;
  },
  // The timer fires after valueMs, then every intervalMs (0: once).
  encodeMs(buf, valueMs, intervalMs = 0, offset = 0) {
    for (const [n, v] of [['valueMs', valueMs], ['intervalMs', intervalMs]])
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))
        throw typeError(`itimerspec.encodeMs: ${n} must be a non-negative finite Number, got ${v}`);
    const split = (ms) => {
      const s = Math.floor(ms / 1e3);
      return { sec: s, nsec: Math.min(999999999, Math.round((ms - s * 1e3) * 1e6)) };
    };
    return itimerspec.encode(buf, { interval: split(intervalMs), value: split(valueMs) }, offset);
  },
};

const timespec = {
  SIZE: TIMESPEC_SIZE, layout: LAYOUTS.timespec,
  decode, decodeBigInt, toNs, toMs, encode, encodeMs, encodeNs,
};

module.exports = { timespec, timeval, itimerspec, LAYOUTS };
