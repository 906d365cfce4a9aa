// libjs: <sys/uio.h>: readv, writev, preadv, pwritev, preadv2, pwritev2.
// bufs: an array of buffers (or one buffer); each is used whole (pass a
// subarray for part of one). The iovec array is built here from their bounds.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { build, count } = require('./iov');

const EINTR = -4;

function readv(fd, bufs) {
  const iov = build('readv', bufs), n = count(bufs);
  let r;
  do r = syscall(nr.readv, fd, iov, n); while (r === EINTR);
  return r;
}

function writev(fd, bufs) {
  const iov = build('writev', bufs), n = count(bufs);
  let r;
  do r = syscall(nr.writev, fd, iov, n); while (r === EINTR);
  return r;
}

// The kernel takes the position as (low, high) words for 32-bit callers; on
// 64-bit the low word is the whole position and the high one is ignored.
function preadv(fd, bufs, pos) {
  const iov = build('preadv', bufs), n = count(bufs);
  let r;
  do r = syscall(nr.preadv, fd, iov, n, pos, 0); while (r === EINTR);
  return r;
}

function pwritev(fd, bufs, pos) {
  const iov = build('pwritev', bufs), n = count(bufs);
  let r;
  do r = syscall(nr.pwritev, fd, iov, n, pos, 0); while (r === EINTR);
  return r;
}

// pos -1: the file position, as readv. flags: RWF_*.
function preadv2(fd, bufs, pos, flags = 0) {
  const iov = build('preadv2', bufs), n = count(bufs);
  let r;
  do r = syscall(nr.preadv2, fd, iov, n, pos, 0, flags); while (r === EINTR);
  return r;
}

function pwritev2(fd, bufs, pos, flags = 0) {
  const iov = build('pwritev2', bufs), n = count(bufs);
  let r;
  do r = syscall(nr.pwritev2, fd, iov, n, pos, 0, flags); while (r === EINTR);
  return r;
}

module.exports = { readv, writev, preadv, pwritev, preadv2, pwritev2 };
