// libjs: <signal.h>: sending signals, the signal mask, and kernel sigset_t
// helpers. A kernel sigset_t is 8 bytes (64 signals), bit n-1 for signal n;
// the helpers take a Uint8Array of at least 8 bytes (a Buffer).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { fail, need, needOrNull, typeName } = require('./args');
const SIZE = require('./abi');

const SIGSET = SIZE.sigset;
const EINVAL = -22;

function kill(pid, sig) {
  return syscall(nr.kill, pid, sig);
}

function tgkill(tgid, tid, sig) {
  return syscall(nr.tgkill, tgid, tid, sig);
}

function tkill(tid, sig) {
  return syscall(nr.tkill, tid, sig);
}

// set, oldset: null or 8-byte kernel sigsets. Changes this thread's mask
// (Node's main thread: the mask its worker threads inherit from then on).
function rt_sigprocmask(how, set, oldset = null) {
  const s = needOrNull('rt_sigprocmask', set, SIGSET, 'set');
  const o = needOrNull('rt_sigprocmask', oldset, SIGSET, 'oldset');
  return syscall(nr.rt_sigprocmask, how, s, o, SIGSET);
}

function rt_sigpending(set) {
  return syscall(nr.rt_sigpending, need('rt_sigpending', set, SIGSET, 'set'), SIGSET);
}

// Waits for a signal in `set` (blocked by the caller); returns its number.
// info: null or a 128-byte siginfo buffer; timeout: null or a timespec.
function rt_sigtimedwait(set, info = null, timeout = null) {
  const s = need('rt_sigtimedwait', set, SIGSET, 'set');
  const i = needOrNull('rt_sigtimedwait', info, SIZE.siginfo, 'info');
  const t = needOrNull('rt_sigtimedwait', timeout, SIZE.timespec, 'timeout');
  return syscall(nr.rt_sigtimedwait, s, i, t, SIGSET);
}

// info: null or a 128-byte siginfo buffer.
function pidfd_send_signal(pidfd, sig, info = null, flags = 0) {
  const i = needOrNull('pidfd_send_signal', info, SIZE.siginfo, 'info');
  return syscall(nr.pidfd_send_signal, pidfd, sig, i, flags);
}

function sigset(fn, set) {
  if (!(set instanceof Uint8Array)) fail(fn, `set must be a Uint8Array, got ${typeName(set)}`);
  if (set.length < SIGSET) fail(fn, `set must be at least ${SIGSET} bytes, got ${set.length}`);
  return set;
}

// These return 0, or -EINVAL for a signal outside 1..64 (as libc's do).
function sigemptyset(set) {
  sigset('sigemptyset', set).fill(0, 0, SIGSET);
  return 0;
}

function sigfillset(set) {
  sigset('sigfillset', set).fill(0xff, 0, SIGSET);
  return 0;
}

function sigaddset(set, sig) {
  sigset('sigaddset', set);
  if (!(sig >= 1 && sig <= 64)) return EINVAL;
  set[(sig - 1) >> 3] |= 1 << ((sig - 1) & 7);
  return 0;
}

function sigdelset(set, sig) {
  sigset('sigdelset', set);
  if (!(sig >= 1 && sig <= 64)) return EINVAL;
  set[(sig - 1) >> 3] &= ~(1 << ((sig - 1) & 7));
  return 0;
}

// 1 if sig is in set, 0 if not, -EINVAL for a bad signal number.
function sigismember(set, sig) {
  sigset('sigismember', set);
  if (!(sig >= 1 && sig <= 64)) return EINVAL;
  return (set[(sig - 1) >> 3] >> ((sig - 1) & 7)) & 1;
}

module.exports = {
  kill, tgkill, tkill, rt_sigprocmask, sigprocmask: rt_sigprocmask, rt_sigpending,
  sigpending: rt_sigpending, rt_sigtimedwait, sigtimedwait: rt_sigtimedwait, pidfd_send_signal,
  sigemptyset, sigfillset, sigaddset, sigdelset, sigismember,
};
