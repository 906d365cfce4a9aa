// libjs: <sys/sendfile.h>: sendfile copies between fds inside the kernel.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { needOrNull } = require('./args');

const EINTR = -4;

// offset: null (use and advance inFd's position) or an 8-byte buffer holding
// the loff_t to read from, which the kernel advances.
function sendfile(outFd, inFd, offset, count) {
  const o = needOrNull('sendfile', offset, 8, 'offset');
  let r;
  do r = syscall(nr.sendfile, outFd, inFd, o, count); while (r === EINTR);
  return r;
}

module.exports = { sendfile };
