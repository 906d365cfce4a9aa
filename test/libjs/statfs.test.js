'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { num, struct } = require('./helpers');

const { E } = L;

function sameAsNode(buf, s) {
  assert.strictEqual(num(buf, 'statfs', 'f_type'), s.type);
  assert.strictEqual(num(buf, 'statfs', 'f_bsize'), s.bsize);
  assert.strictEqual(num(buf, 'statfs', 'f_blocks'), s.blocks);
  assert.strictEqual(num(buf, 'statfs', 'f_files'), s.files);
}

describe('libjs/statfs', () => {
  it('statfs, fstatfs fill struct statfs as fs.statfsSync reports it', () => {
    const buf = struct('statfs');
    assert.strictEqual(L.statfs('/', buf), 0);
    sameAsNode(buf, fs.statfsSync('/'));
    const fd = fs.openSync('/proc', 'r');
    try {
      buf.fill(0);
      assert.strictEqual(L.fstatfs(fd, buf), 0);
      sameAsNode(buf, fs.statfsSync('/proc'));
      assert.strictEqual(num(buf, 'statfs', 'f_type'), 0x9fa0, 'PROC_SUPER_MAGIC');
    } finally {
      fs.closeSync(fd);
    }
  });

  it('ENOENT, EBADF; a short buffer is a TypeError', () => {
    const buf = struct('statfs');
    assert.strictEqual(L.statfs('/nonexistent/x', buf), -E.ENOENT);
    assert.strictEqual(L.fstatfs(-1, buf), -E.EBADF);
    assert.throws(() => L.statfs('/', Buffer.alloc(119)), /at least 120 bytes/);
    assert.throws(() => L.fstatfs(0, Buffer.alloc(8)), TypeError);
  });
});
