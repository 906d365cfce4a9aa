// libjs: <sys/statfs.h>: statfs, fstatfs (struct statfs: 120 bytes on 64-bit).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { cpath, need } = require('./args');
const SIZE = require('./abi');

function statfs(path, buf) {
  const p = cpath('statfs', path, 'path');
  return syscall(nr.statfs, p, need('statfs', buf, SIZE.statfs, 'buf'));
}

function fstatfs(fd, buf) {
  return syscall(nr.fstatfs, fd, need('fstatfs', buf, SIZE.statfs, 'buf'));
}

module.exports = { statfs, fstatfs };
