// libjs: <dirent.h>'s kernel call: getdents64 fills buf with linux_dirent64
// records (libjs/struct iterates them). Returns the bytes filled, 0 at the end.
'use strict';
const { syscall, regs, sysr } = require('./sys');
const nr = require('./sysnr');
const { span, checkSpan, spanAddress } = require('./args');

const FAST = regs !== null;
const NR_GETDENTS64 = nr.getdents64;

function getdents64(fd, buf, len, off) {
  // Through the register gate when fd is a Number (libjs/sys.js).
  if (FAST && typeof fd === 'number')
    return sysr(NR_GETDENTS64, fd, spanAddress(buf, checkSpan('getdents64', buf, len, off)), len, 0, 0, 0);
  return syscall(NR_GETDENTS64, fd, span('getdents64', buf, len, off), len);
}

module.exports = { getdents64 };
