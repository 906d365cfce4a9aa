'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const C = require('../../libjs/constants');
const arch = require('../../libjs/constants/arch');
const { needCompiler, probe, same } = require('./cprobe');

// The C library's headers first (as a C program sees the names), then the
// kernel's uapi headers for what glibc does not define; two uapi groups that
// cannot share a translation unit with glibc's headers.
const GLIBC = ['fcntl.h', 'sys/stat.h', 'unistd.h', 'stdio.h', 'sys/file.h', 'sys/socket.h',
  'netinet/in.h', 'netinet/tcp.h', 'netinet/udp.h', 'sys/epoll.h', 'poll.h', 'sys/eventfd.h',
  'sys/timerfd.h', 'sys/signalfd.h', 'sys/inotify.h', 'signal.h', 'time.h', 'sys/mman.h',
  'sys/resource.h', 'sys/wait.h', 'sys/prctl.h', 'sys/xattr.h', 'sys/random.h', 'sys/ioctl.h',
  'linux/fs.h', 'sched.h', 'limits.h', 'linux/netlink.h', 'linux/rtnetlink.h', 'linux/if_addr.h',
  'linux/if_link.h', 'net/if.h', 'net/if_arp.h', 'sys/pidfd.h', 'linux/close_range.h',
  'linux/openat2.h', 'linux/falloc.h'];
const UAPI = [['linux/fcntl.h', 'linux/stat.h', 'linux/eventpoll.h', 'linux/mman.h', 'asm/signal.h',
  'linux/uio.h', 'asm/ioctls.h', 'linux/sockios.h', 'linux/limits.h'], ['linux/if.h']];

// Where the kernel's value is the one a syscall needs and glibc's differs:
// glibc reserves two real-time signals and defines O_LARGEFILE as 0 on 64-bit.
const KERNEL_FIRST = new Set(['SIGRTMIN', 'SIGRTMAX', 'O_LARGEFILE']);
// Defined by no x86-64 header (its asm/signal.h leaves SIGRTMAX out); the
// aarch64 headers (asm-generic) have it.
const NOT_IN_X86_HEADERS = new Set(['SIGRTMAX']);

function numeric(table) {
  return Object.keys(table).filter((k) => typeof table[k] === 'number' || typeof table[k] === 'bigint');
}

// The constants as they are on `a`: the shared ones plus a's own.
function viewFor(a) {
  const v = { ...C };
  for (const k of Object.keys(arch[process.arch])) delete v[k];
  return Object.assign(v, arch[a]);
}

function checkAgainstC(ctx, a) {
  const cc = needCompiler(ctx, a);
  const view = viewFor(a);
  const names = numeric(view);
  const glibc = probe({ cc, headers: GLIBC, names });
  const uapi = new Map();
  for (const headers of UAPI) for (const [k, v] of probe({ cc, headers, names, defines: [] }).values) uapi.set(k, v);
  const nowhere = [];
  let checked = 0;
  for (const n of names) {
    const first = KERNEL_FIRST.has(n) ? uapi : glibc.values;
    const second = KERNEL_FIRST.has(n) ? glibc.values : uapi;
    const v = first.has(n) ? first.get(n) : second.get(n);
    if (v === undefined) {
      nowhere.push(n);
      continue;
    }
    assert.ok(same(view[n], v), `${a}: ${n} is ${view[n]} in libjs, ${v} in C`);
    checked++;
  }
  return { checked, nowhere, total: names.length };
}

describe('libjs/constants', () => {
  it('x86-64: every constant equals the C compiler\'s value', function () {
    const { checked, nowhere, total } = checkAgainstC(this, 'x64');
    assert.deepStrictEqual(nowhere.filter((n) => !NOT_IN_X86_HEADERS.has(n)), []);
    assert.ok(checked >= total - NOT_IN_X86_HEADERS.size && checked > 800, `${checked} of ${total}`);
  });

  it('aarch64: every constant equals the cross compiler\'s value', function () {
    this.timeout(60000);
    const { checked, nowhere, total } = checkAgainstC(this, 'arm64');
    assert.deepStrictEqual(nowhere, []);
    assert.strictEqual(checked, total);
  });

  it('aarch64 differs where it must: O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE, O_TMPFILE', () => {
    const a = viewFor('arm64'), x = viewFor('x64');
    assert.strictEqual(a.O_DIRECTORY, 0o40000);
    assert.strictEqual(a.O_NOFOLLOW, 0o100000);
    assert.strictEqual(a.O_DIRECT, 0o200000);
    assert.strictEqual(a.O_LARGEFILE, 0o400000);
    assert.strictEqual(a.O_TMPFILE, 0o20040000);
    assert.strictEqual(x.O_DIRECTORY, 0o200000);
    assert.strictEqual(x.O_NOFOLLOW, 0o400000);
    assert.strictEqual(x.O_DIRECT, 0o40000);
    assert.strictEqual(x.O_LARGEFILE, 0o100000);
    assert.strictEqual(x.O_TMPFILE, 0o20200000);
    assert.strictEqual(C.O_DIRECTORY, { x64: x, arm64: a }[process.arch].O_DIRECTORY);
  });

  it('matches os.constants.signals, both ways', () => {
    for (const [name, n] of Object.entries(os.constants.signals)) {
      assert.strictEqual(C[name], n, name);
      assert.strictEqual(C.signals[name], n, name);
    }
    for (const name of Object.keys(C.signals)) assert.strictEqual(os.constants.signals[name], C[name], name);
  });

  it('matches fs.constants (open flags, mode bits, access modes)', () => {
    let n = 0;
    for (const [name, v] of Object.entries(fs.constants)) {
      if (!/^(O_|S_I|[FRWX]_OK$)/.test(name)) continue;
      assert.strictEqual(C[name], v, name);
      n++;
    }
    assert.ok(n > 30);
  });

  it('RLIM_INFINITY is an exact BigInt', () => {
    assert.strictEqual(C.RLIM_INFINITY, 2n ** 64n - 1n);
  });

  it('signame', () => {
    assert.strictEqual(C.signame(15), 'SIGTERM');
    assert.strictEqual(C.signame(6), 'SIGABRT');
    assert.strictEqual(C.signame(29), 'SIGIO');
    assert.strictEqual(C.signame(34), 'SIGRTMIN+2');
    assert.strictEqual(C.signame(99), undefined);
  });

  it('groups hold the same values, and the object is frozen', () => {
    for (const [g, table] of Object.entries(C.groups)) {
      for (const [k, v] of Object.entries(table)) assert.strictEqual(C[k], v, `${g}.${k}`);
    }
    assert.ok(Object.isFrozen(C));
  });
});
