// libjs: <sys/stat.h>: fstat, newfstatat, statx, chmod, mkdir, mknod, umask, utimensat.
// The struct buffers are filled by the kernel; libjs/struct decodes them.
'use strict';
const { syscall, regs, sysr, sysrv } = require('./sys');
const nr = require('./sysnr');
const { cpath, cpathOrNull, need, needAddress, needOrNull } = require('./args');
const { AT_FDCWD, AT_SYMLINK_NOFOLLOW, S_IFIFO } = require('./constants');
const SIZE = require('./abi');

const ENOSYS = -38;
const STAT = SIZE.stat, STATX = SIZE.statx;

// The stat family goes through the register gate (libjs/sys.js) when its
// integer arguments are Numbers: the struct buffer as its address, the path
// as the one value. Anything else (BigInt, null...) takes syscall()'s rules.
const FAST = regs !== null;
const NR_FSTAT = nr.fstat, NR_NEWFSTATAT = nr.newfstatat, NR_STATX = nr.statx;

// buf: at least sizeof(struct stat) bytes (144 on x86-64, 128 on aarch64).
function fstat(fd, buf) {
  if (FAST && typeof fd === 'number')
    return sysr(NR_FSTAT, fd, needAddress('fstat', buf, STAT, 'buf'), 0, 0, 0, 0);
  return syscall(NR_FSTAT, fd, need('fstat', buf, STAT, 'buf'));
}

function newfstatat(dirfd, path, buf, flags = 0) {
  const p = cpath('newfstatat', path, 'path');
  if (FAST && typeof dirfd === 'number' && typeof flags === 'number')
    return sysrv(2, p, NR_NEWFSTATAT, dirfd, 0, needAddress('newfstatat', buf, STAT, 'buf'), flags, 0, 0);
  return syscall(NR_NEWFSTATAT, dirfd, p, need('newfstatat', buf, STAT, 'buf'), flags);
}

// x86-64 still has stat and lstat, which the kernel serves as newfstatat
// does; fewer arguments to marshal was measurably cheaper through syscall().
// aarch64 has only newfstatat.
const NR_STAT = nr.stat, NR_LSTAT = nr.lstat;

function stat(path, buf) {
  const p = cpath('stat', path, 'path');
  if (FAST) {
    const a = needAddress('stat', buf, STAT, 'buf');
    if (NR_STAT !== undefined) return sysrv(1, p, NR_STAT, 0, a, 0, 0, 0, 0);
    return sysrv(2, p, NR_NEWFSTATAT, AT_FDCWD, 0, a, 0, 0, 0);
  }
  need('stat', buf, STAT, 'buf');
  if (NR_STAT !== undefined) return syscall(NR_STAT, p, buf);
  return syscall(NR_NEWFSTATAT, AT_FDCWD, p, buf, 0);
}

function lstat(path, buf) {
  const p = cpath('lstat', path, 'path');
  if (FAST) {
    const a = needAddress('lstat', buf, STAT, 'buf');
    if (NR_LSTAT !== undefined) return sysrv(1, p, NR_LSTAT, 0, a, 0, 0, 0, 0);
    return sysrv(2, p, NR_NEWFSTATAT, AT_FDCWD, 0, a, AT_SYMLINK_NOFOLLOW, 0, 0);
  }
  need('lstat', buf, STAT, 'buf');
  if (NR_LSTAT !== undefined) return syscall(NR_LSTAT, p, buf);
  return syscall(NR_NEWFSTATAT, AT_FDCWD, p, buf, AT_SYMLINK_NOFOLLOW);
}

// buf: at least 256 bytes (struct statx).
function statx(dirfd, path, flags, mask, buf) {
  const p = cpath('statx', path, 'path');
  if (FAST && typeof dirfd === 'number' && typeof flags === 'number' && typeof mask === 'number')
    return sysrv(2, p, NR_STATX, dirfd, 0, flags, mask, needAddress('statx', buf, STATX, 'buf'), 0);
  return syscall(NR_STATX, dirfd, p, flags, mask, need('statx', buf, STATX, 'buf'));
}

// The kernel's fchmodat has no flags argument (fchmodat2 does).
function fchmodat(dirfd, path, mode) {
  return syscall(nr.fchmodat, dirfd, cpath('fchmodat', path, 'path'), mode);
}

// Linux 6.6. Without flags, fchmodat means the same on older kernels.
function fchmodat2(dirfd, path, mode, flags = 0) {
  const p = cpath('fchmodat2', path, 'path');
  const r = syscall(nr.fchmodat2, dirfd, p, mode, flags);
  if (r === ENOSYS && flags === 0) return syscall(nr.fchmodat, dirfd, p, mode);
  return r;
}

function fchmod(fd, mode) {
  return syscall(nr.fchmod, fd, mode);
}

function chmod(path, mode) {
  return syscall(nr.fchmodat, AT_FDCWD, cpath('chmod', path, 'path'), mode);
}

function mkdirat(dirfd, path, mode) {
  return syscall(nr.mkdirat, dirfd, cpath('mkdirat', path, 'path'), mode);
}

function mkdir(path, mode) {
  return syscall(nr.mkdirat, AT_FDCWD, cpath('mkdir', path, 'path'), mode);
}

function mknodat(dirfd, path, mode, dev = 0) {
  return syscall(nr.mknodat, dirfd, cpath('mknodat', path, 'path'), mode, dev);
}

function mknod(path, mode, dev = 0) {
  return syscall(nr.mknodat, AT_FDCWD, cpath('mknod', path, 'path'), mode, dev);
}

function mkfifo(path, mode) {
  return syscall(nr.mknodat, AT_FDCWD, cpath('mkfifo', path, 'path'), S_IFIFO | (mode & 0o7777), 0);
}

// Returns the previous mask; never fails.
function umask(mask) {
  return syscall(nr.umask, mask);
}

// times: null (both now) or two struct timespec (32 bytes: atime, mtime),
// tv_nsec may be UTIME_NOW or UTIME_OMIT. path null: the file dirfd refers to.
function utimensat(dirfd, path, times, flags = 0) {
  const p = cpathOrNull('utimensat', path, 'path');
  return syscall(nr.utimensat, dirfd, p, needOrNull('utimensat', times, 2 * SIZE.timespec, 'times'), flags);
}

function futimens(fd, times) {
  return syscall(nr.utimensat, fd, null, needOrNull('futimens', times, 2 * SIZE.timespec, 'times'), 0);
}

module.exports = {
  fstat, newfstatat, fstatat: newfstatat, stat, lstat, statx,
  fchmodat, fchmodat2, fchmod, chmod, mkdirat, mkdir, mknodat, mknod, mkfifo, umask,
  utimensat, futimens,
};
