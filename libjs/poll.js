// libjs: <poll.h>: ppoll and poll on caller buffers of struct pollfd (8
// bytes: fd i32, events i16, revents i16). Not retried on EINTR (the caller
// recomputes its timeout).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { fail, needOrNull, array } = require('./args');
const SIZE = require('./abi');

// ppoll's timeout for poll(): the kernel writes the time left back into it.
const ts = new BigInt64Array(2);

// timeout: null (forever) or a struct timespec buffer; sigmask: null or an
// 8-byte kernel sigset_t.
function ppoll(fds, nfds, timeout, sigmask = null) {
  const f = array('ppoll', fds, nfds, SIZE.pollfd, 'pollfd');
  const t = needOrNull('ppoll', timeout, SIZE.timespec, 'timeout');
  const m = needOrNull('ppoll', sigmask, SIZE.sigset, 'sigmask');
  return syscall(nr.ppoll, f, nfds, t, m, SIZE.sigset);
}

// timeout: ms, negative for forever (as poll(2)); made with ppoll, which
// every architecture has.
function poll(fds, nfds, timeout) {
  const f = array('poll', fds, nfds, SIZE.pollfd, 'pollfd');
  if (typeof timeout !== 'number' || !Number.isInteger(timeout))
    fail('poll', `timeout must be an integer Number of ms, got ${timeout}`);
  if (timeout < 0) return syscall(nr.ppoll, f, nfds, null, null, SIZE.sigset);
  ts[0] = BigInt(Math.floor(timeout / 1000));
  ts[1] = BigInt((timeout % 1000) * 1e6);
  return syscall(nr.ppoll, f, nfds, ts, null, SIZE.sigset);
}

module.exports = { ppoll, poll };
