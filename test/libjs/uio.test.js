'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir, pipe } = require('./helpers');

const { E } = L;

describe('libjs/uio', () => {
  let t;
  beforeEach(() => {
    t = tmpdir();
  });
  afterEach(() => t.cleanup());

  it('writev, readv: several buffers of several kinds, one call', () => {
    const [r, w] = pipe();
    try {
      const parts = [Buffer.from('one '), new Uint8Array(0), new TextEncoder().encode('two '), Buffer.from('three')];
      assert.strictEqual(L.writev(w, parts), 13);
      const a = Buffer.alloc(3), b = new Uint16Array(2), c = new DataView(new ArrayBuffer(10));
      assert.strictEqual(L.readv(r, [a, b, c]), 13);
      assert.strictEqual(a.toString() + Buffer.from(b.buffer).toString() + Buffer.from(c.buffer).toString('utf8', 0, 6),
        'one two three');
      assert.strictEqual(L.writev(w, Buffer.from('single')), 6, 'one buffer alone');
      const d = Buffer.alloc(6);
      assert.strictEqual(L.readv(r, d), 6);
      assert.strictEqual(d.toString(), 'single');
    } finally {
      fs.closeSync(r);
      fs.closeSync(w);
    }
  });

  it('many buffers (more than the first scratch holds)', () => {
    const [r, w] = pipe();
    try {
      const bufs = Array.from({ length: 100 }, (_, i) => Buffer.from([i]));
      assert.strictEqual(L.writev(w, bufs), 100);
      const into = Array.from({ length: 100 }, () => Buffer.alloc(1));
      assert.strictEqual(L.readv(r, into), 100);
      assert.deepStrictEqual(into.map((b) => b[0]), bufs.map((b) => b[0]));
    } finally {
      fs.closeSync(r);
      fs.closeSync(w);
    }
  });

  it('preadv, pwritev, preadv2, pwritev2 at positions', () => {
    const f = t.file('v');
    fs.writeFileSync(f, '0123456789');
    const fd = fs.openSync(f, 'r+');
    try {
      assert.strictEqual(L.pwritev(fd, [Buffer.from('ab'), Buffer.from('cd')], 3), 4);
      assert.strictEqual(fs.readFileSync(f, 'utf8'), '012abcd789');
      const a = Buffer.alloc(2), b = Buffer.alloc(3);
      assert.strictEqual(L.preadv(fd, [a, b], 5), 5);
      assert.strictEqual(a.toString() + b.toString(), 'cd789');
      assert.strictEqual(L.pwritev2(fd, [Buffer.from('Z')], 0, 0), 1);
      assert.strictEqual(L.preadv2(fd, [a], 0, 0), 2);
      assert.strictEqual(a.toString(), 'Z1');
      assert.strictEqual(L.preadv2(fd, [a], -1, 0), 2, 'pos -1: the file position');
      assert.strictEqual(L.preadv(fd, [a], -1), -E.EINVAL);
      assert.strictEqual(L.pwritev2(fd, [a], 0, 0x7fffffff), -E.EOPNOTSUPP);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('EBADF; a non-buffer or too many buffers is a TypeError', () => {
    assert.strictEqual(L.readv(-1, [Buffer.alloc(1)]), -E.EBADF);
    assert.strictEqual(L.writev(-1, [Buffer.alloc(1)]), -E.EBADF);
    assert.strictEqual(L.preadv(-1, [Buffer.alloc(1)], 0), -E.EBADF);
    assert.strictEqual(L.pwritev(-1, [Buffer.alloc(1)], 0), -E.EBADF);
    assert.throws(() => L.readv(0, ['str']), /buffers\[0\] must be/);
    assert.throws(() => L.writev(0, 'str'), /buffers must be an array/);
    assert.throws(() => L.writev(0, new Array(1025).fill(Buffer.alloc(1))), /at most 1024/);
  });
});
