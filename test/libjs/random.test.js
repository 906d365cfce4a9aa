'use strict';
const assert = require('assert');
const L = require('../../libjs');

const { E } = L;

describe('libjs/random', () => {
  it('getrandom fills the buffer (at an offset too)', () => {
    const b = Buffer.alloc(64);
    assert.strictEqual(L.getrandom(b, 32, 0), 32);
    assert.ok(b.subarray(0, 32).some((x) => x !== 0));
    assert.ok(b.subarray(32).every((x) => x === 0));
    const c = Buffer.alloc(64);
    assert.strictEqual(L.getrandom(c, 16, L.GRND_NONBLOCK, 48), 16);
    assert.ok(c.subarray(0, 48).every((x) => x === 0));
    assert.ok(!c.subarray(48).equals(b.subarray(0, 16)));
  });

  it('EINVAL for unknown flags; a length past the buffer is a TypeError', () => {
    assert.strictEqual(L.getrandom(Buffer.alloc(4), 4, 0x100), -E.EINVAL);
    assert.throws(() => L.getrandom(Buffer.alloc(4), 5, 0), TypeError);
  });
});
