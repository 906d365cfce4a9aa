// libjs: <sys/epoll.h>. Events are caller buffers of struct epoll_event
// (12 bytes, packed, on x86-64; 16 on aarch64); libjs/struct decodes them.
// epoll_wait is not retried on EINTR: the caller's loop recomputes its timeout.
'use strict';
const { syscall, regs, sysr } = require('./sys');
const nr = require('./sysnr');
const { fail, needOrNull, array, addressAt } = require('./args');
const SIZE = require('./abi');

const EVENT = SIZE.epoll_event;
const DATA = process.arch === 'x64' ? 4 : 8; // offset of epoll_data in the struct
const TWO32 = 4294967296;
const EINVAL = -22;
const SIGSET = SIZE.sigset;

function epoll_create1(flags = 0) {
  return syscall(nr.epoll_create1, flags);
}

// The size hint is ignored since Linux 2.6.8 but must be positive.
function epoll_create(size) {
  if (!(size > 0)) return EINVAL;
  return syscall(nr.epoll_create1, 0);
}

// event: a struct epoll_event buffer, or null for EPOLL_CTL_DEL.
function epoll_ctl(epfd, op, fd, event) {
  return syscall(nr.epoll_ctl, epfd, op, fd, needOrNull('epoll_ctl', event, EVENT, 'event'));
}

// epoll_ctl without a struct: events and a 64-bit data word given as Numbers
// (data up to 2**53; the fd itself by default). Allocates nothing.
const ev = new Uint32Array(4);
let evAddress = 0;
const NR_CTL = nr.epoll_ctl;
function epoll_ctl_data(epfd, op, fd, events, data = fd) {
  if (typeof data !== 'number' || !Number.isInteger(data) || data < 0 || data > Number.MAX_SAFE_INTEGER)
    fail('epoll_ctl_data', `data must be an integer Number from 0 to 2**53-1, got ${data}`);
  ev[0] = events;
  ev[DATA >> 2] = data % TWO32;
  ev[(DATA >> 2) + 1] = Math.floor(data / TWO32);
  if (regs !== null && typeof epfd === 'number' && typeof op === 'number' && typeof fd === 'number') {
    if (evAddress === 0) evAddress = addressAt(ev, 0);
    return sysr(NR_CTL, epfd, op, fd, evAddress, 0, 0);
  }
  return syscall(NR_CTL, epfd, op, fd, ev);
}

// events: room for maxevents structs. timeout: ms, -1 forever.
// With integer Numbers it takes the register gate (libjs/sys.js), the events
// buffer as its address: an event loop makes this call once per wake-up.
const FAST = regs !== null;
const NR_WAIT = nr.epoll_wait, NR_PWAIT = nr.epoll_pwait;
function epoll_wait(epfd, events, maxevents, timeout) {
  const e = array('epoll_wait', events, maxevents, EVENT, 'event');
  if (FAST && typeof epfd === 'number' && typeof timeout === 'number' && (timeout | 0) === timeout) {
    const a = addressAt(e, 0);
    if (NR_WAIT !== undefined) return sysr(NR_WAIT, epfd, a, maxevents, timeout, 0, 0);
    return sysr(NR_PWAIT, epfd, a, maxevents, timeout, 0, SIGSET);
  }
  if (NR_WAIT !== undefined) return syscall(NR_WAIT, epfd, e, maxevents, timeout);
  return syscall(NR_PWAIT, epfd, e, maxevents, timeout, null, SIGSET);
}

// sigmask: null, or an 8-byte kernel sigset_t applied during the wait.
function epoll_pwait(epfd, events, maxevents, timeout, sigmask = null) {
  const e = array('epoll_pwait', events, maxevents, EVENT, 'event');
  const m = needOrNull('epoll_pwait', sigmask, SIGSET, 'sigmask');
  return syscall(nr.epoll_pwait, epfd, e, maxevents, timeout, m, SIGSET);
}

// timeout: null (forever) or a struct timespec buffer (nanosecond resolution).
function epoll_pwait2(epfd, events, maxevents, timeout, sigmask = null) {
  const e = array('epoll_pwait2', events, maxevents, EVENT, 'event');
  const t = needOrNull('epoll_pwait2', timeout, SIZE.timespec, 'timeout');
  const m = needOrNull('epoll_pwait2', sigmask, SIGSET, 'sigmask');
  return syscall(nr.epoll_pwait2, epfd, e, maxevents, t, m, SIGSET);
}

module.exports = { epoll_create1, epoll_create, epoll_ctl, epoll_ctl_data, epoll_wait, epoll_pwait, epoll_pwait2 };
