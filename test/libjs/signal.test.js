'use strict';
const assert = require('assert');
const L = require('../../libjs');
const { child } = require('./helpers');

const { E } = L;

describe('libjs/signal', () => {
  it('kill, tgkill, tkill with signal 0 probe a process; ESRCH, EINVAL', () => {
    assert.strictEqual(L.kill(process.pid, 0), 0);
    assert.strictEqual(L.tgkill(process.pid, L.gettid(), 0), 0);
    assert.strictEqual(L.tkill(L.gettid(), 0), 0);
    assert.strictEqual(L.kill(0x3fffffff, 0), -E.ESRCH);
    assert.strictEqual(L.tgkill(process.pid, 0x3fffffff, 0), -E.ESRCH);
    assert.strictEqual(L.tkill(0x3fffffff, 0), -E.ESRCH);
    assert.strictEqual(L.kill(process.pid, 999), -E.EINVAL);
  });

  it('kill delivers: a child ended by SIGTERM', () => {
    const r = child('L.kill(L.getpid(), L.SIGTERM); setTimeout(() => {}, 5000);');
    assert.strictEqual(r.signal, 'SIGTERM');
  });

  it('rt_sigprocmask, rt_sigpending, rt_sigtimedwait (in a child)', () => {
    const r = child(`
      const set = Buffer.alloc(8), old = Buffer.alloc(8), pend = Buffer.alloc(8);
      L.sigemptyset(set);
      L.sigaddset(set, L.SIGUSR2);
      const out = {};
      out.block = L.sigprocmask(L.SIG_BLOCK, set, old);
      out.wasBlocked = L.sigismember(old, L.SIGUSR2);
      out.cur = L.rt_sigprocmask(L.SIG_BLOCK, null, old);
      out.nowBlocked = L.sigismember(old, L.SIGUSR2);
      L.tgkill(L.getpid(), L.gettid(), L.SIGUSR2);
      out.pending = L.rt_sigpending(pend);
      out.isPending = L.sigismember(pend, L.SIGUSR2);
      const info = Buffer.alloc(128);
      out.waited = L.rt_sigtimedwait(set, info, new BigInt64Array([1n, 0n]));
      out.signo = info.readInt32LE(0);
      out.timeout = L.sigtimedwait(set, null, new BigInt64Array([0n, 1000000n]));
      out.badHow = L.rt_sigprocmask(99, set, null);
      console.log(JSON.stringify(out));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), {
      block: 0, wasBlocked: 0, cur: 0, nowBlocked: 1, pending: 0, isPending: 1,
      waited: L.SIGUSR2, signo: L.SIGUSR2, timeout: -E.EAGAIN, badHow: -E.EINVAL,
    });
  });

  it('pidfd_send_signal: to this process (signal 0), EBADF', () => {
    const pfd = L.pidfd_open(process.pid, 0);
    assert.ok(pfd >= 0);
    try {
      assert.strictEqual(L.pidfd_send_signal(pfd, 0, null, 0), 0);
      assert.strictEqual(L.pidfd_send_signal(pfd, 0, null, 0x100), -E.EINVAL);
    } finally {
      L.close(pfd);
    }
    assert.strictEqual(L.pidfd_send_signal(-1, 0), -E.EBADF);
    assert.throws(() => L.pidfd_send_signal(0, 0, Buffer.alloc(8)), /info must be at least 128/);
  });

  it('sigset helpers: the kernel\'s bit layout', () => {
    const s = Buffer.alloc(8);
    assert.strictEqual(L.sigfillset(s), 0);
    assert.ok(s.every((b) => b === 0xff));
    assert.strictEqual(L.sigemptyset(s), 0);
    assert.strictEqual(L.sigaddset(s, 1), 0);
    assert.strictEqual(L.sigaddset(s, 64), 0);
    assert.strictEqual(L.sigaddset(s, L.SIGCHLD), 0);
    assert.strictEqual(s.readBigUInt64LE(0), (1n << 0n) | (1n << 63n) | (1n << 16n));
    assert.strictEqual(L.sigdelset(s, 64), 0);
    assert.strictEqual(L.sigismember(s, 64), 0);
    assert.strictEqual(L.sigismember(s, 17), 1);
    assert.strictEqual(L.sigaddset(s, 65), -E.EINVAL);
    assert.strictEqual(L.sigismember(s, 0), -E.EINVAL);
    assert.throws(() => L.sigaddset(new Uint8Array(4), 1), TypeError);
    assert.throws(() => L.sigemptyset(new Uint32Array(2)), /must be a Uint8Array/);
  });
});
