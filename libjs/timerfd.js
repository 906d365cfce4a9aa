// libjs: <sys/timerfd.h>. Timer values are caller buffers of struct
// itimerspec (32 bytes: interval, then value, each a timespec).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need, needOrNull } = require('./args');
const SIZE = require('./abi');

function timerfd_create(clockid, flags = 0) {
  return syscall(nr.timerfd_create, clockid, flags);
}

// oldValue: null, or a buffer receiving the previous setting.
function timerfd_settime(fd, flags, newValue, oldValue = null) {
  const n = need('timerfd_settime', newValue, SIZE.itimerspec, 'newValue');
  const o = needOrNull('timerfd_settime', oldValue, SIZE.itimerspec, 'oldValue');
  return syscall(nr.timerfd_settime, fd, flags, n, o);
}

function timerfd_gettime(fd, curValue) {
  return syscall(nr.timerfd_gettime, fd, need('timerfd_gettime', curValue, SIZE.itimerspec, 'curValue'));
}

module.exports = { timerfd_create, timerfd_settime, timerfd_gettime };
