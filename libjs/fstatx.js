// libjs: statx(2) of an open fd: statx(fd, NULL, AT_EMPTY_PATH, mask, buf).
// Linux 6.11 takes a NULL path there and skips the path lookup that "" costs;
// older kernels answer EFAULT, and then "" is used from the first call on.
'use strict';
const { syscall, regs, sysr } = require('./sys');
const nr = require('./sysnr');
const { need, needAddress, addressAt } = require('./args');
const { AT_EMPTY_PATH } = require('./constants');
const SIZE = require('./abi');

const EFAULT = -14;
const NR_STATX = nr.statx;
const EMPTY = new Uint8Array(1);
let nullPath = true;
const FAST = regs !== null;
let emptyAddress = 0;

// buf: at least 256 bytes (struct statx). flags: AT_STATX_* (AT_EMPTY_PATH is added).
function fstatx(fd, flags, mask, buf) {
  // Through the register gate when the integers are Numbers (libjs/sys.js).
  if (FAST && typeof fd === 'number' && typeof flags === 'number' && typeof mask === 'number') {
    const a = needAddress('fstatx', buf, SIZE.statx, 'buf');
    if (nullPath) {
      const r = sysr(NR_STATX, fd, 0, flags | AT_EMPTY_PATH, mask, a, 0);
      if (r !== EFAULT) return r;
      nullPath = false;
    }
    if (emptyAddress === 0) emptyAddress = addressAt(EMPTY, 0);
    return sysr(NR_STATX, fd, emptyAddress, flags | AT_EMPTY_PATH, mask, a, 0);
  }
  need('fstatx', buf, SIZE.statx, 'buf');
  if (nullPath) {
    const r = syscall(NR_STATX, fd, null, flags | AT_EMPTY_PATH, mask, buf);
    if (r !== EFAULT) return r;
    nullPath = false;
  }
  return syscall(NR_STATX, fd, EMPTY, flags | AT_EMPTY_PATH, mask, buf);
}

module.exports = { fstatx };
