// trace: clock_gettime
'use strict';
const t0 = process.hrtime.bigint();
let last = t0, mono = true;
for (let i = 0; i < 1000; i++) { const t = process.hrtime.bigint(); if (t < last) mono = false; last = t; }
console.log(typeof t0, mono, last >= t0);
const [s, ns] = process.hrtime();
const big = process.hrtime.bigint();
console.log(big >= BigInt(s) * 1000000000n + BigInt(ns));
const start = process.hrtime.bigint();
setTimeout(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log('slept at least 20ms', ms >= 19);
}, 20);
