'use strict';
const assert = require('assert');
const os = require('os');
const L = require('../../libjs');

function fieldAt(b, i) {
  const s = b.subarray(65 * i, 65 * (i + 1));
  return s.toString('utf8', 0, s.indexOf(0));
}

describe('libjs/utsname', () => {
  it('uname: the fields os reports', () => {
    const b = Buffer.alloc(390);
    assert.strictEqual(L.uname(b), 0);
    assert.strictEqual(fieldAt(b, 0), os.type());
    assert.strictEqual(fieldAt(b, 1), os.hostname());
    assert.strictEqual(fieldAt(b, 2), os.release());
    assert.strictEqual(fieldAt(b, 3), os.version());
    assert.strictEqual(fieldAt(b, 4), os.machine());
  });

  it('a buffer shorter than struct utsname is a TypeError', () => {
    assert.throws(() => L.uname(Buffer.alloc(389)), /buf must be at least 390 bytes/);
    assert.throws(() => L.uname(null), TypeError);
  });
});
