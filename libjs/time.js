// libjs: <time.h> as system calls: clock_gettime, clock_getres, nanosleep,
// clock_nanosleep. (libjs/vdso has clock_gettime without entering the kernel.)
// Times are caller buffers of struct timespec (16 bytes: tv_sec, tv_nsec).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need, needOrNull } = require('./args');
const { TIMER_ABSTIME } = require('./constants');
const SIZE = require('./abi');

const EINTR = -4;
const TS = SIZE.timespec;

// Where a relative sleep keeps the time left when the caller gives no buffer.
const left = new BigInt64Array(2);

function clock_gettime(clockid, tp) {
  return syscall(nr.clock_gettime, clockid, need('clock_gettime', tp, TS, 'tp'));
}

function clock_getres(clockid, res = null) {
  return syscall(nr.clock_getres, clockid, needOrNull('clock_getres', res, TS, 'res'));
}

// Sleeps the whole time: a signal that interrupts it (EINTR) only restarts
// it with the time left. rem: null, or a buffer that ends up holding zero.
function nanosleep(req, rem = null) {
  need('nanosleep', req, TS, 'req');
  const r2 = rem === null ? left : need('nanosleep', rem, TS, 'rem');
  let r = syscall(nr.nanosleep, req, r2);
  while (r === EINTR) r = syscall(nr.nanosleep, r2, r2);
  return r;
}

// As nanosleep on a chosen clock; with TIMER_ABSTIME, until a point in time.
function clock_nanosleep(clockid, flags, req, rem = null) {
  need('clock_nanosleep', req, TS, 'req');
  if (flags & TIMER_ABSTIME) {
    let r;
    do r = syscall(nr.clock_nanosleep, clockid, flags, req, null); while (r === EINTR);
    return r;
  }
  const r2 = rem === null ? left : need('clock_nanosleep', rem, TS, 'rem');
  let r = syscall(nr.clock_nanosleep, clockid, flags, req, r2);
  while (r === EINTR) r = syscall(nr.clock_nanosleep, clockid, flags, r2, r2);
  return r;
}

module.exports = { clock_gettime, clock_getres, nanosleep, clock_nanosleep };
