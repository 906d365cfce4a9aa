'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const libsys = require('libsys');
const nr = require('../../libjs/sysnr');
const x86 = require('../../libjs/sysnr/x86_64');
const a64 = require('../../libjs/sysnr/aarch64');
const gen = require('../../libjs/scripts/gen-sysnr');
const { needCompiler, probe } = require('./cprobe');

const ROOT = path.join(__dirname, '..', '..');

// The C library's SYS_<name> for every name in `table`, from `cc`.
function cNumbers(cc, table) {
  const names = Object.keys(table).map((n) => `SYS_${n}`);
  return probe({ cc, headers: ['sys/syscall.h'], names });
}

describe('libjs/sysnr', () => {
  it('picks the table of process.arch, frozen, names without __NR_', () => {
    assert.deepStrictEqual({ ...nr }, { ...{ x64: x86, arm64: a64 }[process.arch] });
    assert.ok(Object.isFrozen(nr));
    assert.ok(!Object.keys(nr).some((k) => k.startsWith('__')));
  });

  it('getpid through libsys.syscall(nr.getpid) is process.pid', () => {
    assert.strictEqual(libsys.syscall(nr.getpid), process.pid);
  });

  it('aarch64: the well-known numbers', () => {
    const known = {
      read: 63, write: 64, openat: 56, close: 57, newfstatat: 79, fstat: 80, getpid: 172,
      mmap: 222, clone: 220, execve: 221, statx: 291, epoll_pwait: 22, io_uring_setup: 425,
      lseek: 62, fcntl: 25, ioctl: 29, pipe2: 59, dup3: 24, getdents64: 61, exit_group: 94,
      kill: 129, rt_sigprocmask: 135, wait4: 260, socket: 198, connect: 203, accept4: 242,
      prlimit64: 261, renameat: 38, renameat2: 276, clone3: 435, memfd_secret: 447,
      faccessat2: 439, close_range: 436, sendfile: 71, fadvise64: 223, truncate: 45,
      ftruncate: 46, statfs: 43, fstatfs: 44, getrlimit: 163, setrlimit: 164, sync_file_range: 84,
    };
    for (const [name, n] of Object.entries(known)) assert.strictEqual(a64[name], n, name);
  });

  it('aarch64 has none of the legacy calls', () => {
    for (const name of ['open', 'stat', 'lstat', 'epoll_wait', 'fork', 'vfork', 'pipe', 'dup2',
      'access', 'poll', 'select', 'rename', 'mkdir', 'rmdir', 'unlink', 'link', 'symlink',
      'readlink', 'chmod', 'chown', 'epoll_create', 'inotify_init', 'eventfd', 'signalfd',
      'getdents', 'creat', 'alarm', 'pause', 'time', 'utimes', 'sync_file_range2',
      'arch_specific_syscall', 'syscalls', 'fcntl64', 'fstatat64', 'mmap2', 'llseek']) {
      assert.ok(!(name in a64), `aarch64 must not have ${name}`);
    }
  });

  it('x86-64: well-known numbers', () => {
    const known = { read: 0, write: 1, open: 2, close: 3, stat: 4, fstat: 5, mmap: 9, getpid: 39,
      clone: 56, fork: 57, execve: 59, openat: 257, newfstatat: 262, statx: 332, epoll_wait: 232,
      epoll_pwait: 281, io_uring_setup: 425, close_range: 436, faccessat2: 439 };
    for (const [name, n] of Object.entries(known)) assert.strictEqual(x86[name], n, name);
  });

  it('numbers newer than the installed headers are the same on both (fchmodat2 452)', () => {
    assert.strictEqual(x86.fchmodat2, 452);
    assert.strictEqual(a64.fchmodat2, 452);
    assert.strictEqual(x86.cachestat, 451);
    assert.strictEqual(a64.cachestat, 451);
  });

  for (const [arch, table] of [['x64', x86], ['arm64', a64]]) {
    it(`${arch}: every number equals the C library's SYS_* (${arch === 'x64' ? 'gcc' : 'aarch64-linux-gnu-gcc'})`, function () {
      const cc = needCompiler(this, arch);
      const { values, missing } = cNumbers(cc, table);
      // glibc 2.36 predates the calls the generator adds by hand.
      assert.deepStrictEqual(missing.sort(), ['SYS_cachestat', 'SYS_fchmodat2']);
      for (const [name, n] of Object.entries(table)) {
        if (name === 'cachestat' || name === 'fchmodat2') continue;
        assert.strictEqual(Number(values.get(`SYS_${name}`)), n, name);
      }
    });
  }

  it('aarch64: every SYS_* the C library defines is in the table', function () {
    const cc = needCompiler(this, 'arm64');
    const out = execFileSync(cc, ['-E', '-dM', '-include', 'sys/syscall.h', '-x', 'c', '/dev/null'], { encoding: 'utf8' });
    const names = [...out.matchAll(/^#define SYS_(\w+) /gm)].map((m) => m[1]);
    assert.ok(names.length > 250);
    for (const n of names) assert.ok(n in a64, `SYS_${n} is not in the aarch64 table`);
  });

  it('the kernel agrees: fchmodat2 exists here when the kernel is 6.6 or newer', function () {
    const [maj, min] = os.release().split('.').map(Number);
    if (maj < 6 || (maj === 6 && min < 6)) {
      this.test.title += ` [skipped: kernel ${os.release()} predates fchmodat2]`;
      this.skip();
    }
    // A bad fd gives EBADF, not ENOSYS: the number is a real call.
    assert.strictEqual(libsys.syscall(nr.fchmodat2, 99999, 'x', 0o644, 0), -9);
  });

  // Each table from its own headers; the aarch64 ones come with Debian's
  // linux-libc-dev-arm64-cross (which .ci/run installs).
  for (const arch of Object.keys(gen.ARCHES)) {
    it(`the generator reproduces the committed ${arch} table from the headers`, function () {
      const header = gen.headerOf(arch);
      if (!fs.existsSync(header)) {
        this.test.title += ` [skipped: ${header} is not installed` +
          `${arch === 'aarch64' ? ' (Debian: linux-libc-dev-arm64-cross)' : ''}]`;
        this.skip();
      }
      assert.strictEqual(gen.generate(arch), fs.readFileSync(path.join(ROOT, 'libjs/sysnr', `${arch}.js`), 'utf8'));
    });
  }

  it('the generator script writes both tables (--out, include directories as options)', function () {
    if (!Object.keys(gen.ARCHES).every((a) => fs.existsSync(gen.headerOf(a)))) {
      this.test.title += ' [skipped: the aarch64 headers are not installed (Debian: linux-libc-dev-arm64-cross)]';
      this.skip();
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-sysnr-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'libjs/scripts/gen-sysnr.js'), '--out', out,
        '--x86_64-include', gen.ARCHES.x86_64.include, '--aarch64-include', gen.ARCHES.aarch64.include]);
      for (const f of ['x86_64.js', 'aarch64.js']) {
        assert.strictEqual(fs.readFileSync(path.join(out, f), 'utf8'),
          fs.readFileSync(path.join(ROOT, 'libjs/sysnr', f), 'utf8'), f);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('the generator evaluates #if the way the C preprocessor does', () => {
    const m = new Map([['A', '1'], ['B', '0'], ['__BITS_PER_LONG', '64'], ['X', null]]);
    const cases = [
      ['defined(A) || __BITS_PER_LONG != 32', 1], ['__BITS_PER_LONG == 32 || defined(C)', 0],
      ['!defined A && B', 0], ['(A && !B) || 0', 1], ['UNDEFINED', 0], ['__BITS_PER_LONG >= 64', 1],
      ['defined(X)', 1], ['A == 1 && __BITS_PER_LONG < 65', 1],
    ];
    for (const [expr, want] of cases) assert.strictEqual(gen.evaluate(expr, m), want, expr);
  });
});
