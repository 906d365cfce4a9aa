'use strict';
const assert = require('assert');
const L = require('../../libjs');

const { E } = L;

describe('libjs/timerfd', () => {
  it('timerfd_create, timerfd_settime, timerfd_gettime, expirations by read', () => {
    const fd = L.timerfd_create(L.CLOCK_MONOTONIC, L.TFD_CLOEXEC);
    assert.ok(fd >= 0);
    try {
      // itimerspec: it_interval { sec, nsec }, it_value { sec, nsec }
      const spec = new BigInt64Array([0n, 5000000n, 0n, 20000000n]);
      const old = new BigInt64Array(4).fill(-1n);
      const t0 = process.hrtime.bigint();
      assert.strictEqual(L.timerfd_settime(fd, 0, spec, old), 0);
      assert.deepStrictEqual([...old], [0n, 0n, 0n, 0n], 'it was disarmed');
      const cur = new BigInt64Array(4);
      assert.strictEqual(L.timerfd_gettime(fd, cur), 0);
      assert.strictEqual(cur[1], 5000000n);
      assert.ok(cur[3] > 0n && cur[3] <= 20000000n);
      const n = new BigUint64Array(1);
      assert.strictEqual(L.read(fd, n, 8), 8);
      assert.ok(n[0] >= 1n);
      assert.ok(process.hrtime.bigint() - t0 >= 20000000n);
      assert.strictEqual(L.timerfd_settime(fd, 0, new BigInt64Array(4)), 0, 'disarm');
      assert.strictEqual(L.timerfd_settime(fd, 0, new BigInt64Array([0n, 0n, 0n, -1n])), -E.EINVAL);
      assert.throws(() => L.timerfd_settime(fd, 0, new BigInt64Array(3)), /newValue must be at least 32/);
      assert.throws(() => L.timerfd_gettime(fd, Buffer.alloc(16)), TypeError);
    } finally {
      L.close(fd);
    }
    assert.strictEqual(L.timerfd_create(12345, 0), -E.EINVAL);
    assert.strictEqual(L.timerfd_gettime(-1, new BigInt64Array(4)), -E.EBADF);
  });
});
