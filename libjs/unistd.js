// libjs: <unistd.h>: file I/O, fds, directories, links, ids, sessions, exec.
// Raw tier: each returns the kernel's result or -errno and throws only for a
// call that cannot be made (a TypeError naming the argument).
'use strict';
const { syscall, addressOf, regs, sysr, sysrv } = require('./sys');
const nr = require('./sysnr');
const { fail, span, checkSpan, spanAddress, cpath, need, needOrNull, array, typeName } = require('./args');
const { AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, F_GETFD, RLIMIT_NOFILE } = require('./constants');
const SIZE = require('./abi');

const EINTR = -4, ENOSYS = -38, EPERM = -1;

// I/O. `off` is an optional byte offset into the buffer, always the last
// argument (see docs/libjs.md).

// With Number fds and positions these go through the register gate
// (libjs/sys.js), the buffer as an address.
const FAST = regs !== null;
const NR_READ = nr.read, NR_WRITE = nr.write, NR_PREAD64 = nr.pread64, NR_PWRITE64 = nr.pwrite64;

function read(fd, buf, len, off) {
  let r;
  if (FAST && typeof fd === 'number') {
    const p = spanAddress(buf, checkSpan('read', buf, len, off));
    do r = sysr(NR_READ, fd, p, len, 0, 0, 0); while (r === EINTR);
    return r;
  }
  const p = span('read', buf, len, off);
  do r = syscall(NR_READ, fd, p, len); while (r === EINTR);
  return r;
}

function write(fd, buf, len, off) {
  let r;
  if (FAST && typeof fd === 'number') {
    const p = spanAddress(buf, checkSpan('write', buf, len, off));
    do r = sysr(NR_WRITE, fd, p, len, 0, 0, 0); while (r === EINTR);
    return r;
  }
  const p = span('write', buf, len, off);
  do r = syscall(NR_WRITE, fd, p, len); while (r === EINTR);
  return r;
}

function pread64(fd, buf, len, pos, off) {
  let r;
  if (FAST && typeof fd === 'number' && typeof pos === 'number') {
    const p = spanAddress(buf, checkSpan('pread64', buf, len, off));
    do r = sysr(NR_PREAD64, fd, p, len, pos, 0, 0); while (r === EINTR);
    return r;
  }
  const p = span('pread64', buf, len, off);
  do r = syscall(NR_PREAD64, fd, p, len, pos); while (r === EINTR);
  return r;
}

function pwrite64(fd, buf, len, pos, off) {
  let r;
  if (FAST && typeof fd === 'number' && typeof pos === 'number') {
    const p = spanAddress(buf, checkSpan('pwrite64', buf, len, off));
    do r = sysr(NR_PWRITE64, fd, p, len, pos, 0, 0); while (r === EINTR);
    return r;
  }
  const p = span('pwrite64', buf, len, off);
  do r = syscall(NR_PWRITE64, fd, p, len, pos); while (r === EINTR);
  return r;
}

function lseek(fd, offset, whence) {
  return syscall(nr.lseek, fd, offset, whence);
}

const NR_CLOSE = nr.close, NR_FACCESSAT = nr.faccessat;

// Linux closes the fd even when close returns EINTR: never retry.
function close(fd) {
  if (FAST && typeof fd === 'number') return sysr(NR_CLOSE, fd, 0, 0, 0, 0, 0);
  return syscall(NR_CLOSE, fd);
}

// With no close_range (Linux < 5.9), close each fd up to the fd limit.
function close_range(first, last, flags = 0) {
  const r = syscall(nr.close_range, first, last, flags);
  if (r !== ENOSYS) return r;
  if (flags !== 0) return r;
  const lim = new BigUint64Array(2);
  const max = syscall(nr.prlimit64, 0, RLIMIT_NOFILE, null, lim) < 0 ? 65536 : Number(lim[0]);
  const end = Math.min(last, max - 1);
  for (let fd = first; fd <= end; fd++) syscall(nr.close, fd);
  return 0;
}

function ftruncate(fd, length) {
  let r;
  do r = syscall(nr.ftruncate, fd, length); while (r === EINTR);
  return r;
}

function truncate(path, length) {
  const p = cpath('truncate', path, 'path');
  let r;
  do r = syscall(nr.truncate, p, length); while (r === EINTR);
  return r;
}

function fsync(fd) {
  let r;
  do r = syscall(nr.fsync, fd); while (r === EINTR);
  return r;
}

function fdatasync(fd) {
  let r;
  do r = syscall(nr.fdatasync, fd); while (r === EINTR);
  return r;
}

function sync() {
  return syscall(nr.sync);
}

function syncfs(fd) {
  return syscall(nr.syncfs, fd);
}

// offIn/offOut: null (use and advance the file position) or an 8-byte buffer
// holding the loff_t position, which the kernel advances.
function copy_file_range(fdIn, offIn, fdOut, offOut, len, flags = 0) {
  const a = needOrNull('copy_file_range', offIn, SIZE.loff_t, 'offIn');
  const b = needOrNull('copy_file_range', offOut, SIZE.loff_t, 'offOut');
  let r;
  do r = syscall(nr.copy_file_range, fdIn, a, fdOut, b, len, flags); while (r === EINTR);
  return r;
}

// fds

function dup(fd) {
  return syscall(nr.dup, fd);
}

// aarch64 has no dup2: dup3 refuses oldfd === newfd, where dup2 checks oldfd.
function dup2(oldfd, newfd) {
  if (nr.dup2 !== undefined) return syscall(nr.dup2, oldfd, newfd);
  if (oldfd === newfd) {
    const r = syscall(nr.fcntl, oldfd, F_GETFD);
    return r < 0 ? r : newfd;
  }
  return syscall(nr.dup3, oldfd, newfd, 0);
}

function dup3(oldfd, newfd, flags) {
  return syscall(nr.dup3, oldfd, newfd, flags);
}

// fds: a buffer of at least 8 bytes (an Int32Array(2)) that receives the
// read end and the write end.
function pipe2(fds, flags = 0) {
  return syscall(nr.pipe2, need('pipe2', fds, 8, 'fds'), flags);
}

function pipe(fds) {
  return syscall(nr.pipe2, need('pipe', fds, 8, 'fds'), 0);
}

// directories

// Returns the length of the path including its NUL, as the kernel does.
function getcwd(buf, len, off) {
  return syscall(nr.getcwd, span('getcwd', buf, len, off), len);
}

function chdir(path) {
  return syscall(nr.chdir, cpath('chdir', path, 'path'));
}

function fchdir(fd) {
  return syscall(nr.fchdir, fd);
}

function chroot(path) {
  return syscall(nr.chroot, cpath('chroot', path, 'path'));
}

function unlinkat(dirfd, path, flags = 0) {
  return syscall(nr.unlinkat, dirfd, cpath('unlinkat', path, 'path'), flags);
}

function unlink(path) {
  return syscall(nr.unlinkat, AT_FDCWD, cpath('unlink', path, 'path'), 0);
}

function rmdir(path) {
  return syscall(nr.unlinkat, AT_FDCWD, cpath('rmdir', path, 'path'), AT_REMOVEDIR);
}

function linkat(olddirfd, oldpath, newdirfd, newpath, flags = 0) {
  return syscall(nr.linkat, olddirfd, cpath('linkat', oldpath, 'oldpath'), newdirfd,
    cpath('linkat', newpath, 'newpath'), flags);
}

function link(oldpath, newpath) {
  return syscall(nr.linkat, AT_FDCWD, cpath('link', oldpath, 'oldpath'), AT_FDCWD,
    cpath('link', newpath, 'newpath'), 0);
}

function symlinkat(target, newdirfd, linkpath) {
  return syscall(nr.symlinkat, cpath('symlinkat', target, 'target'), newdirfd,
    cpath('symlinkat', linkpath, 'linkpath'));
}

function symlink(target, linkpath) {
  return syscall(nr.symlinkat, cpath('symlink', target, 'target'), AT_FDCWD,
    cpath('symlink', linkpath, 'linkpath'));
}

// Returns the length of the target (not NUL-terminated); a result equal to
// len may mean the target was cut short.
function readlinkat(dirfd, path, buf, len, off) {
  const p = cpath('readlinkat', path, 'path');
  return syscall(nr.readlinkat, dirfd, p, span('readlinkat', buf, len, off), len);
}

function readlink(path, buf, len, off) {
  const p = cpath('readlink', path, 'path');
  return syscall(nr.readlinkat, AT_FDCWD, p, span('readlink', buf, len, off), len);
}

function faccessat(dirfd, path, mode) {
  const p = cpath('faccessat', path, 'path');
  if (FAST && typeof dirfd === 'number' && typeof mode === 'number')
    return sysrv(2, p, NR_FACCESSAT, dirfd, 0, mode, 0, 0, 0);
  return syscall(NR_FACCESSAT, dirfd, p, mode);
}

// Kernels before 5.8 have no faccessat2 (ENOSYS), and some seccomp filters
// refuse it (EPERM): without flags, faccessat means the same thing.
function faccessat2(dirfd, path, mode, flags = 0) {
  const p = cpath('faccessat2', path, 'path');
  const r = syscall(nr.faccessat2, dirfd, p, mode, flags);
  if ((r === ENOSYS || r === EPERM) && flags === 0) return syscall(nr.faccessat, dirfd, p, mode);
  return r;
}

function access(path, mode) {
  return syscall(nr.faccessat, AT_FDCWD, cpath('access', path, 'path'), mode);
}

function fchownat(dirfd, path, uid, gid, flags = 0) {
  return syscall(nr.fchownat, dirfd, cpath('fchownat', path, 'path'), uid, gid, flags);
}

function fchown(fd, uid, gid) {
  return syscall(nr.fchown, fd, uid, gid);
}

function chown(path, uid, gid) {
  return syscall(nr.fchownat, AT_FDCWD, cpath('chown', path, 'path'), uid, gid, 0);
}

function lchown(path, uid, gid) {
  return syscall(nr.fchownat, AT_FDCWD, cpath('lchown', path, 'path'), uid, gid,
    AT_SYMLINK_NOFOLLOW);
}

// ids and sessions

function getpid() {
  return syscall(nr.getpid);
}

function getppid() {
  return syscall(nr.getppid);
}

function gettid() {
  return syscall(nr.gettid);
}

function getuid() {
  return syscall(nr.getuid);
}

function geteuid() {
  return syscall(nr.geteuid);
}

function getgid() {
  return syscall(nr.getgid);
}

function getegid() {
  return syscall(nr.getegid);
}

// list: room for `size` gid_t (4 bytes each); size 0 asks for the count and
// list may be null.
function getgroups(size, list) {
  if (size === 0 && (list === null || list === undefined)) return syscall(nr.getgroups, 0, null);
  return syscall(nr.getgroups, size, array('getgroups', list, size, 4, 'gid'));
}

function setgroups(size, list) {
  return syscall(nr.setgroups, size, size === 0 ? null : array('setgroups', list, size, 4, 'gid'));
}

function setuid(uid) {
  return syscall(nr.setuid, uid);
}

function setgid(gid) {
  return syscall(nr.setgid, gid);
}

function setreuid(ruid, euid) {
  return syscall(nr.setreuid, ruid, euid);
}

function setregid(rgid, egid) {
  return syscall(nr.setregid, rgid, egid);
}

function setresuid(ruid, euid, suid) {
  return syscall(nr.setresuid, ruid, euid, suid);
}

function setresgid(rgid, egid, sgid) {
  return syscall(nr.setresgid, rgid, egid, sgid);
}

// r, e, s: buffers of at least 4 bytes that receive the ids.
function getresuid(r, e, s) {
  return syscall(nr.getresuid, need('getresuid', r, 4, 'ruid'), need('getresuid', e, 4, 'euid'),
    need('getresuid', s, 4, 'suid'));
}

function getresgid(r, e, s) {
  return syscall(nr.getresgid, need('getresgid', r, 4, 'rgid'), need('getresgid', e, 4, 'egid'),
    need('getresgid', s, 4, 'sgid'));
}

function getsid(pid) {
  return syscall(nr.getsid, pid);
}

function setsid() {
  return syscall(nr.setsid);
}

function getpgid(pid) {
  return syscall(nr.getpgid, pid);
}

function setpgid(pid, pgid) {
  return syscall(nr.setpgid, pid, pgid);
}

function getpgrp() {
  return syscall(nr.getpgid, 0);
}

// exec

// A char *[] built from JS strings (or Uint8Arrays): one block holding the
// NUL-terminated strings, and the NULL-terminated array of their addresses.
// Both must stay referenced until the call returns (the caller's locals).
function cstrv(fn, list, arg) {
  if (!Array.isArray(list)) fail(fn, `${arg} must be an array of strings, got ${typeName(list)}`);
  const parts = list.map((s, i) => {
    if (typeof s === 'string') {
      if (s.includes('\0')) fail(fn, `${arg}[${i}] contains a NUL byte`);
      return Buffer.from(s, 'utf8');
    }
    if (s instanceof Uint8Array) {
      if (s.indexOf(0) !== -1) fail(fn, `${arg}[${i}] contains a NUL byte`);
      return s;
    }
    return fail(fn, `${arg}[${i}] must be a string or a Uint8Array, got ${typeName(s)}`);
  });
  let total = 0;
  for (const p of parts) total += p.length + 1;
  const block = new Uint8Array(Math.max(total, 1));
  const ptrs = new BigUint64Array(parts.length + 1);
  const base = addressOf(block);
  let at = 0;
  parts.forEach((p, i) => {
    block.set(p, at);
    ptrs[i] = base + BigInt(at);
    at += p.length + 1;
  });
  return { block, ptrs };
}

// Returns only on failure (-errno); on success the process is replaced.
function execve(path, argv, envp) {
  const p = cpath('execve', path, 'path');
  const a = cstrv('execve', argv, 'argv');
  const e = cstrv('execve', envp, 'envp');
  const r = syscall(nr.execve, p, a.ptrs, e.ptrs);
  keep(a.block, e.block);
  return r;
}

function execveat(dirfd, path, argv, envp, flags = 0) {
  const p = cpath('execveat', path, 'path');
  const a = cstrv('execveat', argv, 'argv');
  const e = cstrv('execveat', envp, 'envp');
  const r = syscall(nr.execveat, dirfd, p, a.ptrs, e.ptrs, flags);
  keep(a.block, e.block);
  return r;
}

// Holds the string blocks alive across the call: their addresses are inside
// the pointer arrays, where the garbage collector cannot see them.
function keep(a, b) {
  return a.length + b.length;
}

// Ends every thread of the process at once: no exit handlers, no flushing.
function exit_group(status) {
  return syscall(nr.exit_group, status);
}

module.exports = {
  read, write, pread64, pwrite64, pread: pread64, pwrite: pwrite64, lseek, close, close_range,
  ftruncate, truncate, fsync, fdatasync, sync, syncfs, copy_file_range,
  dup, dup2, dup3, pipe, pipe2,
  getcwd, chdir, fchdir, chroot, unlinkat, unlink, rmdir, linkat, link, symlinkat, symlink,
  readlinkat, readlink, faccessat, faccessat2, access, fchownat, fchown, chown, lchown,
  getpid, getppid, gettid, getuid, geteuid, getgid, getegid, getgroups, setgroups,
  setuid, setgid, setreuid, setregid, setresuid, setresgid, getresuid, getresgid,
  getsid, setsid, getpgid, setpgid, getpgrp,
  execve, execveat, exit_group, _exit: exit_group,
};
