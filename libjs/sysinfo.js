// libjs: <sys/sysinfo.h>: sysinfo fills a struct sysinfo buffer (112 bytes
// on 64-bit; libjs/struct decodes it).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need } = require('./args');
const SIZE = require('./abi');

function sysinfo(info) {
  return syscall(nr.sysinfo, need('sysinfo', info, SIZE.sysinfo, 'info'));
}

module.exports = { sysinfo };
