'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir, child, pipe, isOpen, adjacentFds } = require('./helpers');

const { E } = L;

function fdOf(file, flags = 'r') {
  return fs.openSync(file, flags);
}

function cwd() {
  const b = Buffer.alloc(4096);
  const n = L.getcwd(b, b.length);
  assert.ok(n > 0);
  return b.toString('utf8', 0, n - 1);
}

describe('libjs/unistd', () => {
  let t;
  beforeEach(() => {
    t = tmpdir();
  });
  afterEach(() => t.cleanup());

  describe('read, write', () => {
    it('move bytes through a pipe, at a buffer offset too', () => {
      const [r, w] = pipe();
      try {
        assert.strictEqual(L.write(w, Buffer.from('hello world'), 11), 11);
        assert.strictEqual(L.write(w, Buffer.from('xxABCxx'), 3, 2), 3);
        const b = Buffer.alloc(20, '.');
        assert.strictEqual(L.read(r, b, 5), 5);
        assert.strictEqual(L.read(r, b, 9, 10), 9);
        assert.strictEqual(b.toString(), 'hello..... worldABC.');
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });

    it('read at an offset of a non-Uint8 view and of an ArrayBuffer', () => {
      const [r, w] = pipe();
      try {
        L.write(w, Buffer.from('abcdefgh'), 8);
        const ab = new ArrayBuffer(16);
        const view = new Uint32Array(ab, 4, 2);
        assert.strictEqual(L.read(r, view, 4, 2), 4);
        assert.strictEqual(L.read(r, ab, 4, 12), 4);
        assert.strictEqual(Buffer.from(ab).toString('latin1'), '\0\0\0\0\0\0abcd\0\0efgh');
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });

    it('EBADF, EAGAIN', () => {
      const b = Buffer.alloc(4);
      assert.strictEqual(L.read(-1, b, 4), -E.EBADF);
      assert.strictEqual(L.write(-1, b, 4), -E.EBADF);
      const [r, w] = pipe(L.O_NONBLOCK);
      try {
        assert.strictEqual(L.read(r, b, 4), -E.EAGAIN);
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });

    it('a length or offset past the buffer is a TypeError, before any call', () => {
      const [r, w] = pipe();
      try {
        L.write(w, Buffer.from('data'), 4);
        const b = Buffer.alloc(8);
        assert.throws(() => L.read(r, b, 9), TypeError);
        assert.throws(() => L.read(r, b, 4, 5), TypeError);
        assert.throws(() => L.read(r, b, -1), TypeError);
        assert.throws(() => L.read(r, b, 2, -1), TypeError);
        assert.throws(() => L.read(r, b, 1.5), TypeError);
        assert.throws(() => L.read(r, b), /length must be an integer/);
        assert.throws(() => L.read(r, 'str', 1), /buffer must be/);
        assert.throws(() => L.read(r, { byteLength: 100 }, 1), TypeError);
        // Nothing was consumed by the refused calls.
        assert.strictEqual(L.read(r, b, 8), 4);
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });

    it('a detached buffer is refused', () => {
      const [r, w] = pipe();
      try {
        const ab = new ArrayBuffer(8);
        const b = new Uint8Array(ab);
        L.write(w, Buffer.from('x'), 1);
        assert.strictEqual(L.read(r, b, 1, 4), 1); // caches the buffer's address
        structuredClone(ab, { transfer: [ab] });
        assert.strictEqual(b.byteLength, 0);
        assert.throws(() => L.read(r, b, 1, 4), TypeError);
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });

    it('the register gate (Number fds) and syscall() (other fds) agree, buffer by buffer', () => {
      // Number fds go through libsys.regs with the buffer's address remembered;
      // a BigInt fd takes syscall()'s marshalling. Alternate buffers and offsets
      // so a remembered address is never used for another buffer.
      const [r, w] = pipe();
      try {
        const bufs = [Buffer.alloc(8), new Uint8Array(8), new DataView(new ArrayBuffer(12), 4, 8),
          Buffer.alloc(8).subarray(1), new Uint8Array(new SharedArrayBuffer(8))];
        let k = 0;
        for (let round = 0; round < 3; round++) {
          for (const b of bufs) {
            const fd = round === 1 ? BigInt(r) : r;
            const msg = Buffer.from(`m${k++ % 10}`);
            assert.strictEqual(L.write(round === 2 ? BigInt(w) : w, msg, 2), 2);
            assert.strictEqual(L.read(fd, b, 2, 1), 2);
            const bytes = new Uint8Array(b.buffer, b.byteOffset + 1, 2);
            assert.strictEqual(Buffer.from(bytes).toString(), msg.toString(), `${b.constructor.name} round ${round}`);
          }
        }
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });

    it('a detached buffer whose address the register gate remembers is refused', () => {
      const [r, w] = pipe();
      try {
        const ab = new ArrayBuffer(8);
        const b = new Uint8Array(ab);
        L.write(w, Buffer.from('xy'), 2);
        assert.strictEqual(L.read(r, b, 1), 1); // the last small I/O buffer: remembered
        structuredClone(ab, { transfer: [ab] });
        assert.throws(() => L.read(r, b, 1), TypeError);
        assert.strictEqual(L.read(r, b, 0), 0, 'a length of 0 reaches no memory');
        assert.strictEqual(L.read(r, Buffer.alloc(1), 1), 1, 'the byte was still there');
      } finally {
        fs.closeSync(r);
        fs.closeSync(w);
      }
    });
  });

  it('pread64, pwrite64 at a file position, lseek', () => {
    const f = t.file('p');
    fs.writeFileSync(f, '0123456789');
    const fd = fdOf(f, 'r+');
    try {
      const b = Buffer.alloc(6, '.');
      assert.strictEqual(L.pread64(fd, b, 3, 4), 3);
      assert.strictEqual(L.pread(fd, b, 2, 8, 4), 2);
      assert.strictEqual(b.toString(), '456.89');
      assert.strictEqual(L.pwrite64(fd, Buffer.from('AB'), 2, 1), 2);
      assert.strictEqual(L.pwrite(fd, Buffer.from('zzCD'), 2, 8n, 2), 2);
      assert.strictEqual(fs.readFileSync(f, 'utf8'), '0AB34567CD');
      assert.strictEqual(L.lseek(fd, 0, L.SEEK_END), 10);
      assert.strictEqual(L.lseek(fd, 3, L.SEEK_SET), 3);
      assert.strictEqual(L.read(fd, b, 1), 1);
      assert.strictEqual(b[0], '3'.charCodeAt(0));
      assert.strictEqual(L.lseek(fd, -1, L.SEEK_SET), -E.EINVAL);
      assert.strictEqual(L.pread64(fd, b, 1, -1), -E.EINVAL);
      assert.strictEqual(L.pwrite64(-1, b, 1, 0), -E.EBADF);
    } finally {
      fs.closeSync(fd);
    }
    const [r, w] = pipe();
    try {
      assert.strictEqual(L.lseek(r, 0, L.SEEK_SET), -E.ESPIPE);
      assert.strictEqual(L.pread64(r, Buffer.alloc(1), 1, 0), -E.ESPIPE);
    } finally {
      fs.closeSync(r);
      fs.closeSync(w);
    }
  });

  it('lseek SEEK_DATA/SEEK_HOLE agree with the file', () => {
    const f = t.file('sparse');
    const fd = fdOf(f, 'w+');
    try {
      fs.writeSync(fd, 'x', 1 << 20);
      assert.strictEqual(L.lseek(fd, 0, L.SEEK_HOLE) >= 0, true);
      assert.strictEqual(L.lseek(fd, (1 << 20) + 1, L.SEEK_DATA), -E.ENXIO);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('close, and EBADF; close_range', () => {
    const fd = fdOf(__filename);
    assert.strictEqual(L.close(fd), 0);
    assert.strictEqual(L.close(fd), -E.EBADF);
    const fds = adjacentFds(3);
    const lo = fds[0], hi = fds[2];
    assert.strictEqual(L.close_range(lo, lo, L.CLOSE_RANGE_CLOEXEC), 0);
    assert.strictEqual(L.fcntl(lo, L.F_GETFD), L.FD_CLOEXEC);
    assert.strictEqual(L.close_range(lo, hi, 0), 0);
    for (const fd2 of fds) assert.ok(!isOpen(fd2));
    assert.strictEqual(L.close_range(10, 5, 0), -E.EINVAL);
  });

  it('ftruncate, truncate: the size fs.statSync sees', () => {
    const f = t.file('t');
    fs.writeFileSync(f, 'abcdef');
    assert.strictEqual(L.truncate(f, 2), 0);
    assert.strictEqual(fs.statSync(f).size, 2);
    const fd = fdOf(f, 'r+');
    try {
      assert.strictEqual(L.ftruncate(fd, 5000), 0);
      assert.strictEqual(fs.statSync(f).size, 5000);
      assert.strictEqual(L.ftruncate(fd, -1), -E.EINVAL);
    } finally {
      fs.closeSync(fd);
    }
    assert.strictEqual(L.truncate(t.file('none'), 0), -E.ENOENT);
    assert.strictEqual(L.truncate(Buffer.from(f), 1), 0, 'a Buffer path');
    assert.strictEqual(fs.statSync(f).size, 1);
  });

  it('fsync, fdatasync, sync, syncfs', () => {
    const fd = fdOf(t.file('s'), 'w');
    try {
      assert.strictEqual(L.fsync(fd), 0);
      assert.strictEqual(L.fdatasync(fd), 0);
      assert.strictEqual(L.syncfs(fd), 0);
      assert.strictEqual(L.sync(), 0);
    } finally {
      fs.closeSync(fd);
    }
    assert.strictEqual(L.fsync(-1), -E.EBADF);
    assert.strictEqual(L.fdatasync(-1), -E.EBADF);
    assert.strictEqual(L.syncfs(-1), -E.EBADF);
    const [r, w] = pipe();
    try {
      assert.strictEqual(L.fsync(r), -E.EINVAL);
    } finally {
      fs.closeSync(r);
      fs.closeSync(w);
    }
  });

  it('copy_file_range, with and without positions', () => {
    const a = t.file('a'), b = t.file('b');
    fs.writeFileSync(a, 'copy me please');
    const fin = fdOf(a), fout = fdOf(b, 'w');
    try {
      assert.strictEqual(L.copy_file_range(fin, null, fout, null, 4), 4);
      const pos = new BigInt64Array([5n]);
      assert.strictEqual(L.copy_file_range(fin, pos, fout, null, 100), 9);
      assert.strictEqual(pos[0], 14n, 'the kernel advanced the position');
      assert.strictEqual(fs.readFileSync(b, 'utf8'), 'copyme please');
      assert.strictEqual(L.copy_file_range(-1, null, fout, null, 1), -E.EBADF);
      assert.throws(() => L.copy_file_range(fin, Buffer.alloc(4), fout, null, 1), /offIn must be at least 8 bytes/);
    } finally {
      fs.closeSync(fin);
      fs.closeSync(fout);
    }
  });

  it('dup, dup2, dup3', () => {
    const fd = fdOf(__filename);
    const fds = [];
    try {
      const d = L.dup(fd);
      fds.push(d);
      assert.ok(d > fd);
      assert.strictEqual(fs.fstatSync(d).ino, fs.fstatSync(fd).ino);
      const target = L.dup(fd);
      fds.push(target);
      assert.strictEqual(L.dup2(fd, target), target);
      assert.strictEqual(L.dup2(fd, fd), fd);
      assert.strictEqual(L.dup2(-1, target), -E.EBADF);
      assert.strictEqual(L.dup3(fd, target, L.O_CLOEXEC), target);
      assert.strictEqual(L.fcntl(target, L.F_GETFD), L.FD_CLOEXEC);
      assert.strictEqual(L.dup3(fd, fd, 0), -E.EINVAL);
      assert.strictEqual(L.dup(-1), -E.EBADF);
    } finally {
      for (const x of [fd, ...fds]) fs.closeSync(x);
    }
  });

  it('pipe, pipe2', () => {
    const fds = new Int32Array(2);
    assert.strictEqual(L.pipe2(fds, L.O_CLOEXEC | L.O_NONBLOCK), 0);
    try {
      assert.strictEqual(L.fcntl(fds[0], L.F_GETFD), L.FD_CLOEXEC);
      assert.ok(L.fcntl(fds[1], L.F_GETFL) & L.O_NONBLOCK);
    } finally {
      L.close(fds[0]);
      L.close(fds[1]);
    }
    assert.strictEqual(L.pipe(fds), 0);
    L.close(fds[0]);
    L.close(fds[1]);
    assert.strictEqual(L.pipe2(fds, -1), -E.EINVAL);
    assert.throws(() => L.pipe2(new Int32Array(1), 0), TypeError);
  });

  it('getcwd, chdir, fchdir', () => {
    const before = cwd();
    assert.strictEqual(before, fs.realpathSync('.'));
    try {
      assert.strictEqual(L.chdir(t.dir), 0);
      assert.strictEqual(cwd(), fs.realpathSync(t.dir));
      const fd = fdOf('/');
      try {
        assert.strictEqual(L.fchdir(fd), 0);
        assert.strictEqual(cwd(), '/');
      } finally {
        fs.closeSync(fd);
      }
    } finally {
      L.chdir(before);
    }
    assert.strictEqual(cwd(), before);
    assert.strictEqual(L.getcwd(Buffer.alloc(2), 2), -E.ERANGE);
    assert.strictEqual(L.chdir(t.file('none')), -E.ENOENT);
    assert.strictEqual(L.fchdir(-1), -E.EBADF);
    const f = fdOf(__filename);
    try {
      assert.strictEqual(L.fchdir(f), -E.ENOTDIR);
    } finally {
      fs.closeSync(f);
    }
  });

  it('chroot: to / (a no-op for root), ENOENT', function () {
    if (process.getuid() !== 0) {
      assert.strictEqual(L.chroot('/'), -E.EPERM);
      return;
    }
    assert.strictEqual(L.chroot('/'), 0);
    assert.strictEqual(L.chroot(t.file('none')), -E.ENOENT);
  });

  it('unlinkat, unlink, rmdir', () => {
    fs.writeFileSync(t.file('f1'), '');
    fs.writeFileSync(t.file('f2'), '');
    fs.mkdirSync(t.file('d1'));
    fs.mkdirSync(t.file('d2'));
    fs.writeFileSync(t.file('d2/x'), '');
    const dfd = fdOf(t.dir);
    try {
      assert.strictEqual(L.unlinkat(dfd, 'f1', 0), 0);
      assert.strictEqual(L.unlinkat(dfd, 'd1', L.AT_REMOVEDIR), 0);
      assert.strictEqual(L.unlinkat(dfd, 'd2', 0), -E.EISDIR);
    } finally {
      fs.closeSync(dfd);
    }
    assert.strictEqual(L.unlink(t.file('f2')), 0);
    assert.strictEqual(L.rmdir(t.file('d2')), -E.ENOTEMPTY);
    assert.strictEqual(L.unlink(t.file('d2/x')), 0);
    assert.strictEqual(L.rmdir(t.file('d2')), 0);
    assert.deepStrictEqual(fs.readdirSync(t.dir), []);
    assert.strictEqual(L.unlink(t.file('f1')), -E.ENOENT);
    assert.strictEqual(L.rmdir(t.file('f1')), -E.ENOENT);
  });

  it('linkat, link', () => {
    const f = t.file('orig');
    fs.writeFileSync(f, 'x');
    assert.strictEqual(L.link(f, t.file('l1')), 0);
    assert.strictEqual(L.linkat(L.AT_FDCWD, f, L.AT_FDCWD, t.file('l2'), 0), 0);
    assert.strictEqual(fs.statSync(f).nlink, 3);
    assert.strictEqual(fs.statSync(t.file('l2')).ino, fs.statSync(f).ino);
    assert.strictEqual(L.link(f, t.file('l1')), -E.EEXIST);
    assert.strictEqual(L.linkat(L.AT_FDCWD, t.file('none'), L.AT_FDCWD, t.file('l3'), 0), -E.ENOENT);
  });

  it('symlinkat, symlink, readlinkat, readlink (as fs.readlinkSync)', () => {
    assert.strictEqual(L.symlink('target/one', t.file('s1')), 0);
    const dfd = fdOf(t.dir);
    try {
      assert.strictEqual(L.symlinkat('../two', dfd, 's2'), 0);
      const b = Buffer.alloc(64);
      const n = L.readlinkat(dfd, 's2', b, 64);
      assert.strictEqual(b.toString('utf8', 0, n), fs.readlinkSync(t.file('s2')));
      assert.strictEqual(L.readlinkat(dfd, 'none', b, 64), -E.ENOENT);
    } finally {
      fs.closeSync(dfd);
    }
    const b = Buffer.alloc(64, 0xff);
    const n = L.readlink(t.file('s1'), b, 60, 4);
    assert.strictEqual(n, 10);
    assert.strictEqual(b.toString('utf8', 4, 4 + n), fs.readlinkSync(t.file('s1')));
    assert.strictEqual(b[3], 0xff);
    assert.strictEqual(L.symlink('x', t.file('s1')), -E.EEXIST);
    assert.strictEqual(L.symlinkat('x', -1, 'rel'), -E.EBADF);
    fs.writeFileSync(t.file('plain'), '');
    assert.strictEqual(L.readlink(t.file('plain'), b, 64), -E.EINVAL);
  });

  it('faccessat, faccessat2, access', () => {
    const f = t.file('a');
    fs.writeFileSync(f, '');
    fs.chmodSync(f, 0o644);
    assert.strictEqual(L.access(f, L.F_OK), 0);
    assert.strictEqual(L.access(f, L.R_OK | L.W_OK), 0);
    assert.strictEqual(L.access(t.file('none'), L.F_OK), -E.ENOENT);
    if (process.getuid() !== 0) assert.strictEqual(L.access(f, L.X_OK), -E.EACCES);
    else assert.strictEqual(L.access(f, L.X_OK), -E.EACCES, 'root too needs an x bit somewhere');
    assert.strictEqual(L.faccessat(L.AT_FDCWD, f, L.R_OK), 0);
    assert.strictEqual(L.faccessat(-1, 'rel', L.R_OK), -E.EBADF);
    fs.symlinkSync('nowhere', t.file('dangling'));
    assert.strictEqual(L.faccessat2(L.AT_FDCWD, t.file('dangling'), L.F_OK, 0), -E.ENOENT);
    assert.strictEqual(L.faccessat2(L.AT_FDCWD, t.file('dangling'), L.F_OK, L.AT_SYMLINK_NOFOLLOW), 0);
    assert.strictEqual(L.faccessat2(L.AT_FDCWD, f, L.R_OK, L.AT_EACCESS), 0);
    assert.strictEqual(L.faccessat2(L.AT_FDCWD, f, L.R_OK, 0x8000000), -E.EINVAL);
  });

  it('fchownat, fchown, chown, lchown (as fs.statSync/lstatSync)', function () {
    const f = t.file('o');
    fs.writeFileSync(f, '');
    fs.symlinkSync(f, t.file('ln'));
    if (process.getuid() !== 0) {
      assert.strictEqual(L.chown(f, 0, 0), -E.EPERM);
      return;
    }
    assert.strictEqual(L.chown(f, 1234, 2345), 0);
    assert.deepStrictEqual([fs.statSync(f).uid, fs.statSync(f).gid], [1234, 2345]);
    assert.strictEqual(L.lchown(t.file('ln'), 11, 12), 0);
    assert.deepStrictEqual([fs.lstatSync(t.file('ln')).uid, fs.statSync(f).uid], [11, 1234]);
    assert.strictEqual(L.fchownat(L.AT_FDCWD, f, -1, 77, 0), 0);
    assert.deepStrictEqual([fs.statSync(f).uid, fs.statSync(f).gid], [1234, 77]);
    const fd = fdOf(f);
    try {
      assert.strictEqual(L.fchown(fd, 5, 6), 0);
      assert.strictEqual(fs.statSync(f).uid, 5);
    } finally {
      fs.closeSync(fd);
    }
    assert.strictEqual(L.fchown(-1, 0, 0), -E.EBADF);
    assert.strictEqual(L.chown(t.file('none'), 0, 0), -E.ENOENT);
    assert.strictEqual(L.lchown(t.file('none'), 0, 0), -E.ENOENT);
    assert.strictEqual(L.fchownat(L.AT_FDCWD, f, 0, 0, -1), -E.EINVAL);
  });

  it('process ids as Node reports them', () => {
    assert.strictEqual(L.getpid(), process.pid);
    assert.strictEqual(L.getppid(), process.ppid);
    assert.strictEqual(L.gettid(), process.pid, 'the main thread');
    assert.strictEqual(L.getuid(), process.getuid());
    assert.strictEqual(L.geteuid(), process.geteuid());
    assert.strictEqual(L.getgid(), process.getgid());
    assert.strictEqual(L.getegid(), process.getegid());
    const n = L.getgroups(0, null);
    const list = new Uint32Array(n);
    assert.strictEqual(L.getgroups(n, list), n);
    // process.getgroups() adds the effective gid when the list lacks it.
    const mine = new Set([...list, process.getegid()]);
    assert.deepStrictEqual([...mine].sort(), [...new Set(process.getgroups())].sort());
    assert.throws(() => L.getgroups(n + 1, list), TypeError);
  });

  it('getgroups EINVAL, setgroups, set*id, getres*id (in a child)', () => {
    const r = child(`
      const out = {};
      const g = new Uint32Array([7, 8, 9]);
      out.set = L.setgroups(3, g);
      out.small = L.getgroups(2, new Uint32Array(2));
      const back = new Uint32Array(3);
      out.n = L.getgroups(3, back);
      out.back = [...back];
      out.tooMany = L.setgroups(70000, new Uint32Array(70000));
      out.setgid = L.setgid(4321);
      out.setresgid = L.setresgid(-1, 4322, -1);
      const a = new Uint32Array(1), b = new Uint32Array(1), c = new Uint32Array(1);
      out.getresgid = L.getresgid(a, b, c);
      out.gids = [a[0], b[0], c[0]];
      out.setregid = L.setregid(-1, 4323);
      out.egid = L.getegid();
      out.setreuid = L.setreuid(-1, 0);
      out.setresuid = L.setresuid(1001, 1002, 1003);
      out.getresuid = L.getresuid(a, b, c);
      out.uids = [a[0], b[0], c[0]];
      out.setuidBack = L.setuid(0);
      out.badUid = L.setuid(-1);
      out.badGid = L.setgid(-1);
      console.log(JSON.stringify(out));`);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    if (process.getuid() !== 0) {
      assert.strictEqual(out.set, -E.EPERM);
      return;
    }
    assert.deepStrictEqual(out, {
      set: 0, small: -E.EINVAL, n: 3, back: [7, 8, 9], tooMany: -E.EINVAL, setgid: 0,
      setresgid: 0, getresgid: 0, gids: [4321, 4322, 4321], setregid: 0, egid: 4323,
      setreuid: 0, setresuid: 0, getresuid: 0, uids: [1001, 1002, 1003],
      setuidBack: -E.EPERM, badUid: -E.EINVAL, badGid: -E.EINVAL,
    });
  });

  it('sessions and process groups: getsid, setsid, getpgid, setpgid, getpgrp', () => {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    assert.strictEqual(L.getpgrp(), Number(stat[2]));
    assert.strictEqual(L.getpgid(0), Number(stat[2]));
    assert.strictEqual(L.getsid(0), Number(stat[3]));
    assert.strictEqual(L.getsid(0x3fffffff), -E.ESRCH);
    assert.strictEqual(L.getpgid(0x3fffffff), -E.ESRCH);
    assert.strictEqual(L.setpgid(0x3fffffff, 0), -E.ESRCH);
    const r = child(`
      const pid = L.getpid();
      const a = L.setpgid(0, 0), g = L.getpgrp();
      const s = L.setsid();
      console.log(JSON.stringify([a, g === pid, s === pid, L.getsid(0) === pid, L.setsid()]));`);
    assert.strictEqual(r.status, 0, r.stderr);
    // After setpgid(0, 0) the child leads its group, so setsid fails with EPERM.
    assert.deepStrictEqual(JSON.parse(r.stdout), [0, true, false, false, -E.EPERM]);
    const r2 = child(`
      const pid = L.getpid();
      const s = L.setsid();
      console.log(JSON.stringify([s === pid, L.getsid(0) === pid, L.getpgrp() === pid, L.setsid()]));`);
    assert.strictEqual(r2.status, 0, r2.stderr);
    assert.deepStrictEqual(JSON.parse(r2.stdout), [true, true, true, -E.EPERM]);
  });

  it('execve, execveat: run a program (in a child); ENOENT, E2BIG-free argument checks', () => {
    // Node opens its stdio with FD_CLOEXEC: a program exec'd from Node has no
    // stdin/stdout/stderr unless the flag is cleared first.
    const keepStdio = 'for (const fd of [0, 1, 2]) L.fcntl(fd, L.F_SETFD, 0);';
    const r = child(`${keepStdio}
      const rc = L.execve('/bin/sh', ['sh', '-c', 'echo "$0 $1 $FOO"', 'arg0', 'b c'], ['FOO=bar baz']);
      console.log('not replaced', rc);`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'arg0 b c bar baz\n');
    const r2 = child(`${keepStdio}
      const fd = L.open('/bin', L.O_RDONLY | L.O_DIRECTORY);
      L.execveat(fd, 'echo', ['echo', 'from', Buffer.from('execveat')], []);
      console.log('not replaced');`);
    assert.strictEqual(r2.stdout, 'from execveat\n');
    assert.strictEqual(L.execve(t.file('none'), ['x'], []), -E.ENOENT);
    assert.strictEqual(L.execveat(L.AT_FDCWD, t.file('none'), ['x'], [], 0), -E.ENOENT);
    fs.writeFileSync(t.file('noexec'), '#!/bin/sh\n');
    assert.strictEqual(L.execve(t.file('noexec'), ['x'], []), -E.EACCES);
    assert.throws(() => L.execve('/bin/true', ['a\0b'], []), /argv\[0\] contains a NUL/);
    assert.throws(() => L.execve('/bin/true', 'ls', []), /argv must be an array/);
    assert.throws(() => L.execve('/bin/true', [], [1]), /envp\[0\] must be a string/);
  });

  it('exit_group ends the process with the status (in a child)', () => {
    const r = child('setTimeout(() => {}, 5000); L.exit_group(7); console.log("still here");');
    assert.strictEqual(r.status, 7);
    assert.strictEqual(r.stdout, '');
  });
});
