// libjs: the checked tier, for programs that use libjs on its own: the raw
// wrappers, throwing an Error with errno (negative, as Node), code and syscall
// (and path, dest where the call has them) instead of returning -errno.
// Made from the raw tier by the table below; nothing else in the stack uses it.
'use strict';
const raw = require('./raw');
const errno = require('./errno');
const nr = require('./sysnr');

// name: [the kernel call it reports, index of the path argument, index of
// the second path]. Absent: the kernel call has the wrapper's name and no path.
const SPEC = {
  open: [nr.open === undefined ? 'openat' : 'open', 0], openat: ['openat', 1],
  creat: [nr.open === undefined ? 'openat' : 'open', 0], openat2: ['openat2', 1],
  pread: ['pread64'], pwrite: ['pwrite64'], pipe: ['pipe2'],
  truncate: ['truncate', 0], chdir: ['chdir', 0], chroot: ['chroot', 0],
  unlinkat: ['unlinkat', 1], unlink: ['unlinkat', 0], rmdir: ['unlinkat', 0],
  linkat: ['linkat', 1, 3], link: ['linkat', 0, 1],
  symlinkat: ['symlinkat', 0, 2], symlink: ['symlinkat', 0, 1],
  readlinkat: ['readlinkat', 1], readlink: ['readlinkat', 0],
  faccessat: ['faccessat', 1], faccessat2: ['faccessat2', 1], access: ['faccessat', 0],
  fchownat: ['fchownat', 1], chown: ['fchownat', 0], lchown: ['fchownat', 0],
  getpgrp: ['getpgid'], execve: ['execve', 0], execveat: ['execveat', 1], _exit: ['exit_group'],
  renameat: ['renameat', 1, 3], renameat2: ['renameat2', 1, 3], rename: ['renameat', 0, 1],
  newfstatat: ['newfstatat', 1], fstatat: ['newfstatat', 1],
  stat: [nr.stat === undefined ? 'newfstatat' : 'stat', 0],
  lstat: [nr.lstat === undefined ? 'newfstatat' : 'lstat', 0], statx: ['statx', 1],
  fchmodat: ['fchmodat', 1], fchmodat2: ['fchmodat2', 1], chmod: ['fchmodat', 0],
  mkdirat: ['mkdirat', 1], mkdir: ['mkdirat', 0], mknodat: ['mknodat', 1], mknod: ['mknodat', 0],
  mkfifo: ['mknodat', 0], utimensat: ['utimensat', 1], futimens: ['utimensat'],
  statfs: ['statfs', 0], posix_fadvise: ['fadvise64'],
  accept: ['accept4'], send: ['sendto'], recv: ['recvfrom'],
  getsockopt_int: ['getsockopt'], setsockopt_int: ['setsockopt'],
  epoll_create: ['epoll_create1'], epoll_ctl_data: ['epoll_ctl'], poll: ['ppoll'],
  eventfd: ['eventfd2'], eventfd_read: ['read'], eventfd_write: ['write'], signalfd: ['signalfd4'],
  inotify_init: ['inotify_init1'], inotify_add_watch: ['inotify_add_watch', 1],
  sigprocmask: ['rt_sigprocmask'], sigpending: ['rt_sigpending'], sigtimedwait: ['rt_sigtimedwait'],
  prlimit: ['prlimit64'], getrlimit: ['prlimit64'], setrlimit: ['prlimit64'], waitpid: ['wait4'],
  ioctl_tiocgwinsz: ['ioctl'], ioctl_fionread: ['ioctl'], ioctl_ficlone: ['ioctl'],
  memfd_create: ['memfd_create'],
  getxattr: ['getxattr', 0], lgetxattr: ['lgetxattr', 0], setxattr: ['setxattr', 0],
  lsetxattr: ['lsetxattr', 0], listxattr: ['listxattr', 0], llistxattr: ['llistxattr', 0],
  removexattr: ['removexattr', 0], lremovexattr: ['lremovexattr', 0],
};

// Functions that make no call and cannot fail: exported unchanged.
const PURE = new Set([
  'WEXITSTATUS', 'WTERMSIG', 'WSTOPSIG', 'WIFEXITED', 'WIFSTOPPED', 'WIFSIGNALED',
  'WIFCONTINUED', 'WCOREDUMP',
]);

// What a successful result becomes: getpriority's kernel value is 20 - nice.
const RESULT = {
  getpriority: (r) => 20 - r,
};

function pathString(p) {
  if (typeof p === 'string') return p;
  if (p instanceof Uint8Array) {
    const end = p.indexOf(0);
    return Buffer.from(p.buffer, p.byteOffset, end === -1 ? p.length : end).toString('utf8');
  }
  return undefined;
}

// An Error like Node's system errors: `ENOENT: no such file or directory,
// openat '/nope'`, with errno (negative), code, syscall, path and dest.
function systemError(r, syscall, path, dest) {
  const n = Number(r);
  const code = errno.errname(n);
  const text = errno.nodeKnows(n) ? errno.strerror(n) : errno.describe(n);
  let message = `${code}: ${text}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = n;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  return err;
}

function isError(r) {
  return typeof r === 'bigint' ? r < 0n && r > -4096n : r < 0;
}

function wrap(name, fn) {
  const [syscall = name, pathAt, destAt] = SPEC[name] || [];
  const post = RESULT[name];
  const checked = {
    [name](...args) {
      const r = fn(...args);
      if (isError(r)) {
        throw systemError(r, syscall,
          pathAt === undefined ? undefined : pathString(args[pathAt]),
          destAt === undefined ? undefined : pathString(args[destAt]));
      }
      return post === undefined ? r : post(r);
    },
  }[name];
  return checked;
}

const checked = {};
for (const [name, fn] of Object.entries(raw)) checked[name] = PURE.has(name) ? fn : wrap(name, fn);

module.exports = Object.freeze({ ...checked, systemError });
