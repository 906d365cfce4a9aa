'use strict';
const assert = require('assert');
const L = require('../../libjs');
const { child } = require('./helpers');

const { E } = L;

function ns(ts) {
  return ts[0] * 1000000000n + ts[1];
}

describe('libjs/time', () => {
  it('clock_gettime: CLOCK_MONOTONIC agrees with process.hrtime, CLOCK_REALTIME with Date', () => {
    const ts = new BigInt64Array(2);
    const a = process.hrtime.bigint();
    assert.strictEqual(L.clock_gettime(L.CLOCK_MONOTONIC, ts), 0);
    const b = process.hrtime.bigint();
    assert.ok(ns(ts) >= a && ns(ts) <= b, `${a} <= ${ns(ts)} <= ${b}`);
    assert.strictEqual(L.clock_gettime(L.CLOCK_REALTIME, ts), 0);
    assert.ok(Math.abs(Number(ns(ts) / 1000000n) - Date.now()) < 100);
    assert.strictEqual(L.clock_gettime(99, ts), -E.EINVAL);
    assert.throws(() => L.clock_gettime(L.CLOCK_MONOTONIC, new BigInt64Array(1)), /tp must be at least 16/);
  });

  it('clock_getres', () => {
    const ts = new BigInt64Array(2);
    assert.strictEqual(L.clock_getres(L.CLOCK_MONOTONIC, ts), 0);
    assert.ok(ns(ts) > 0n && ns(ts) <= 1000000n);
    assert.strictEqual(L.clock_getres(L.CLOCK_MONOTONIC, null), 0);
    assert.strictEqual(L.clock_getres(99, ts), -E.EINVAL);
  });

  it('nanosleep, clock_nanosleep: relative and absolute; EINVAL', () => {
    const t0 = process.hrtime.bigint();
    assert.strictEqual(L.nanosleep(new BigInt64Array([0n, 15000000n]), null), 0);
    assert.ok(process.hrtime.bigint() - t0 >= 15000000n);
    const t1 = process.hrtime.bigint();
    assert.strictEqual(L.clock_nanosleep(L.CLOCK_MONOTONIC, 0, new BigInt64Array([0n, 10000000n])), 0);
    assert.ok(process.hrtime.bigint() - t1 >= 10000000n);
    const now = new BigInt64Array(2);
    L.clock_gettime(L.CLOCK_MONOTONIC, now);
    const until = ns(now) + 10000000n;
    const abs = new BigInt64Array([until / 1000000000n, until % 1000000000n]);
    assert.strictEqual(L.clock_nanosleep(L.CLOCK_MONOTONIC, L.TIMER_ABSTIME, abs), 0);
    L.clock_gettime(L.CLOCK_MONOTONIC, now);
    assert.ok(ns(now) >= until);
    assert.strictEqual(L.nanosleep(new BigInt64Array([0n, 1000000000n])), -E.EINVAL);
    assert.strictEqual(L.clock_nanosleep(99, 0, new BigInt64Array([0n, 1n])), -E.EINVAL);
    assert.throws(() => L.nanosleep(new BigInt64Array(1)), TypeError);
  });

  it('a signal during the sleep does not cut it short (EINTR is restarted with the time left)', () => {
    // The child sleeps 300 ms while SIGALRM, caught by the handler Node
    // installs for process.on, interrupts it at about 50 ms (the raw call
    // returns -EINTR there).
    const r = child(`
      process.on('SIGALRM', () => {});
      require('child_process').exec('sleep 0.05 && kill -ALRM ' + process.pid);
      const t0 = process.hrtime.bigint();
      const rc = L.nanosleep(new BigInt64Array([0n, 300000000n]), null);
      console.log(JSON.stringify([rc, Number(process.hrtime.bigint() - t0) / 1e6]));`);
    assert.strictEqual(r.status, 0, r.stderr);
    const [rc, ms] = JSON.parse(r.stdout);
    assert.strictEqual(rc, 0);
    assert.ok(ms >= 299, `slept ${ms} ms`);
  });
});
