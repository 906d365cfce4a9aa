'use strict';
const assert = require('assert');
const L = require('../../libjs');

const { E } = L;

describe('libjs/eventfd', () => {
  it('eventfd2, eventfd_write, eventfd_read: the counter', () => {
    const fd = L.eventfd2(3, L.EFD_NONBLOCK | L.EFD_CLOEXEC);
    assert.ok(fd >= 0);
    try {
      const v = new BigUint64Array(1);
      assert.strictEqual(L.eventfd_read(fd, v), 0);
      assert.strictEqual(v[0], 3n);
      assert.strictEqual(L.eventfd_read(fd, v), -E.EAGAIN);
      assert.strictEqual(L.eventfd_write(fd, 5), 0);
      assert.strictEqual(L.eventfd_write(fd, 2n ** 40n), 0);
      assert.strictEqual(L.eventfd_read(fd, v), 0);
      assert.strictEqual(v[0], 2n ** 40n + 5n);
      assert.strictEqual(L.eventfd_write(fd, 2n ** 64n - 1n), -E.EINVAL, 'the maximum is 2**64-2');
      assert.throws(() => L.eventfd_write(fd, -1), TypeError);
      assert.throws(() => L.eventfd_read(fd, new Uint32Array(1)), /value must be at least 8 bytes/);
    } finally {
      L.close(fd);
    }
  });

  it('EFD_SEMAPHORE: one per read', () => {
    const fd = L.eventfd(2, L.EFD_SEMAPHORE | L.EFD_NONBLOCK);
    try {
      const v = new BigUint64Array(1);
      assert.strictEqual(L.eventfd_read(fd, v), 0);
      assert.strictEqual(v[0], 1n);
      assert.strictEqual(L.eventfd_read(fd, v), 0);
      assert.strictEqual(L.eventfd_read(fd, v), -E.EAGAIN);
    } finally {
      L.close(fd);
    }
    assert.strictEqual(L.eventfd2(0, -1), -E.EINVAL);
    assert.strictEqual(L.eventfd_read(-1, new BigUint64Array(1)), -E.EBADF);
  });
});
