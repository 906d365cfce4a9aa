// unode/internal/os: os.constants, shaped as Node's (null-prototype objects,
// Node's choice and order of names), with the numbers taken from libjs.
'use strict';
const errno = require('libjs/errno');
const { signals } = require('libjs/constants');

// The errno names Node exports (node_constants.cc), in its order.
const ERRNO_NAMES = [
  'E2BIG', 'EACCES', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EAGAIN', 'EALREADY', 'EBADF',
  'EBADMSG', 'EBUSY', 'ECANCELED', 'ECHILD', 'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EDEADLK',
  'EDESTADDRREQ', 'EDOM', 'EDQUOT', 'EEXIST', 'EFAULT', 'EFBIG', 'EHOSTUNREACH', 'EIDRM', 'EILSEQ',
  'EINPROGRESS', 'EINTR', 'EINVAL', 'EIO', 'EISCONN', 'EISDIR', 'ELOOP', 'EMFILE', 'EMLINK', 'EMSGSIZE',
  'EMULTIHOP', 'ENAMETOOLONG', 'ENETDOWN', 'ENETRESET', 'ENETUNREACH', 'ENFILE', 'ENOBUFS', 'ENODATA',
  'ENODEV', 'ENOENT', 'ENOEXEC', 'ENOLCK', 'ENOLINK', 'ENOMEM', 'ENOMSG', 'ENOPROTOOPT', 'ENOSPC',
  'ENOSR', 'ENOSTR', 'ENOSYS', 'ENOTCONN', 'ENOTDIR', 'ENOTEMPTY', 'ENOTSOCK', 'ENOTSUP', 'ENOTTY',
  'ENXIO', 'EOPNOTSUPP', 'EOVERFLOW', 'EPERM', 'EPIPE', 'EPROTO', 'EPROTONOSUPPORT', 'EPROTOTYPE',
  'ERANGE', 'EROFS', 'ESPIPE', 'ESRCH', 'ESTALE', 'ETIME', 'ETIMEDOUT', 'ETXTBSY', 'EWOULDBLOCK', 'EXDEV',
];

// The signals Node exports, in its order (SIGCHLD before SIGSTKFLT).
const SIGNAL_NAMES = [
  'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGIOT', 'SIGBUS', 'SIGFPE', 'SIGKILL',
  'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGCHLD', 'SIGSTKFLT', 'SIGCONT',
  'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF',
  'SIGWINCH', 'SIGIO', 'SIGPOLL', 'SIGPWR', 'SIGSYS',
];

function table(names, lookup) {
  const out = Object.create(null);
  for (const name of names) {
    const v = lookup(name);
    if (v === undefined) throw new Error(`unode/os: libjs has no value for ${name}`);
    out[name] = v;
  }
  return out;
}

// <dlfcn.h> (glibc, the same on x86-64 and aarch64), for process.dlopen.
const dlopen = Object.assign(Object.create(null), {
  RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 0x100, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8,
});

// libuv's UV_PRIORITY_* (nice values).
const priority = Object.assign(Object.create(null), {
  PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
});

const constants = Object.create(null);
constants.UV_UDP_REUSEADDR = 4;
constants.dlopen = dlopen;
constants.errno = table(ERRNO_NAMES, (n) => errno.E[n]);
constants.signals = table(SIGNAL_NAMES, (n) => signals[n]);
constants.priority = priority;

module.exports = constants;
