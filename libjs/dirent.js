// libjs: <dirent.h>'s kernel call: getdents64 fills buf with linux_dirent64
// records (libjs/struct iterates them). Returns the bytes filled, 0 at the end.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { span } = require('./args');

function getdents64(fd, buf, len, off) {
  return syscall(nr.getdents64, fd, span('getdents64', buf, len, off), len);
}

module.exports = { getdents64 };
