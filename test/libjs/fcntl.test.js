'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir, pipe } = require('./helpers');

const { E } = L;

// struct flock (64-bit): l_type i16 @0, l_whence i16 @2, l_start i64 @8,
// l_len i64 @16, l_pid i32 @24; 32 bytes.
function flockStruct(type, start = 0, len = 0) {
  const b = Buffer.alloc(32);
  b.writeInt16LE(type, 0);
  b.writeInt16LE(L.SEEK_SET, 2);
  b.writeBigInt64LE(BigInt(start), 8);
  b.writeBigInt64LE(BigInt(len), 16);
  return b;
}

describe('libjs/fcntl', () => {
  let t;
  beforeEach(() => {
    t = tmpdir();
  });
  afterEach(() => t.cleanup());

  it('open, openat, creat: flags and modes as fs sees them', () => {
    const f = t.file('n');
    const fd = L.open(f, L.O_CREAT | L.O_EXCL | L.O_WRONLY | L.O_CLOEXEC, 0o600);
    assert.ok(fd >= 0);
    assert.strictEqual(fs.statSync(f).mode & 0o777, 0o600 & ~process.umask());
    assert.strictEqual(L.fcntl(fd, L.F_GETFD), L.FD_CLOEXEC);
    L.close(fd);
    assert.strictEqual(L.open(f, L.O_CREAT | L.O_EXCL | L.O_WRONLY, 0o600), -E.EEXIST);
    assert.strictEqual(L.open(t.file('none'), L.O_RDONLY), -E.ENOENT);
    assert.strictEqual(L.open(f, L.O_RDONLY | L.O_DIRECTORY), -E.ENOTDIR);
    const dfd = L.open(t.dir, L.O_RDONLY | L.O_DIRECTORY);
    try {
      const fd2 = L.openat(dfd, 'n', L.O_RDWR | L.O_APPEND);
      assert.ok(fd2 >= 0);
      assert.strictEqual(L.fcntl(fd2, L.F_GETFL) & (L.O_ACCMODE | L.O_APPEND), L.O_RDWR | L.O_APPEND);
      L.close(fd2);
      assert.strictEqual(L.openat(dfd, 'none', L.O_RDONLY), -E.ENOENT);
    } finally {
      L.close(dfd);
    }
    fs.writeFileSync(f, 'old');
    const fd3 = L.creat(f, 0o644);
    assert.ok(fd3 >= 0);
    assert.strictEqual(L.write(fd3, Buffer.from('x'), 1), 1);
    L.close(fd3);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'x', 'creat truncates');
    fs.symlinkSync(f, t.file('ln'));
    assert.strictEqual(L.open(t.file('ln'), L.O_RDONLY | L.O_NOFOLLOW), -E.ELOOP);
    const tmp = L.open(t.dir, L.O_TMPFILE | L.O_RDWR, 0o600);
    assert.ok(tmp >= 0, `O_TMPFILE: ${tmp}`);
    L.close(tmp);
  });

  it('a Buffer path, with or without its NUL', () => {
    fs.writeFileSync(t.file('b'), '');
    const fd = L.open(Buffer.from(t.file('b')), L.O_RDONLY);
    assert.ok(fd >= 0);
    L.close(fd);
    const fd2 = L.open(Buffer.from(`${t.file('b')}\0`), L.O_RDONLY);
    assert.ok(fd2 >= 0);
    L.close(fd2);
    assert.throws(() => L.open(Buffer.from(`${t.file('b')}\0junk`), L.O_RDONLY), /NUL byte before its end/);
    assert.throws(() => L.open(`${t.file('b')}\0junk`, L.O_RDONLY), TypeError);
    assert.throws(() => L.open(42, L.O_RDONLY), /path must be a string or a Uint8Array, got number/);
  });

  it('openat2: RESOLVE_BENEATH refuses ..; a short `how` is a TypeError', () => {
    fs.mkdirSync(t.file('in'));
    fs.writeFileSync(t.file('out'), '');
    const dfd = L.open(t.file('in'), L.O_RDONLY | L.O_DIRECTORY);
    try {
      const how = new BigUint64Array([BigInt(L.O_RDONLY), 0n, BigInt(L.RESOLVE_BENEATH)]);
      assert.strictEqual(L.openat2(dfd, '../out', how), -E.EXDEV);
      const ok = new BigUint64Array([BigInt(L.O_RDONLY), 0n, 0n]);
      const fd = L.openat2(dfd, '../out', ok);
      assert.ok(fd >= 0);
      L.close(fd);
      assert.throws(() => L.openat2(dfd, 'x', new BigUint64Array(2)), /how must be at least 24 bytes/);
    } finally {
      L.close(dfd);
    }
  });

  it('fcntl: F_GETFL/F_SETFL, F_DUPFD_CLOEXEC, pipe sizes, EBADF', () => {
    const [r, w] = pipe();
    try {
      assert.strictEqual(L.fcntl(r, L.F_GETFL) & L.O_NONBLOCK, 0);
      assert.strictEqual(L.fcntl(r, L.F_SETFL, L.O_NONBLOCK), 0);
      assert.ok(L.fcntl(r, L.F_GETFL) & L.O_NONBLOCK);
      const d = L.fcntl(r, L.F_DUPFD_CLOEXEC, 100);
      assert.ok(d >= 100);
      assert.strictEqual(L.fcntl(d, L.F_GETFD), L.FD_CLOEXEC);
      L.close(d);
      assert.strictEqual(L.fcntl(w, L.F_SETPIPE_SZ, 1 << 16), 1 << 16);
      assert.strictEqual(L.fcntl(w, L.F_GETPIPE_SZ), 1 << 16);
    } finally {
      L.close(r);
      L.close(w);
    }
    assert.strictEqual(L.fcntl(-1, L.F_GETFD), -E.EBADF);
    assert.throws(() => L.fcntl(0, L.F_SETFL, Buffer.alloc(4)), /takes an integer argument/);
  });

  it('fcntl: open file description locks conflict across opens of one file', () => {
    const f = t.file('lock');
    fs.writeFileSync(f, 'data');
    const a = L.open(f, L.O_RDWR), b = L.open(f, L.O_RDWR);
    try {
      assert.strictEqual(L.fcntl(a, L.F_OFD_SETLK, flockStruct(L.F_WRLCK)), 0);
      assert.strictEqual(L.fcntl(b, L.F_OFD_SETLK, flockStruct(L.F_WRLCK)), -E.EAGAIN);
      const q = flockStruct(L.F_WRLCK);
      assert.strictEqual(L.fcntl(b, L.F_OFD_GETLK, q), 0);
      assert.strictEqual(q.readInt16LE(0), L.F_WRLCK, 'the conflicting lock is reported');
      assert.strictEqual(q.readInt32LE(24), -1, 'an OFD lock has no pid');
      assert.strictEqual(L.fcntl(a, L.F_OFD_SETLK, flockStruct(L.F_UNLCK)), 0);
      assert.strictEqual(L.fcntl(b, L.F_OFD_SETLKW, flockStruct(L.F_RDLCK)), 0);
      assert.strictEqual(L.fcntl(b, L.F_OFD_SETLK, flockStruct(L.F_UNLCK)), 0);
      // POSIX locks of one process never conflict with each other.
      assert.strictEqual(L.fcntl(a, L.F_SETLK, flockStruct(L.F_WRLCK, 0, 2)), 0);
      assert.strictEqual(L.fcntl(b, L.F_SETLKW, flockStruct(L.F_WRLCK, 0, 2)), 0);
      assert.throws(() => L.fcntl(a, L.F_SETLK, Buffer.alloc(16)), /arg must be at least 32 bytes/);
      assert.throws(() => L.fcntl(a, L.F_GETLK, 0), TypeError);
    } finally {
      L.close(a);
      L.close(b);
    }
  });

  it('fallocate, posix_fadvise, sync_file_range', () => {
    const f = t.file('fa');
    const fd = L.open(f, L.O_CREAT | L.O_RDWR, 0o644);
    try {
      assert.strictEqual(L.fallocate(fd, 0, 0, 8192), 0);
      assert.strictEqual(fs.statSync(f).size, 8192);
      assert.strictEqual(L.fallocate(fd, L.FALLOC_FL_KEEP_SIZE, 8192, 4096), 0);
      assert.strictEqual(fs.statSync(f).size, 8192);
      assert.strictEqual(L.fallocate(fd, 0, 0, 0), -E.EINVAL);
      assert.strictEqual(L.posix_fadvise(fd, 0, 0, L.POSIX_FADV_SEQUENTIAL), 0);
      assert.strictEqual(L.posix_fadvise(fd, 0, 0, 99), -E.EINVAL);
      assert.strictEqual(L.sync_file_range(fd, 0, 0, L.SYNC_FILE_RANGE_WRITE), 0);
      assert.strictEqual(L.sync_file_range(fd, 0, 0, 0x100), -E.EINVAL);
    } finally {
      L.close(fd);
    }
    assert.strictEqual(L.fallocate(-1, 0, 0, 1), -E.EBADF);
  });

  it('splice and tee between pipes and a file', () => {
    const [r1, w1] = pipe(), [r2, w2] = pipe();
    const f = t.file('sp');
    const fd = L.open(f, L.O_CREAT | L.O_RDWR, 0o644);
    try {
      L.write(w1, Buffer.from('spliced!'), 8);
      assert.strictEqual(L.tee(r1, w2, 8, 0), 8);
      assert.strictEqual(L.splice(r1, null, fd, null, 8, 0), 8);
      assert.strictEqual(fs.readFileSync(f, 'utf8'), 'spliced!');
      const b = Buffer.alloc(8);
      assert.strictEqual(L.read(r2, b, 8), 8, 'tee copied without consuming');
      assert.strictEqual(b.toString(), 'spliced!');
      const pos = new BigInt64Array([2n]);
      assert.strictEqual(L.splice(fd, pos, w1, null, 3, 0), 3);
      assert.strictEqual(pos[0], 5n);
      assert.strictEqual(L.read(r1, b, 3), 3);
      assert.strictEqual(b.toString('utf8', 0, 3), 'lic');
      assert.strictEqual(L.splice(fd, null, fd, null, 1, 0), -E.EINVAL, 'neither end a pipe');
      assert.strictEqual(L.tee(fd, w1, 1, 0), -E.EINVAL);
      assert.throws(() => L.splice(fd, new Uint8Array(4), w1, null, 1, 0), TypeError);
    } finally {
      for (const x of [r1, w1, r2, w2, fd]) L.close(x);
    }
  });

  it('flock: exclusive locks conflict between open file descriptions', () => {
    const f = t.file('fl');
    fs.writeFileSync(f, '');
    const a = L.open(f, L.O_RDONLY), b = L.open(f, L.O_RDONLY);
    try {
      assert.strictEqual(L.flock(a, L.LOCK_EX), 0);
      assert.strictEqual(L.flock(b, L.LOCK_EX | L.LOCK_NB), -E.EWOULDBLOCK);
      assert.strictEqual(L.flock(a, L.LOCK_UN), 0);
      assert.strictEqual(L.flock(b, L.LOCK_SH | L.LOCK_NB), 0);
      assert.strictEqual(L.flock(-1, L.LOCK_SH), -E.EBADF);
    } finally {
      L.close(a);
      L.close(b);
    }
  });
});
