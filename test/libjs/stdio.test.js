'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir } = require('./helpers');

const { E } = L;

describe('libjs/stdio', () => {
  let t;
  beforeEach(() => {
    t = tmpdir();
  });
  afterEach(() => t.cleanup());

  it('rename, renameat', () => {
    fs.writeFileSync(t.file('a'), 'A');
    assert.strictEqual(L.rename(t.file('a'), t.file('b')), 0);
    assert.strictEqual(fs.readFileSync(t.file('b'), 'utf8'), 'A');
    const dfd = fs.openSync(t.dir, 'r');
    try {
      assert.strictEqual(L.renameat(dfd, 'b', dfd, 'c'), 0);
      assert.deepStrictEqual(fs.readdirSync(t.dir), ['c']);
      assert.strictEqual(L.renameat(dfd, 'none', dfd, 'd'), -E.ENOENT);
    } finally {
      fs.closeSync(dfd);
    }
    assert.strictEqual(L.rename(t.file('none'), t.file('x')), -E.ENOENT);
    fs.mkdirSync(t.file('dir'));
    assert.strictEqual(L.rename(t.file('dir'), t.file('c')), -E.ENOTDIR);
  });

  it('renameat2: RENAME_NOREPLACE, RENAME_EXCHANGE, bad flags', () => {
    fs.writeFileSync(t.file('a'), 'A');
    fs.writeFileSync(t.file('b'), 'B');
    assert.strictEqual(L.renameat2(L.AT_FDCWD, t.file('a'), L.AT_FDCWD, t.file('b'), L.RENAME_NOREPLACE), -E.EEXIST);
    assert.strictEqual(L.renameat2(L.AT_FDCWD, t.file('a'), L.AT_FDCWD, t.file('b'), L.RENAME_EXCHANGE), 0);
    assert.strictEqual(fs.readFileSync(t.file('a'), 'utf8'), 'B');
    assert.strictEqual(L.renameat2(L.AT_FDCWD, t.file('a'), L.AT_FDCWD, t.file('c'), 0), 0);
    assert.strictEqual(L.renameat2(L.AT_FDCWD, t.file('c'), L.AT_FDCWD, t.file('d'),
      L.RENAME_NOREPLACE | L.RENAME_EXCHANGE), -E.EINVAL);
  });
});
