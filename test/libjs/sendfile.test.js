'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir, pipe } = require('./helpers');

const { E } = L;

describe('libjs/sendfile', () => {
  it('sendfile: file to pipe, with and without an offset', () => {
    const t = tmpdir();
    const [r, w] = pipe();
    try {
      const f = t.file('src');
      fs.writeFileSync(f, 'hello sendfile');
      const fd = L.open(f, L.O_RDONLY);
      try {
        assert.strictEqual(L.sendfile(w, fd, null, 5), 5);
        const off = new BigInt64Array([6n]);
        assert.strictEqual(L.sendfile(w, fd, off, 100), 8);
        assert.strictEqual(off[0], 14n);
        assert.strictEqual(L.lseek(fd, 0, L.SEEK_CUR), 5, 'the offset form leaves the position');
        const b = Buffer.alloc(32);
        assert.strictEqual(L.read(r, b, 32), 13);
        assert.strictEqual(b.toString('utf8', 0, 13), 'hellosendfile');
        assert.strictEqual(L.sendfile(fd, fd, null, 1), -E.EBADF, 'out not writable');
      } finally {
        L.close(fd);
      }
      assert.strictEqual(L.sendfile(w, -1, null, 1), -E.EBADF);
      assert.throws(() => L.sendfile(w, 0, new Int32Array(1), 1), /offset must be at least 8/);
    } finally {
      L.close(r);
      L.close(w);
      t.cleanup();
    }
  });
});
