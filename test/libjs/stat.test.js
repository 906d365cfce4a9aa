'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir, field, num, struct } = require('./helpers');

const { E } = L;

// A struct timespec member of struct stat, in ns.
function ns(buf, name) {
  const off = require('libsys').offsetof.stat[name];
  return buf.readBigInt64LE(off) * 1000000000n + buf.readBigInt64LE(off + 8);
}

// The fields of a struct stat buffer against fs's BigIntStats.
function sameAsNode(buf, st) {
  assert.strictEqual(field(buf, 'stat', 'st_ino'), st.ino);
  assert.strictEqual(field(buf, 'stat', 'st_size'), st.size);
  assert.strictEqual(field(buf, 'stat', 'st_mode'), st.mode);
  assert.strictEqual(field(buf, 'stat', 'st_nlink'), st.nlink);
  assert.strictEqual(field(buf, 'stat', 'st_uid'), st.uid);
  assert.strictEqual(field(buf, 'stat', 'st_gid'), st.gid);
  assert.strictEqual(field(buf, 'stat', 'st_dev'), st.dev);
  assert.strictEqual(field(buf, 'stat', 'st_blocks'), st.blocks);
  assert.strictEqual(ns(buf, 'st_mtim'), st.mtimeNs);
  assert.strictEqual(ns(buf, 'st_ctim'), st.ctimeNs);
}

describe('libjs/stat', () => {
  let t;
  beforeEach(() => {
    t = tmpdir();
  });
  afterEach(() => t.cleanup());

  it('fstat, newfstatat, stat, lstat fill struct stat as fs.statSync reports it', () => {
    const f = t.file('s');
    fs.writeFileSync(f, 'x'.repeat(1234));
    fs.symlinkSync(f, t.file('ln'));
    const buf = struct('stat');
    const fd = fs.openSync(f, 'r');
    try {
      assert.strictEqual(L.fstat(fd, buf), 0);
      sameAsNode(buf, fs.fstatSync(fd, { bigint: true }));
    } finally {
      fs.closeSync(fd);
    }
    buf.fill(0);
    assert.strictEqual(L.stat(t.file('ln'), buf), 0);
    sameAsNode(buf, fs.statSync(f, { bigint: true }));
    buf.fill(0);
    assert.strictEqual(L.lstat(t.file('ln'), buf), 0);
    sameAsNode(buf, fs.lstatSync(t.file('ln'), { bigint: true }));
    assert.strictEqual(num(buf, 'stat', 'st_mode') & L.S_IFMT, L.S_IFLNK);
    const dfd = fs.openSync(t.dir, 'r');
    try {
      buf.fill(0);
      assert.strictEqual(L.newfstatat(dfd, 'ln', buf, L.AT_SYMLINK_NOFOLLOW), 0);
      sameAsNode(buf, fs.lstatSync(t.file('ln'), { bigint: true }));
      assert.strictEqual(L.fstatat(dfd, '', buf, L.AT_EMPTY_PATH), 0);
      sameAsNode(buf, fs.statSync(t.dir, { bigint: true }));
      assert.strictEqual(L.newfstatat(dfd, 'none', buf, 0), -E.ENOENT);
    } finally {
      fs.closeSync(dfd);
    }
    assert.strictEqual(L.fstat(-1, buf), -E.EBADF);
    assert.strictEqual(L.stat(t.file('none'), buf), -E.ENOENT);
    assert.strictEqual(L.lstat(`${f}/x`, buf), -E.ENOTDIR);
  });

  it('a stat buffer smaller than struct stat is a TypeError, and nothing is written', () => {
    const small = Buffer.alloc(require('libsys').sizeof.stat - 1, 0xaa);
    assert.throws(() => L.fstat(0, small), /buf must be at least \d+ bytes/);
    assert.throws(() => L.stat('/', small), TypeError);
    assert.throws(() => L.lstat('/', new Uint8Array(8)), TypeError);
    assert.throws(() => L.newfstatat(L.AT_FDCWD, '/', null, 0), TypeError);
    assert.ok(small.every((b) => b === 0xaa));
  });

  it('the register gate (Number arguments) and syscall() (BigInt ones) fill the same structs', () => {
    const f = t.file('g');
    fs.writeFileSync(f, 'gate');
    const fd = fs.openSync(f, 'r');
    try {
      const fast = struct('stat');
      const slow = struct('stat');
      const other = struct('stat');
      // Alternate struct buffers so a remembered address never stands for another.
      for (let i = 0; i < 3; i++) {
        assert.strictEqual(L.fstat(fd, fast), 0);
        assert.strictEqual(L.fstat(BigInt(fd), slow), 0);
        assert.ok(fast.equals(slow), 'fstat');
        assert.strictEqual(L.stat(f, other), 0);
        assert.strictEqual(L.newfstatat(BigInt(L.AT_FDCWD), f, slow, 0n), 0);
        assert.ok(other.equals(slow), 'stat');
        assert.strictEqual(L.lstat(Buffer.from(f), fast), 0, 'a Buffer path');
        assert.ok(fast.equals(slow), 'lstat');
      }
      const x1 = struct('statx');
      const x2 = struct('statx');
      assert.strictEqual(L.statx(L.AT_FDCWD, f, 0, L.STATX_BASIC_STATS, x1), 0);
      assert.strictEqual(L.statx(BigInt(L.AT_FDCWD), f, 0n, BigInt(L.STATX_BASIC_STATS), x2), 0);
      const o = require('libsys').offsetof.statx;
      for (const name of ['stx_ino', 'stx_size', 'stx_mtime'])
        assert.strictEqual(x1.readBigUInt64LE(o[name]), x2.readBigUInt64LE(o[name]), name);
      assert.strictEqual(require('../../libjs/fstatx').fstatx(fd, 0, L.STATX_BASIC_STATS, x2), 0);
      assert.strictEqual(x1.readBigUInt64LE(o.stx_ino), x2.readBigUInt64LE(o.stx_ino), 'fstatx');
      assert.strictEqual(L.fstat(-1, fast), -E.EBADF);
      assert.throws(() => L.fstat(1.5, fast), /argument 1 must be an integer/);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('statx fills struct statx as fs.statSync reports it (birth time too)', () => {
    const f = t.file('x');
    fs.writeFileSync(f, 'statx!');
    const buf = struct('statx');
    assert.strictEqual(L.statx(L.AT_FDCWD, f, 0, L.STATX_BASIC_STATS | L.STATX_BTIME, buf), 0);
    const st = fs.statSync(f, { bigint: true });
    assert.strictEqual(field(buf, 'statx', 'stx_size'), st.size);
    assert.strictEqual(field(buf, 'statx', 'stx_ino'), st.ino);
    assert.strictEqual(BigInt(buf.readUInt16LE(require('libsys').offsetof.statx.stx_mode)), st.mode);
    const mask = num(buf, 'statx', 'stx_mask');
    assert.ok((mask & L.STATX_BASIC_STATS) === L.STATX_BASIC_STATS);
    if (mask & L.STATX_BTIME) {
      const o = require('libsys').offsetof.statx.stx_btime;
      const btime = buf.readBigInt64LE(o) * 1000000000n + BigInt(buf.readUInt32LE(o + 8));
      assert.strictEqual(btime, st.birthtimeNs);
    }
    assert.strictEqual(L.statx(L.AT_FDCWD, t.file('none'), 0, L.STATX_BASIC_STATS, buf), -E.ENOENT);
    assert.strictEqual(L.statx(L.AT_FDCWD, f, 0, 0x80000000, buf), -E.EINVAL);
    assert.throws(() => L.statx(L.AT_FDCWD, f, 0, 0, Buffer.alloc(255)), TypeError);
  });

  it('fchmodat, fchmodat2, fchmod, chmod', () => {
    const f = t.file('m');
    fs.writeFileSync(f, '');
    assert.strictEqual(L.chmod(f, 0o751), 0);
    assert.strictEqual(fs.statSync(f).mode & 0o7777, 0o751);
    assert.strictEqual(L.fchmodat(L.AT_FDCWD, f, 0o640), 0);
    assert.strictEqual(fs.statSync(f).mode & 0o7777, 0o640);
    assert.strictEqual(L.fchmodat2(L.AT_FDCWD, f, 0o604, 0), 0);
    assert.strictEqual(fs.statSync(f).mode & 0o7777, 0o604);
    const fd = fs.openSync(f, 'r');
    try {
      assert.strictEqual(L.fchmod(fd, 0o4755), 0);
      assert.strictEqual(fs.statSync(f).mode & 0o7777, 0o4755);
    } finally {
      fs.closeSync(fd);
    }
    fs.symlinkSync(f, t.file('ln'));
    // Linux cannot change a symlink's own mode.
    assert.strictEqual(L.fchmodat2(L.AT_FDCWD, t.file('ln'), 0o600, L.AT_SYMLINK_NOFOLLOW), -E.EOPNOTSUPP);
    assert.strictEqual(L.chmod(t.file('none'), 0o600), -E.ENOENT);
    assert.strictEqual(L.fchmodat(-1, 'rel', 0o600), -E.EBADF);
    assert.strictEqual(L.fchmod(-1, 0o600), -E.EBADF);
    assert.strictEqual(L.fchmodat2(L.AT_FDCWD, f, 0o600, -1), -E.EINVAL);
  });

  it('mkdirat, mkdir', () => {
    const old = process.umask(0);
    try {
      assert.strictEqual(L.mkdir(t.file('d'), 0o705), 0);
      assert.ok(fs.statSync(t.file('d')).isDirectory());
      assert.strictEqual(fs.statSync(t.file('d')).mode & 0o777, 0o705);
      const dfd = fs.openSync(t.file('d'), 'r');
      try {
        assert.strictEqual(L.mkdirat(dfd, 'sub', 0o700), 0);
        assert.ok(fs.statSync(t.file('d/sub')).isDirectory());
        assert.strictEqual(L.mkdirat(dfd, 'sub', 0o700), -E.EEXIST);
      } finally {
        fs.closeSync(dfd);
      }
    } finally {
      process.umask(old);
    }
    assert.strictEqual(L.mkdir(t.file('d'), 0o700), -E.EEXIST);
    assert.strictEqual(L.mkdir(t.file('none/x'), 0o700), -E.ENOENT);
  });

  it('mknodat, mknod, mkfifo: a fifo, a socket node, a device (root)', () => {
    assert.strictEqual(L.mkfifo(t.file('fifo'), 0o600), 0);
    assert.ok(fs.statSync(t.file('fifo')).isFIFO());
    assert.strictEqual(L.mknod(t.file('sock'), L.S_IFSOCK | 0o600, 0), 0);
    assert.ok(fs.statSync(t.file('sock')).isSocket());
    const dfd = fs.openSync(t.dir, 'r');
    try {
      assert.strictEqual(L.mknodat(dfd, 'reg', L.S_IFREG | 0o600, 0), 0);
      assert.ok(fs.statSync(t.file('reg')).isFile());
      assert.strictEqual(L.mknodat(dfd, 'reg', L.S_IFREG | 0o600, 0), -E.EEXIST);
    } finally {
      fs.closeSync(dfd);
    }
    const dev = (1 << 8) | 3; // 1:3, /dev/null
    const r = L.mknod(t.file('null'), L.S_IFCHR | 0o600, dev);
    if (process.getuid() === 0 && r === 0) {
      const st = fs.statSync(t.file('null'));
      assert.ok(st.isCharacterDevice());
      assert.strictEqual(st.rdev, fs.statSync('/dev/null').rdev);
    } else {
      assert.strictEqual(r, -E.EPERM);
    }
    assert.strictEqual(L.mkfifo(t.file('fifo'), 0o600), -E.EEXIST);
    assert.strictEqual(L.mknod(t.file('bad'), 0o170000, 0), -E.EINVAL);
  });

  it('umask returns the previous mask (as process.umask sees it)', () => {
    const old = L.umask(0o027);
    try {
      assert.strictEqual(process.umask(), 0o027);
      assert.strictEqual(L.umask(0o022), 0o027);
    } finally {
      L.umask(old);
    }
  });

  it('utimensat, futimens: nanosecond times, UTIME_OMIT, UTIME_NOW', () => {
    const f = t.file('u');
    fs.writeFileSync(f, '');
    const times = new BigInt64Array([1000000000n, 123456789n, 1700000000n, 987654321n]);
    assert.strictEqual(L.utimensat(L.AT_FDCWD, f, times, 0), 0);
    let st = fs.statSync(f, { bigint: true });
    assert.strictEqual(st.atimeNs, 1000000000123456789n);
    assert.strictEqual(st.mtimeNs, 1700000000987654321n);
    const fd = fs.openSync(f, 'r');
    try {
      const t2 = new BigInt64Array([5n, BigInt(L.UTIME_OMIT), 6n, 7n]);
      assert.strictEqual(L.futimens(fd, t2), 0);
      st = fs.statSync(f, { bigint: true });
      assert.strictEqual(st.atimeNs, 1000000000123456789n, 'UTIME_OMIT left atime');
      assert.strictEqual(st.mtimeNs, 6000000007n);
      assert.strictEqual(L.utimensat(fd, null, null, 0), 0, 'null times: now');
      st = fs.statSync(f, { bigint: true });
      assert.ok(st.mtimeNs > 1700000000000000000n);
    } finally {
      fs.closeSync(fd);
    }
    fs.symlinkSync('nowhere', t.file('ln'));
    assert.strictEqual(L.utimensat(L.AT_FDCWD, t.file('ln'), times, L.AT_SYMLINK_NOFOLLOW), 0);
    assert.strictEqual(fs.lstatSync(t.file('ln'), { bigint: true }).mtimeNs, 1700000000987654321n);
    assert.strictEqual(L.utimensat(L.AT_FDCWD, t.file('none'), null, 0), -E.ENOENT);
    assert.strictEqual(L.utimensat(L.AT_FDCWD, f, new BigInt64Array([0n, 2000000000n, 0n, 0n]), 0), -E.EINVAL);
    assert.strictEqual(L.futimens(-1, null), -E.EBADF);
    assert.throws(() => L.utimensat(L.AT_FDCWD, f, new BigInt64Array(3), 0), /times must be at least 32 bytes/);
  });
});
