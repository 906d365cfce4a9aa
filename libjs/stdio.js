// libjs: <stdio.h>: rename, renameat, renameat2.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { cpath } = require('./args');
const { AT_FDCWD } = require('./constants');

const ENOSYS = -38;

function renameat(olddirfd, oldpath, newdirfd, newpath) {
  return syscall(nr.renameat, olddirfd, cpath('renameat', oldpath, 'oldpath'), newdirfd,
    cpath('renameat', newpath, 'newpath'));
}

// Without flags, renameat does the same on kernels that lack renameat2.
function renameat2(olddirfd, oldpath, newdirfd, newpath, flags = 0) {
  const a = cpath('renameat2', oldpath, 'oldpath');
  const b = cpath('renameat2', newpath, 'newpath');
  const r = syscall(nr.renameat2, olddirfd, a, newdirfd, b, flags);
  if (r === ENOSYS && flags === 0 && nr.renameat !== undefined)
    return syscall(nr.renameat, olddirfd, a, newdirfd, b);
  return r;
}

function rename(oldpath, newpath) {
  return syscall(nr.renameat, AT_FDCWD, cpath('rename', oldpath, 'oldpath'), AT_FDCWD,
    cpath('rename', newpath, 'newpath'));
}

module.exports = { renameat, renameat2, rename };
