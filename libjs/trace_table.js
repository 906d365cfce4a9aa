// libjs: what the tracer (./trace.js) needs to print a call: the kind of each
// argument, per system call, as data. Kinds:
//   fd dirfd(AT_FDCWD) pid uid int len off      numbers
//   path str                                     NUL-terminated strings
//   buf                                          `<buf N>` (N: its size, or the next len)
//   iov ptr hex                                  pointers, `<iov N>` for an iovec array
//   mode (octal) cmode (a mode only O_CREAT/O_TMPFILE use) fmode (S_IFREG|0644) amode (R_OK|W_OK)
//   oflags atflags unlinkflags accessflags renameflags statxmask prot mapflags
//   epollev inotifymask cloexec socktype         flags by name
//   whence clock epollop fcntlcmd domain signal  one value by name
//   struct:stat struct:statx struct:timespec struct:sockaddr struct:epoll_event
// A call missing here prints its arguments in hex.
'use strict';

const SIGS = {
  read: 'fd buf len', write: 'fd buf len', pread64: 'fd buf len off', pwrite64: 'fd buf len off',
  readv: 'fd iov int', writev: 'fd iov int', preadv: 'fd iov int off', pwritev: 'fd iov int off',
  preadv2: 'fd iov int off hex', pwritev2: 'fd iov int off hex',
  open: 'path oflags cmode', openat: 'dirfd path oflags cmode', openat2: 'dirfd path ptr len',
  creat: 'path mode', close: 'fd', close_range: 'fd fd hex', lseek: 'fd off whence',
  dup: 'fd', dup2: 'fd fd', dup3: 'fd fd cloexec', pipe: 'ptr', pipe2: 'ptr cloexec',
  fcntl: 'fd fcntlcmd hex', ioctl: 'fd hex ptr', flock: 'fd int',
  fsync: 'fd', fdatasync: 'fd', sync: '', syncfs: 'fd',
  truncate: 'path off', ftruncate: 'fd off', fallocate: 'fd int off off',
  stat: 'path struct:stat', lstat: 'path struct:stat', fstat: 'fd struct:stat',
  newfstatat: 'dirfd path struct:stat atflags', fstatat: 'dirfd path struct:stat atflags',
  statx: 'dirfd path atflags statxmask struct:statx',
  statfs: 'path ptr', fstatfs: 'fd ptr',
  access: 'path amode', faccessat: 'dirfd path amode', faccessat2: 'dirfd path amode accessflags',
  getdents64: 'fd buf len', getcwd: 'buf len', chdir: 'path', fchdir: 'fd',
  mkdir: 'path mode', mkdirat: 'dirfd path mode', rmdir: 'path',
  unlink: 'path', unlinkat: 'dirfd path unlinkflags',
  rename: 'path path', renameat: 'dirfd path dirfd path',
  renameat2: 'dirfd path dirfd path renameflags',
  link: 'path path', linkat: 'dirfd path dirfd path atflags',
  symlink: 'path path', symlinkat: 'path dirfd path',
  readlink: 'path buf len', readlinkat: 'dirfd path buf len',
  chmod: 'path mode', fchmod: 'fd mode', fchmodat: 'dirfd path mode',
  fchmodat2: 'dirfd path mode atflags',
  chown: 'path uid uid', lchown: 'path uid uid', fchown: 'fd uid uid',
  fchownat: 'dirfd path uid uid atflags',
  umask: 'mode', utimensat: 'dirfd path ptr atflags', mknodat: 'dirfd path fmode int',
  copy_file_range: 'fd ptr fd ptr len hex', sendfile: 'fd fd ptr len',
  splice: 'fd ptr fd ptr len hex',
  getxattr: 'path str buf len', lgetxattr: 'path str buf len', fgetxattr: 'fd str buf len',
  setxattr: 'path str buf len hex', fsetxattr: 'fd str buf len hex',
  inotify_init1: 'cloexec', inotify_add_watch: 'fd path inotifymask', inotify_rm_watch: 'fd int',
  epoll_create1: 'cloexec', epoll_ctl: 'fd epollop fd struct:epoll_event',
  epoll_wait: 'fd ptr int int', epoll_pwait: 'fd ptr int int ptr len',
  epoll_pwait2: 'fd ptr int ptr ptr len',
  eventfd2: 'int cloexec', timerfd_create: 'clock cloexec',
  timerfd_settime: 'fd hex ptr ptr', timerfd_gettime: 'fd ptr',
  signalfd4: 'fd ptr len cloexec', pidfd_open: 'pid hex', pidfd_send_signal: 'fd signal ptr hex',
  poll: 'ptr int int', ppoll: 'ptr int struct:timespec ptr len',
  socket: 'domain socktype int', socketpair: 'domain socktype int ptr',
  bind: 'fd struct:sockaddr len', connect: 'fd struct:sockaddr len', listen: 'fd int',
  accept: 'fd ptr ptr', accept4: 'fd ptr ptr cloexec', shutdown: 'fd int',
  getsockname: 'fd ptr ptr', getpeername: 'fd ptr ptr',
  setsockopt: 'fd int int ptr len', getsockopt: 'fd int int ptr ptr',
  sendto: 'fd buf len hex struct:sockaddr len', recvfrom: 'fd buf len hex ptr ptr',
  sendmsg: 'fd ptr hex', recvmsg: 'fd ptr hex', sendmmsg: 'fd ptr int hex',
  recvmmsg: 'fd ptr int hex ptr',
  mmap: 'ptr len prot mapflags fd off', munmap: 'ptr len', mprotect: 'ptr len prot',
  madvise: 'ptr len int', mremap: 'ptr len len hex ptr', brk: 'ptr',
  clock_gettime: 'clock ptr', clock_getres: 'clock ptr', clock_nanosleep: 'clock hex struct:timespec ptr',
  nanosleep: 'struct:timespec ptr', gettimeofday: 'ptr ptr',
  getpid: '', getppid: '', gettid: '', getuid: '', geteuid: '', getgid: '', getegid: '',
  getgroups: 'int ptr', setgroups: 'int ptr', setuid: 'uid', setgid: 'uid',
  setreuid: 'uid uid', setregid: 'uid uid', setresuid: 'uid uid uid', setresgid: 'uid uid uid',
  getpgid: 'pid', setpgid: 'pid pid', getsid: 'pid', setsid: '',
  kill: 'pid signal', tkill: 'pid signal', tgkill: 'pid pid signal',
  rt_sigaction: 'signal ptr ptr len', rt_sigprocmask: 'int ptr ptr len',
  uname: 'ptr', sysinfo: 'ptr', getrusage: 'int ptr', getrlimit: 'int ptr', setrlimit: 'int ptr',
  prlimit64: 'pid int ptr ptr', getpriority: 'int int', setpriority: 'int int int',
  sched_getaffinity: 'pid len ptr', sched_yield: '', getcpu: 'ptr ptr ptr',
  getrandom: 'buf len hex', prctl: 'int hex hex hex hex',
  wait4: 'pid ptr hex ptr', waitid: 'int pid ptr hex ptr',
  execve: 'path ptr ptr', execveat: 'dirfd path ptr ptr atflags',
  exit: 'int', exit_group: 'int',
  memfd_create: 'str hex',
};

// Results that are not plain numbers.
const RESULT = { mmap: 'ptr', mremap: 'ptr', brk: 'ptr' };

module.exports = { SIGS, RESULT };
