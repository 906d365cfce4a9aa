// libjs: the sizes of the kernel structs the wrappers check buffers against,
// per architecture (the layouts themselves are libjs/struct's business).
// Checked against libsys.sizeof, the C compiler's view, in test/libjs/abi.test.js.
'use strict';

const common = {
  timespec: 16,
  itimerspec: 32,
  statx: 256,
  statfs: 120,
  utsname: 390,
  sysinfo: 112,
  rlimit: 16,
  rusage: 144,
  pollfd: 8,
  iovec: 16,
  msghdr: 56,
  siginfo: 128,
  winsize: 8,
  open_how: 24,
  sigset: 8, // the kernel's sigset_t: _NSIG bits, not glibc's 128 bytes
  flock: 32,
  f_owner_ex: 8,
  termios: 36, // the kernel's struct termios (TCGETS), not glibc's
  ifreq: 40,
  int: 4,
  long: 8,
  loff_t: 8,
};

const SIZES = {
  x64: { ...common, stat: 144, epoll_event: 12 },
  arm64: { ...common, stat: 128, epoll_event: 16 },
};

module.exports = { SIZES, ...SIZES[process.arch] };
