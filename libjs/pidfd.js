// libjs: <sys/pidfd.h>: pidfd_open, pidfd_getfd (pidfd_send_signal is in ./signal).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');

function pidfd_open(pid, flags = 0) {
  return syscall(nr.pidfd_open, pid, flags);
}

function pidfd_getfd(pidfd, targetfd, flags = 0) {
  return syscall(nr.pidfd_getfd, pidfd, targetfd, flags);
}

module.exports = { pidfd_open, pidfd_getfd };
