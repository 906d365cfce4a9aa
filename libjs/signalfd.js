// libjs: <sys/signalfd.h>: signalfd4. Reads give struct signalfd_siginfo
// records of 128 bytes (libjs/struct decodes them).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need } = require('./args');
const SIZE = require('./abi');

// fd: -1 for a new signalfd, or one to update; mask: an 8-byte kernel sigset_t.
function signalfd4(fd, mask, flags = 0) {
  return syscall(nr.signalfd4, fd, need('signalfd4', mask, SIZE.sigset, 'mask'), SIZE.sigset, flags);
}

module.exports = { signalfd4, signalfd: signalfd4 };
