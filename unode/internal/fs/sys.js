// unode/internal/fs: the kernel calls fs makes, as one table over libjs's raw
// tier (each returns the result or -errno, never throws for a kernel error).
// Paths arrive validated: a string without NUL, or a Uint8Array.
'use strict';

const unistd = require('libjs/unistd');
const { syscall, addressOf } = require('libjs/sys');
const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const { cpath } = require('libjs/args');

const EINTR = -4;
const AT_FDCWD = C.AT_FDCWD;

// A path for the kernel: strings go as they are; a Uint8Array gets its NUL.
function kpath(p) {
  return typeof p === 'string' ? p : cpath('fs', p, 'path');
}

// ---- wrappers libjs does not have yet (see docs/fs.md) --------------------------

function openat(dirfd, path, flags, mode) {
  let r;
  do r = syscall(nr.openat, dirfd, kpath(path), flags, mode); while (r === EINTR);
  return r;
}

function statx(dirfd, path, flags, mask, buf) {
  return syscall(nr.statx, dirfd, kpath(path), flags, mask, buf);
}

function newfstatat(dirfd, path, buf, flags) {
  return syscall(nr.newfstatat, dirfd, kpath(path), buf, flags);
}

function fstat(fd, buf) {
  return syscall(nr.fstat, fd, buf);
}

function mkdirat(dirfd, path, mode) {
  return syscall(nr.mkdirat, dirfd, kpath(path), mode);
}

function renameat2(olddirfd, oldpath, newdirfd, newpath, flags) {
  return syscall(nr.renameat2, olddirfd, kpath(oldpath), newdirfd, kpath(newpath), flags);
}

function renameat(oldpath, newpath) {
  if (nr.renameat !== undefined)
    return syscall(nr.renameat, AT_FDCWD, kpath(oldpath), AT_FDCWD, kpath(newpath));
  return syscall(nr.renameat2, AT_FDCWD, kpath(oldpath), AT_FDCWD, kpath(newpath), 0);
}

function fchmodat(dirfd, path, mode) {
  return syscall(nr.fchmodat, dirfd, kpath(path), mode);
}

function fchmod(fd, mode) {
  return syscall(nr.fchmod, fd, mode);
}

// times: a BigInt64Array(4) or null, two struct timespec.
function utimensat(dirfd, path, times, flags) {
  return syscall(nr.utimensat, dirfd, path === null ? null : kpath(path), times, flags);
}

function statfs(path, buf) {
  return syscall(nr.statfs, kpath(path), buf);
}

function getdents64(fd, buf, len) {
  return syscall(nr.getdents64, fd, buf, len);
}

// iov: a BigUint64Array of (address, length) pairs; n pairs.
function readv(fd, iov, n) {
  let r;
  do r = syscall(nr.readv, fd, iov, n); while (r === EINTR);
  return r;
}
function writev(fd, iov, n) {
  let r;
  do r = syscall(nr.writev, fd, iov, n); while (r === EINTR);
  return r;
}
function preadv(fd, iov, n, pos) {
  let r;
  do r = syscall(nr.preadv, fd, iov, n, pos, 0); while (r === EINTR);
  return r;
}
function pwritev(fd, iov, n, pos) {
  let r;
  do r = syscall(nr.pwritev, fd, iov, n, pos, 0); while (r === EINTR);
  return r;
}

// iovec arrays over JavaScript buffers: addresses of ArrayBuffers are cached
// as Numbers (V8 does not move a buffer's data once its address was taken).
const IOV_MAX = 1024;
const iov = new Uint32Array(IOV_MAX * 4);
const bases = new WeakMap();

function addressOfView(v) {
  const ab = v.buffer;
  let base = bases.get(ab);
  if (base === undefined) {
    base = Number(addressOf(ab));
    bases.set(ab, base);
  }
  return base + v.byteOffset;
}

// Fill iov with buffers[start .. start + n), skipping `skip` bytes of the first.
function fillIov(buffers, start, n, skip) {
  for (let i = 0; i < n; i++) {
    const b = buffers[start + i];
    const s = i === 0 ? skip : 0;
    const a = addressOfView(b) + s;
    const len = b.byteLength - s;
    const k = i << 2;
    iov[k] = a % 4294967296;
    iov[k + 1] = Math.floor(a / 4294967296);
    iov[k + 2] = len % 4294967296;
    iov[k + 3] = Math.floor(len / 4294967296);
  }
}

// One read into buffers (at most IOV_MAX of them), as libuv does: read/pread
// for one buffer, readv/preadv for more, nothing at all for none.
function readBuffers(fd, buffers, pos) {
  const n = Math.min(buffers.length, IOV_MAX);
  if (n === 0) return -22; // libuv: EINVAL for no buffers
  if (n === 1) {
    const b = buffers[0];
    return pos < 0 ? unistd.read(fd, b, b.byteLength) : unistd.pread64(fd, b, b.byteLength, pos);
  }
  fillIov(buffers, 0, n, 0);
  return pos < 0 ? readv(fd, iov, n) : preadv(fd, iov, n, pos);
}

// Write all of buffers, continuing after short writes (libuv's write_all):
// the total, or -errno when the first attempt fails.
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
      fillIov(buffers, idx, n, skip);
      r = pos < 0 ? writev(fd, iov, n) : pwritev(fd, iov, n, pos);
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

function sendfile(outFd, inFd, offset, count) {
  let r;
  do r = syscall(nr.sendfile, outFd, inFd, offset, count); while (r === EINTR);
  return r;
}

// FICLONE: _IOW(0x94, 9, int)
const FICLONE = 0x40049409;
function ficlone(destFd, srcFd) {
  return syscall(nr.ioctl, destFd, FICLONE, srcFd);
}

function getrandom(buf, len, flags) {
  let r;
  do r = syscall(nr.getrandom, buf, len, flags); while (r === EINTR);
  return r;
}

module.exports = {
  AT_FDCWD,
  kpath,
  openat,
  close: unistd.close,
  read: unistd.read,
  write: unistd.write,
  pread64: unistd.pread64,
  pwrite64: unistd.pwrite64,
  lseek: unistd.lseek,
  readBuffers,
  writeBuffers,
  statx,
  newfstatat,
  fstat,
  faccessat: (dirfd, path, mode) => unistd.faccessat(dirfd, kpath(path), mode),
  mkdirat,
  unlinkat: (dirfd, path, flags) => unistd.unlinkat(dirfd, kpath(path), flags),
  renameat2,
  renameat,
  linkat: (od, op, nd, np, flags) => unistd.linkat(od, kpath(op), nd, kpath(np), flags),
  symlinkat: (target, dirfd, path) => unistd.symlinkat(kpath(target), dirfd, kpath(path)),
  readlinkat: (dirfd, path, buf, len) => unistd.readlinkat(dirfd, kpath(path), buf, len),
  fchmodat,
  fchmod,
  fchownat: (dirfd, path, uid, gid, flags) => unistd.fchownat(dirfd, kpath(path), uid, gid, flags),
  fchown: unistd.fchown,
  utimensat,
  ftruncate: unistd.ftruncate,
  fsync: unistd.fsync,
  fdatasync: unistd.fdatasync,
  statfs,
  getdents64,
  copy_file_range: unistd.copy_file_range,
  sendfile,
  ficlone,
  getcwd: unistd.getcwd,
  getrandom,
};
