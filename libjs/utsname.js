// libjs: <sys/utsname.h>: uname fills a struct utsname buffer (390 bytes:
// six NUL-terminated 65-byte fields: sysname, nodename, release, version,
// machine, domainname).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need } = require('./args');
const SIZE = require('./abi');

function uname(buf) {
  return syscall(nr.uname, need('uname', buf, SIZE.utsname, 'buf'));
}

module.exports = { uname };
