'use strict';
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const L = require('../../libjs');
const { tmpdir } = require('./helpers');

const { E } = L;

// Python's os.getxattr/os.listxattr (the C library's calls) as a second opinion.
function python(code) {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

describe('libjs/xattr', () => {
  let t, f;
  beforeEach(function () {
    t = tmpdir();
    f = t.file('x');
    fs.writeFileSync(f, '');
    if (L.setxattr(f, 'user.probe', Buffer.from('1'), 1, 0) === -E.EOPNOTSUPP) {
      t.cleanup();
      this.currentTest.title += ' [skipped: the temporary directory\'s filesystem has no user xattrs]';
      this.skip();
    }
  });
  afterEach(() => t.cleanup());

  it('setxattr, getxattr, listxattr, removexattr (checked with Python\'s os.*xattr)', () => {
    assert.strictEqual(L.setxattr(f, 'user.libjs', Buffer.from('xxvalue'), 5, 0, 2), 0);
    assert.strictEqual(python(`import os; print(os.getxattr(${JSON.stringify(f)}, 'user.libjs').decode())`), 'value');
    assert.strictEqual(L.getxattr(f, 'user.libjs', null, 0), 5, 'the size, with no buffer');
    const b = Buffer.alloc(16);
    assert.strictEqual(L.getxattr(f, 'user.libjs', b, 10, 6), 5);
    assert.strictEqual(b.toString('utf8', 6, 11), 'value');
    assert.strictEqual(L.getxattr(f, 'user.libjs', b, 2), -E.ERANGE);
    assert.strictEqual(L.listxattr(f, b, 16), -E.ERANGE, '22 bytes of names');
    const big = Buffer.alloc(64);
    const n = L.listxattr(f, big, 64);
    assert.strictEqual(n, 22);
    const names = big.toString('utf8', 0, n).split('\0').filter(Boolean).sort();
    assert.deepStrictEqual(names, ['user.libjs', 'user.probe']);
    assert.strictEqual(python(`import os; print(','.join(sorted(os.listxattr(${JSON.stringify(f)}))))`),
      names.join(','));
    assert.strictEqual(L.listxattr(f, null, 0), n);
    assert.strictEqual(L.setxattr(f, 'user.libjs', b, 1, L.XATTR_CREATE), -E.EEXIST);
    assert.strictEqual(L.setxattr(f, 'user.none', b, 1, L.XATTR_REPLACE), -E.ENODATA);
    assert.strictEqual(L.removexattr(f, 'user.libjs'), 0);
    assert.strictEqual(L.getxattr(f, 'user.libjs', b, 16), -E.ENODATA);
    assert.strictEqual(L.removexattr(f, 'user.libjs'), -E.ENODATA);
    assert.strictEqual(L.getxattr(t.file('none'), 'user.x', b, 16), -E.ENOENT);
    assert.throws(() => L.getxattr(f, 'user.libjs', null, 4), /a null buffer needs a length of 0/);
    assert.throws(() => L.setxattr(f, 'user.libjs', b, 17, 0), TypeError);
  });

  it('the f* forms on an fd, the l* forms on a symlink itself', () => {
    const fd = L.open(f, L.O_RDWR);
    try {
      assert.strictEqual(L.fsetxattr(fd, 'user.fd', Buffer.from('on fd'), 5, 0), 0);
      const b = Buffer.alloc(16);
      assert.strictEqual(L.fgetxattr(fd, 'user.fd', b, 16), 5);
      assert.strictEqual(b.toString('utf8', 0, 5), 'on fd');
      assert.strictEqual(L.flistxattr(fd, Buffer.alloc(32), 32), 19, 'user.probe, user.fd');
      assert.strictEqual(L.fremovexattr(fd, 'user.fd'), 0);
      assert.strictEqual(L.fgetxattr(fd, 'user.fd', b, 16), -E.ENODATA);
      assert.strictEqual(L.fsetxattr(-1, 'user.fd', b, 1, 0), -E.EBADF);
    } finally {
      L.close(fd);
    }
    fs.symlinkSync(f, t.file('ln'));
    const b = Buffer.alloc(64);
    // Through the link: the file's attributes; on the link itself: none.
    assert.strictEqual(L.getxattr(t.file('ln'), 'user.probe', b, 64), 1);
    assert.strictEqual(L.lgetxattr(t.file('ln'), 'user.probe', b, 64), -E.ENODATA);
    assert.strictEqual(L.llistxattr(t.file('ln'), b, 64) >= 0, true);
    assert.strictEqual(L.lsetxattr(t.file('ln'), 'user.x', b, 1, 0), -E.EPERM, 'no user xattrs on symlinks');
    assert.strictEqual(L.lremovexattr(t.file('ln'), 'user.probe'), -E.EPERM);
    assert.strictEqual(L.lremovexattr(t.file('none'), 'user.probe'), -E.ENOENT);
  });
});
