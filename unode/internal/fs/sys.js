// unode/internal/fs: the kernel calls fs makes, as one table over libjs's raw
// tier (each returns the result or -errno, never throws for a kernel error),
// plus libuv's loops over them (vectored reads and writes). Paths arrive
// validated: a string without NUL, or a Uint8Array (libjs adds its NUL).
'use strict';

const unistd = require('libjs/unistd');
const fcntl = require('libjs/fcntl');
const stat = require('libjs/stat');
const { fstatx } = require('libjs/fstatx');
const statfsCalls = require('libjs/statfs');
const dirent = require('libjs/dirent');
const uio = require('libjs/uio');
const stdio = require('libjs/stdio');
const { sendfile } = require('libjs/sendfile');
const { ioctl_ficlone: ficlone } = require('libjs/ioctl');
const { getrandom } = require('libjs/random');
const C = require('libjs/constants');

const { AT_FDCWD } = C;
const EINVAL = -22;
const IOV_MAX = 1024;

// One read into buffers (at most IOV_MAX of them), as libuv does: read/pread
// for one buffer, readv/preadv for more; EINVAL for none.
function readBuffers(fd, buffers, pos) {
  const n = buffers.length;
  if (n === 0) return EINVAL;
  if (n === 1) {
    const b = buffers[0];
    return pos < 0 ? unistd.read(fd, b, b.byteLength) : unistd.pread64(fd, b, b.byteLength, pos);
  }
  const list = n > IOV_MAX ? buffers.slice(0, IOV_MAX) : buffers;
  return pos < 0 ? uio.readv(fd, list) : uio.preadv(fd, list, pos);
}

// Write all of buffers, continuing after short writes and in IOV_MAX chunks
// (libuv's write_all): the total, or -errno when the first attempt fails.
function writeBuffers(fd, buffers, pos) {
  let total = 0;
  let idx = 0;
  let skip = 0;
  const count = buffers.length;
  while (idx < count) {
    const n = Math.min(count - idx, IOV_MAX);
    let r;
    if (n === 1) {
      const b = buffers[idx];
      const len = b.byteLength - skip;
      r = pos < 0 ? unistd.write(fd, b, len, skip) : unistd.pwrite64(fd, b, len, pos, skip);
    } else {
      let list = idx === 0 && n === count ? buffers : buffers.slice(idx, idx + n);
      if (skip > 0) {
        if (list === buffers) list = buffers.slice();
        const b = list[0];
        list[0] = new Uint8Array(b.buffer, b.byteOffset + skip, b.byteLength - skip);
      }
      r = pos < 0 ? uio.writev(fd, list) : uio.pwritev(fd, list, pos);
    }
    if (r <= 0) {
      if (total === 0) total = r;
      break;
    }
    total += r;
    if (pos >= 0) pos += r;
    while (idx < count && r >= buffers[idx].byteLength - skip) {
      r -= buffers[idx].byteLength - skip;
      skip = 0;
      idx++;
    }
    skip += r;
  }
  return total;
}

module.exports = {
  AT_FDCWD,
  openat: fcntl.openat,
  close: unistd.close,
  read: unistd.read,
  write: unistd.write,
  pread64: unistd.pread64,
  pwrite64: unistd.pwrite64,
  lseek: unistd.lseek,
  readBuffers,
  writeBuffers,
  statx: stat.statx,
  fstatx,
  newfstatat: stat.newfstatat,
  fstat: stat.fstat,
  faccessat: unistd.faccessat,
  mkdirat: stat.mkdirat,
  unlinkat: unistd.unlinkat,
  renameat: (oldpath, newpath) => stdio.renameat(AT_FDCWD, oldpath, AT_FDCWD, newpath),
  linkat: unistd.linkat,
  symlinkat: unistd.symlinkat,
  readlinkat: unistd.readlinkat,
  fchmodat: stat.fchmodat,
  fchmod: stat.fchmod,
  fchownat: unistd.fchownat,
  fchown: unistd.fchown,
  utimensat: stat.utimensat,
  ftruncate: unistd.ftruncate,
  fsync: unistd.fsync,
  fdatasync: unistd.fdatasync,
  statfs: statfsCalls.statfs,
  getdents64: dirent.getdents64,
  copy_file_range: unistd.copy_file_range,
  sendfile,
  ficlone,
  getcwd: unistd.getcwd,
  getrandom,
};
