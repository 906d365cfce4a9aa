// libjs: <fcntl.h>, <sys/file.h>: open, fcntl, fallocate, fadvise, splice, tee, flock.
'use strict';
const { syscall, regs, sysrv } = require('./sys');
const nr = require('./sysnr');
const { fail, cpath, need, needOrNull, isBuffer } = require('./args');
const C = require('./constants');
const SIZE = require('./abi');

const EINTR = -4;
const { AT_FDCWD, O_CREAT, O_WRONLY, O_TRUNC } = C;

// A FIFO's open blocks until the other end opens, and can be interrupted.
const FAST = regs !== null;
const NR_OPENAT = nr.openat;

function openat(dirfd, path, flags, mode = 0) {
  const p = cpath('openat', path, 'path');
  let r;
  // Through the register gate when the integers are Numbers (libjs/sys.js).
  if (FAST && typeof dirfd === 'number' && typeof flags === 'number' && typeof mode === 'number') {
    do r = sysrv(2, p, NR_OPENAT, dirfd, 0, flags, mode, 0, 0); while (r === EINTR);
    return r;
  }
  do r = syscall(NR_OPENAT, dirfd, p, flags, mode); while (r === EINTR);
  return r;
}

// x86-64's open is openat(AT_FDCWD) in the kernel, with one argument fewer
// to marshal; aarch64 has only openat.
const NR_OPEN = nr.open;

function open(path, flags, mode = 0) {
  const p = cpath('open', path, 'path');
  let r;
  if (FAST && typeof flags === 'number' && typeof mode === 'number') {
    if (NR_OPEN !== undefined) {
      do r = sysrv(1, p, NR_OPEN, 0, flags, mode, 0, 0, 0); while (r === EINTR);
    } else {
      do r = sysrv(2, p, NR_OPENAT, AT_FDCWD, 0, flags, mode, 0, 0); while (r === EINTR);
    }
    return r;
  }
  if (NR_OPEN !== undefined) {
    do r = syscall(NR_OPEN, p, flags, mode); while (r === EINTR);
  } else {
    do r = syscall(nr.openat, AT_FDCWD, p, flags, mode); while (r === EINTR);
  }
  return r;
}

function creat(path, mode) {
  return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

// how: a struct open_how (24 bytes: flags u64, mode u64, resolve u64).
function openat2(dirfd, path, how, size = SIZE.open_how) {
  const p = cpath('openat2', path, 'path');
  need('openat2', how, size, 'how');
  let r;
  do r = syscall(nr.openat2, dirfd, p, how, size); while (r === EINTR);
  return r;
}

// The commands whose argument points at memory the kernel reads or writes,
// and how large that memory must be.
const POINTER_ARG = new Map([
  [C.F_GETLK, SIZE.flock], [C.F_SETLK, SIZE.flock], [C.F_SETLKW, SIZE.flock],
  [C.F_OFD_GETLK, SIZE.flock], [C.F_OFD_SETLK, SIZE.flock], [C.F_OFD_SETLKW, SIZE.flock],
  [C.F_GETOWN_EX, SIZE.f_owner_ex], [C.F_SETOWN_EX, SIZE.f_owner_ex],
  [C.F_GET_RW_HINT, 8], [C.F_SET_RW_HINT, 8], [C.F_GET_FILE_RW_HINT, 8], [C.F_SET_FILE_RW_HINT, 8],
]);

// arg: an integer, or for the lock, owner and hint commands a buffer holding
// the struct. A blocking lock (F_SETLKW, F_OFD_SETLKW) is retried on EINTR.
function fcntl(fd, cmd, arg = 0) {
  const size = POINTER_ARG.get(cmd);
  if (size !== undefined) need('fcntl', arg, size, 'arg');
  else if (isBuffer(arg)) fail('fcntl', `command ${cmd} takes an integer argument, not a buffer`);
  let r;
  do r = syscall(nr.fcntl, fd, cmd, arg); while (r === EINTR && (cmd === C.F_SETLKW || cmd === C.F_OFD_SETLKW));
  return r;
}

function fallocate(fd, mode, offset, len) {
  let r;
  do r = syscall(nr.fallocate, fd, mode, offset, len); while (r === EINTR);
  return r;
}

// posix_fadvise's kernel call; returns -errno like every raw call.
function posix_fadvise(fd, offset, len, advice) {
  return syscall(nr.fadvise64, fd, offset, len, advice);
}

function sync_file_range(fd, offset, nbytes, flags) {
  return syscall(nr.sync_file_range, fd, offset, nbytes, flags);
}

// offIn/offOut: null, or an 8-byte buffer holding a loff_t the kernel advances.
function splice(fdIn, offIn, fdOut, offOut, len, flags = 0) {
  const a = needOrNull('splice', offIn, SIZE.loff_t, 'offIn');
  const b = needOrNull('splice', offOut, SIZE.loff_t, 'offOut');
  let r;
  do r = syscall(nr.splice, fdIn, a, fdOut, b, len, flags); while (r === EINTR);
  return r;
}

function tee(fdIn, fdOut, len, flags = 0) {
  let r;
  do r = syscall(nr.tee, fdIn, fdOut, len, flags); while (r === EINTR);
  return r;
}

// <sys/file.h>. A blocking lock is retried on EINTR.
function flock(fd, operation) {
  let r;
  do r = syscall(nr.flock, fd, operation); while (r === EINTR);
  return r;
}

module.exports = {
  openat, open, creat, openat2, fcntl, fallocate, posix_fadvise, fadvise64: posix_fadvise,
  sync_file_range, splice, tee, flock,
};
