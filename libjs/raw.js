// libjs: the raw tier, every wrapper in one object: kernel result or -errno,
// never an exception for a kernel error. Files follow the C headers.
'use strict';

const modules = {
  unistd: require('./unistd'),
  uio: require('./uio'),
  stdio: require('./stdio'),
  fcntl: require('./fcntl'),
  stat: require('./stat'),
  statfs: require('./statfs'),
  dirent: require('./dirent'),
  socket: require('./socket'),
  epoll: require('./epoll'),
  poll: require('./poll'),
  eventfd: require('./eventfd'),
  timerfd: require('./timerfd'),
  signalfd: require('./signalfd'),
  signal: require('./signal'),
  inotify: require('./inotify'),
  pidfd: require('./pidfd'),
  mman: require('./mman'),
  time: require('./time'),
  resource: require('./resource'),
  wait: require('./wait'),
  utsname: require('./utsname'),
  sysinfo: require('./sysinfo'),
  sched: require('./sched'),
  random: require('./random'),
  sendfile: require('./sendfile'),
  prctl: require('./prctl'),
  ioctl: require('./ioctl'),
  xattr: require('./xattr'),
};

const raw = {};
for (const [file, exports] of Object.entries(modules)) {
  for (const [name, fn] of Object.entries(exports)) {
    if (name in raw) throw new Error(`libjs: ${name} is exported by two files (${file})`);
    raw[name] = fn;
  }
}

// `modules` (not enumerable): the same functions grouped by file.
Object.defineProperty(raw, 'modules', { value: Object.freeze(modules) });
module.exports = Object.freeze(raw);
