// libjs: statx(2) of an open fd: statx(fd, NULL, AT_EMPTY_PATH, mask, buf).
// Linux 6.11 takes a NULL path there and skips the path lookup that "" costs;
// older kernels answer EFAULT, and then "" is used from the first call on.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need } = require('./args');
const { AT_EMPTY_PATH } = require('./constants');
const SIZE = require('./abi');

const EFAULT = -14;
const EMPTY = new Uint8Array(1);
let nullPath = true;

// buf: at least 256 bytes (struct statx). flags: AT_STATX_* (AT_EMPTY_PATH is added).
function fstatx(fd, flags, mask, buf) {
  need('fstatx', buf, SIZE.statx, 'buf');
  if (nullPath) {
    const r = syscall(nr.statx, fd, null, flags | AT_EMPTY_PATH, mask, buf);
    if (r !== EFAULT) return r;
    nullPath = false;
  }
  return syscall(nr.statx, fd, EMPTY, flags | AT_EMPTY_PATH, mask, buf);
}

module.exports = { fstatx };
