// unode/internal/process: CLOCK_MONOTONIC through the vDSO (libjs/vdso), for
// process.hrtime() and process.uptime(). A vDSO call never reaches the traced
// system-call gate, so under UNODE_TRACE each read is reported as
// `[vdso] clock_gettime(CLOCK_MONOTONIC, ...) = 0`.
'use strict';
const vdso = require('libjs/vdso');

let mono = vdso.hrtimeMono; // [seconds, nanoseconds]
let monoBigInt = vdso.hrtimeBigInt; // nanoseconds as a BigInt

if (process.env.UNODE_TRACE) {
  const trace = require('libjs/trace');
  if (trace.enabled) {
    const { CLOCK_MONOTONIC } = require('libjs/constants');
    const ts = new BigInt64Array(2);
    const report = (s, ns) => {
      ts[0] = BigInt(s);
      ts[1] = BigInt(ns);
      trace.record('clock_gettime', [CLOCK_MONOTONIC, ts], 0, { tag: 'vdso' });
    };
    const plainMono = mono, plainBigInt = monoBigInt;
    mono = function hrtimeMono() {
      const t = plainMono();
      report(t[0], t[1]);
      return t;
    };
    monoBigInt = function hrtimeBigInt() {
      const t = plainBigInt();
      report(t / 1000000000n, t % 1000000000n);
      return t;
    };
  }
}

module.exports = { mono, monoBigInt };
