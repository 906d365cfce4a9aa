'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { adjacentFds } = require('./helpers');

const LIBJS = path.join(__dirname, '..', '..', 'libjs');

// Loads a fresh copy of the raw tier with stand-ins for ./sys's gate and/or
// ./sysnr's table; restore() puts the real modules back in the cache.
function loadRaw({ syscall, syscall64, sysnr } = {}) {
  const saved = new Map();
  for (const k of Object.keys(require.cache)) {
    if (k.startsWith(LIBJS + path.sep)) {
      saved.set(k, require.cache[k]);
      delete require.cache[k];
    }
  }
  const real = require(path.join(LIBJS, 'sys.js'));
  // A stand-in for the gate closes the register gate too (as a tracer does),
  // so that every call reaches it.
  const standIn = syscall !== undefined || syscall64 !== undefined;
  require.cache[require.resolve(path.join(LIBJS, 'sys.js'))].exports = {
    ...real, syscall: syscall || real.syscall, syscall64: syscall64 || real.syscall64,
    ...(standIn ? { regs: null, syscallRegs: null, sysr: null, sysrv: null } : {}),
  };
  if (sysnr) {
    require(path.join(LIBJS, 'sysnr'));
    require.cache[require.resolve(path.join(LIBJS, 'sysnr'))].exports = sysnr;
  }
  const raw = require(path.join(LIBJS, 'raw.js'));
  const restore = () => {
    for (const k of Object.keys(require.cache)) if (k.startsWith(LIBJS + path.sep)) delete require.cache[k];
    for (const [k, v] of saved) require.cache[k] = v;
  };
  return { raw, restore };
}

// The raw tier with a gate that only counts, so a test can show that a
// refused call never got there.
function withCountingGate() {
  const gate = { calls: 0 };
  const r = loadRaw({
    syscall: () => {
      gate.calls++;
      return 0;
    },
    syscall64: () => {
      gate.calls++;
      return 0n;
    },
  });
  return { ...r, gate };
}

const b = (n) => Buffer.alloc(n);
const u32 = (n) => new Uint32Array(n);

// Every wrapper that takes a buffer, called with a length past it (or a
// struct buffer too small for what the kernel writes).
const TOO_LONG = {
  read: [0, b(4), 5], write: [1, b(4), 5], pread64: [0, b(4), 5, 0], pwrite64: [1, b(4), 5, 0],
  pread: [0, b(4), 5, 0], pwrite: [1, b(4), 5, 0],
  getcwd: [b(4), 5], readlinkat: [-100, 'x', b(4), 5], readlink: ['x', b(4), 5],
  getgroups: [2, u32(1)], setgroups: [2, u32(1)], getresuid: [b(4), b(4), b(3)],
  getresgid: [b(3), b(4), b(4)], pipe: [new Int32Array(1)], pipe2: [new Int32Array(1), 0],
  copy_file_range: [0, b(4), 1, null, 1, 0],
  openat2: [-100, 'x', b(23)], fcntl: [0, 5 /* F_GETLK */, b(31)], splice: [0, null, 1, b(7), 1, 0],
  fstat: [0, b(100)], newfstatat: [-100, 'x', b(100), 0], fstatat: [-100, 'x', b(100), 0],
  stat: ['x', b(100)], lstat: ['x', b(100)], statx: [-100, 'x', 0, 0, b(255)],
  utimensat: [-100, 'x', b(31), 0], futimens: [0, b(16)],
  statfs: ['/', b(119)], fstatfs: [0, b(119)], getdents64: [0, b(4), 5],
  socketpair: [1, 1, 0, b(4)], bind: [0, b(16), 17], connect: [0, b(16), 17],
  setsockopt: [0, 1, 1, b(4), 5], send: [0, b(4), 5, 0], recv: [0, b(4), 5, 0],
  sendto: [0, b(4), 5, 0, null], recvfrom: [0, b(4), 5, 0, null, null],
  recvmsg: [0, [b(4)], 0, null, null, u32(2)],
  epoll_ctl: [0, 1, 1, b(11)], epoll_wait: [0, b(24), 3, 0], epoll_pwait: [0, b(24), 3, 0, null],
  epoll_pwait2: [0, b(24), 3, null, null],
  poll: [b(8), 2, 0], ppoll: [b(8), 2, null, null], eventfd_read: [0, b(4)],
  timerfd_settime: [0, 0, b(31), null], timerfd_gettime: [0, b(31)],
  signalfd4: [-1, b(4), 0], signalfd: [-1, b(4), 0],
  rt_sigprocmask: [0, b(4), null], sigprocmask: [0, null, b(4)], rt_sigpending: [b(4)], sigpending: [b(4)],
  rt_sigtimedwait: [b(8), b(127), null], sigtimedwait: [b(8), null, b(8)],
  pidfd_send_signal: [0, 0, b(127), 0],
  sigemptyset: [b(4)], sigfillset: [b(4)], sigaddset: [b(4), 1], sigdelset: [b(4), 1], sigismember: [b(4), 1],
  clock_gettime: [1, b(15)], clock_getres: [1, b(15)], nanosleep: [b(15), null],
  clock_nanosleep: [1, 0, b(16), b(15)],
  prlimit64: [0, 7, null, b(15)], prlimit: [0, 7, b(15), null], getrlimit: [7, b(15)], setrlimit: [7, b(15)],
  getrusage: [0, b(143)], wait4: [-1, b(3), 1, null], waitpid: [-1, b(3), 1], waitid: [0, 0, b(127), 4],
  uname: [b(389)], sysinfo: [b(111)], sched_getaffinity: [0, 16, b(8)], sched_setaffinity: [0, 16, b(8)],
  getcpu: [b(3), null], getrandom: [b(4), 5, 0], sendfile: [1, 0, b(7), 1],
  prctl: [16 /* PR_GET_NAME */, b(15)], ioctl: [0, 0x5413 /* TIOCGWINSZ */, b(7)],
  ioctl_tiocgwinsz: [0, b(7)],
  getxattr: ['x', 'user.a', b(4), 5], lgetxattr: ['x', 'user.a', b(4), 5], fgetxattr: [0, 'user.a', b(4), 5],
  setxattr: ['x', 'user.a', b(4), 5, 0], lsetxattr: ['x', 'user.a', b(4), 5, 0],
  fsetxattr: [0, 'user.a', b(4), 5, 0], listxattr: ['x', b(4), 5], llistxattr: ['x', b(4), 5],
  flistxattr: [0, b(4), 5],
};

// With a byte offset: the range [off, off + len) must lie inside the buffer.
const PAST_OFFSET = {
  read: [0, b(8), 4, 5], write: [1, b(8), 4, 5], pread64: [0, b(8), 4, 0, 5], pwrite64: [1, b(8), 4, 0, 5],
  getcwd: [b(8), 4, 5], readlink: ['x', b(8), 4, 5], readlinkat: [-100, 'x', b(8), 4, 5],
  getdents64: [0, b(8), 4, 5], send: [0, b(8), 4, 0, 5], recv: [0, b(8), 4, 0, 5],
  sendto: [0, b(8), 4, 0, null, undefined, 5], recvfrom: [0, b(8), 4, 0, null, null, 5],
  getrandom: [b(8), 4, 0, 5], getxattr: ['x', 'user.a', b(8), 4, 5], setxattr: ['x', 'user.a', b(8), 4, 0, 5],
  listxattr: ['x', b(8), 4, 5],
};

// Buffers used whole (vectored I/O, addresses whose length is the buffer's
// byteLength, execve's arrays): no length to get wrong.
const WHOLE_BUFFERS = new Set(['readv', 'writev', 'preadv', 'pwritev', 'preadv2', 'pwritev2',
  'accept4', 'accept', 'getsockname', 'getpeername', 'getsockopt', 'sendmsg', 'execve', 'execveat']);

// No buffer at all.
const NO_BUFFER = new Set(['lseek', 'close', 'close_range', 'ftruncate', 'truncate', 'fsync', 'fdatasync',
  'sync', 'syncfs', 'dup', 'dup2', 'dup3', 'chdir', 'fchdir', 'chroot', 'unlinkat', 'unlink', 'rmdir',
  'linkat', 'link', 'symlinkat', 'symlink', 'faccessat', 'faccessat2', 'access', 'fchownat', 'fchown',
  'chown', 'lchown', 'getpid', 'getppid', 'gettid', 'getuid', 'geteuid', 'getgid', 'getegid', 'setuid',
  'setgid', 'setreuid', 'setregid', 'setresuid', 'setresgid', 'getsid', 'setsid', 'getpgid', 'setpgid',
  'getpgrp', 'exit_group', '_exit', 'renameat', 'renameat2', 'rename', 'openat', 'open', 'creat',
  'fallocate', 'posix_fadvise', 'fadvise64', 'sync_file_range', 'tee', 'flock', 'fchmodat', 'fchmodat2',
  'fchmod', 'chmod', 'mkdirat', 'mkdir', 'mknodat', 'mknod', 'mkfifo', 'umask', 'socket', 'listen',
  'getsockopt_int', 'setsockopt_int', 'shutdown', 'epoll_create1', 'epoll_create', 'epoll_ctl_data',
  'eventfd2', 'eventfd', 'eventfd_write', 'timerfd_create', 'kill', 'tgkill', 'tkill', 'inotify_init1',
  'inotify_init', 'inotify_add_watch', 'inotify_rm_watch', 'pidfd_open', 'pidfd_getfd', 'mmap', 'munmap',
  'mprotect', 'madvise', 'msync', 'memfd_create', 'getpriority', 'setpriority', 'WEXITSTATUS', 'WTERMSIG',
  'WSTOPSIG', 'WIFEXITED', 'WIFSTOPPED', 'WIFSIGNALED', 'WIFCONTINUED', 'WCOREDUMP', 'sched_yield',
  'unshare', 'setns', 'ioctl_fionread', 'ioctl_ficlone', 'removexattr', 'lremovexattr', 'fremovexattr']);

describe('libjs/raw', () => {
  let ctx;
  before(() => {
    ctx = withCountingGate();
  });
  after(() => ctx.restore());

  it('every wrapper is accounted for: a too-long case, whole buffers, or no buffer', () => {
    const names = Object.keys(ctx.raw);
    const unknown = names.filter((n) => !(n in TOO_LONG) && !WHOLE_BUFFERS.has(n) && !NO_BUFFER.has(n));
    assert.deepStrictEqual(unknown, []);
    const stale = [...Object.keys(TOO_LONG), ...WHOLE_BUFFERS, ...NO_BUFFER].filter((n) => !(n in ctx.raw));
    assert.deepStrictEqual(stale, []);
  });

  it('every wrapper taking a buffer refuses a length past it with a TypeError, before the gate', () => {
    for (const [name, args] of Object.entries(TOO_LONG)) {
      const before = ctx.gate.calls;
      assert.throws(() => ctx.raw[name](...args), TypeError, name);
      assert.strictEqual(ctx.gate.calls, before, `${name} reached the kernel`);
    }
  });

  it('and a range at a byte offset that ends past it', () => {
    for (const [name, args] of Object.entries(PAST_OFFSET)) {
      const before = ctx.gate.calls;
      assert.throws(() => ctx.raw[name](...args), TypeError, name);
      assert.strictEqual(ctx.gate.calls, before, `${name} reached the kernel`);
    }
  });

  it('the same calls within bounds do reach the gate (the stand-in is really in front)', () => {
    const before = ctx.gate.calls;
    assert.strictEqual(ctx.raw.read(0, b(4), 4), 0);
    assert.strictEqual(ctx.raw.read(0, b(8), 3, 5), 0);
    assert.strictEqual(ctx.raw.fstat(0, b(require('libsys').sizeof.stat)), 0);
    assert.strictEqual(ctx.gate.calls, before + 3);
  });
});

describe('libjs/raw: aarch64\'s set of calls, on this kernel', () => {
  // x86-64's numbers without the calls aarch64 lacks (open, stat, dup2,
  // epoll_wait, renameat stays: arm64 wants it): the wrappers then take the
  // paths they take on aarch64, and the kernel here answers them.
  const x86 = require('../../libjs/sysnr/x86_64');
  const a64 = require('../../libjs/sysnr/aarch64');
  const L = require('../../libjs');
  let ctx, t;
  before(function () {
    if (process.arch !== 'x64') {
      this.test.parent.title += ' [skipped: needs x86-64, where both sets of calls exist]';
      this.skip();
    }
    const table = {};
    for (const [k, v] of Object.entries(x86)) if (k in a64) table[k] = v;
    ctx = loadRaw({ sysnr: Object.freeze(table) });
    t = fs.mkdtempSync(path.join(require('os').tmpdir(), 'libjs-a64-'));
  });
  after(() => {
    if (ctx) ctx.restore();
    if (t) fs.rmSync(t, { recursive: true, force: true });
  });

  it('open, stat, lstat through openat and newfstatat', () => {
    const R = ctx.raw;
    const f = path.join(t, 'f');
    const fd = R.open(f, L.O_CREAT | L.O_RDWR, 0o600);
    assert.ok(fd >= 0);
    assert.strictEqual(R.write(fd, Buffer.from('abc'), 3), 3);
    const st = Buffer.alloc(144);
    assert.strictEqual(R.stat(f, st), 0);
    assert.strictEqual(st.readBigInt64LE(48), 3n);
    fs.symlinkSync(f, path.join(t, 'ln'));
    assert.strictEqual(R.lstat(path.join(t, 'ln'), st), 0);
    assert.strictEqual(st.readUInt32LE(24) & L.S_IFMT, L.S_IFLNK);
    assert.strictEqual(R.stat(path.join(t, 'none'), st), -L.ENOENT);
    assert.strictEqual(R.open(path.join(t, 'none'), L.O_RDONLY), -L.ENOENT);
    R.close(fd);
  });

  it('dup2 through dup3 and fcntl', () => {
    const R = ctx.raw;
    const fd = R.open(__filename, L.O_RDONLY);
    const other = R.dup(fd);
    try {
      assert.strictEqual(R.dup2(fd, other), other);
      assert.strictEqual(R.dup2(fd, fd), fd, 'dup2(fd, fd) is fd, where dup3 says EINVAL');
      assert.strictEqual(R.dup2(-1, -1), -L.EBADF);
      assert.strictEqual(R.dup2(999999, 999999), -L.EBADF);
    } finally {
      R.close(fd);
      R.close(other);
    }
  });

  it('epoll_wait through epoll_pwait; pipe, poll, access, rename, unlink, mkdir', () => {
    const R = ctx.raw;
    const ep = R.epoll_create1(0);
    const fds = new Int32Array(2);
    assert.strictEqual(R.pipe(fds), 0);
    try {
      R.epoll_ctl_data(ep, L.EPOLL_CTL_ADD, fds[0], L.EPOLLIN);
      R.write(fds[1], Buffer.from('x'), 1);
      const ev = Buffer.alloc(12 * 2);
      assert.strictEqual(R.epoll_wait(ep, ev, 2, 1000), 1);
      const pfd = Buffer.alloc(8);
      pfd.writeInt32LE(fds[0], 0);
      pfd.writeInt16LE(L.POLLIN, 4);
      assert.strictEqual(R.poll(pfd, 1, 0), 1);
    } finally {
      for (const fd of [ep, fds[0], fds[1]]) R.close(fd);
    }
    assert.strictEqual(R.mkdir(path.join(t, 'd'), 0o700), 0);
    assert.strictEqual(R.access(path.join(t, 'd'), L.W_OK), 0);
    assert.strictEqual(R.rename(path.join(t, 'd'), path.join(t, 'e')), 0);
    assert.strictEqual(R.rmdir(path.join(t, 'e')), 0);
    assert.strictEqual(R.unlink(path.join(t, 'e')), -L.ENOENT);
  });
});

describe('libjs/raw: fallbacks when the kernel lacks a call', () => {
  const L = require('../../libjs');
  const libsys = require('libsys');
  const nr = require('../../libjs/sysnr');
  let ctx, t;
  const missing = new Set();
  before(() => {
    // A gate that answers ENOSYS (or EPERM, as a seccomp filter might) for
    // the calls in `missing` and passes the rest to the kernel.
    ctx = loadRaw({
      syscall: (n, ...a) => (missing.has(n) ? missing.errno : libsys.syscall(n, ...a)),
    });
    t = fs.mkdtempSync(path.join(require('os').tmpdir(), 'libjs-fallback-'));
  });
  after(() => {
    ctx.restore();
    fs.rmSync(t, { recursive: true, force: true });
  });
  afterEach(() => missing.clear());
  const without = (name, errno = -L.ENOSYS) => {
    missing.add(nr[name]);
    missing.errno = errno;
  };

  it('faccessat2 -> faccessat on ENOSYS or EPERM when flags are 0', () => {
    without('faccessat2');
    assert.strictEqual(ctx.raw.faccessat2(L.AT_FDCWD, t, L.W_OK, 0), 0);
    assert.strictEqual(ctx.raw.faccessat2(L.AT_FDCWD, path.join(t, 'none'), L.F_OK, 0), -L.ENOENT);
    assert.strictEqual(ctx.raw.faccessat2(L.AT_FDCWD, t, L.W_OK, L.AT_EACCESS), -L.ENOSYS, 'no fallback with flags');
    missing.clear();
    without('faccessat2', -L.EPERM);
    assert.strictEqual(ctx.raw.faccessat2(L.AT_FDCWD, t, L.W_OK, 0), 0);
  });

  it('renameat2 -> renameat on ENOSYS when flags are 0', () => {
    without('renameat2');
    fs.writeFileSync(path.join(t, 'a'), '');
    assert.strictEqual(ctx.raw.renameat2(L.AT_FDCWD, path.join(t, 'a'), L.AT_FDCWD, path.join(t, 'b'), 0), 0);
    assert.ok(fs.existsSync(path.join(t, 'b')));
    assert.strictEqual(ctx.raw.renameat2(L.AT_FDCWD, path.join(t, 'b'), L.AT_FDCWD, path.join(t, 'c'),
      L.RENAME_NOREPLACE), -L.ENOSYS);
  });

  it('fchmodat2 -> fchmodat on ENOSYS when flags are 0', () => {
    without('fchmodat2');
    fs.writeFileSync(path.join(t, 'm'), '');
    assert.strictEqual(ctx.raw.fchmodat2(L.AT_FDCWD, path.join(t, 'm'), 0o640, 0), 0);
    assert.strictEqual(fs.statSync(path.join(t, 'm')).mode & 0o777, 0o640);
  });

  it('close_range -> one close per fd on ENOSYS', () => {
    without('close_range');
    const fds = adjacentFds(4);
    const keep = fds.pop(); // just past the range: stays open
    assert.strictEqual(ctx.raw.close_range(fds[0], fds[2], 0), 0);
    for (const fd of fds) assert.throws(() => fs.fstatSync(fd), { code: 'EBADF' });
    fs.fstatSync(keep);
    fs.closeSync(keep);
    assert.strictEqual(ctx.raw.close_range(0, 1, L.CLOSE_RANGE_CLOEXEC), -L.ENOSYS, 'no fallback for flags');
  });
});

describe('libjs: the single door', () => {
  it('no libjs source but sys.js (and the tracer behind it) reaches libsys itself', () => {
    // trace.js wraps the gate from inside sys.js and writes its log through
    // libsys so that its own calls are not traced.
    const door = new Set([path.join(LIBJS, 'sys.js'), path.join(LIBJS, 'trace.js')]);
    const offenders = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.js') && !door.has(p)) {
          if (/require\(\s*['"]libsys['"]\s*\)/.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
        }
      }
    };
    walk(LIBJS);
    assert.deepStrictEqual(offenders, []);
  });
});
