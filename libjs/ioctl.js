// libjs: <sys/ioctl.h>: ioctl, and named helpers for TIOCGWINSZ, FIONREAD and
// FICLONE (named after their man pages, ioctl_ficlone(2) and so on).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { fail, need, isBuffer } = require('./args');
const C = require('./constants');
const SIZE = require('./abi');

// The old requests whose number does not encode the size of what the
// argument points at (direction bits 0), with that size.
const LEGACY = new Map([
  [C.TCGETS, SIZE.termios], [C.TCSETS, SIZE.termios], [C.TCSETSW, SIZE.termios],
  [C.TCSETSF, SIZE.termios], [C.TIOCGWINSZ, SIZE.winsize], [C.TIOCSWINSZ, SIZE.winsize],
  [C.TIOCGPGRP, SIZE.int], [C.TIOCSPGRP, SIZE.int], [C.TIOCOUTQ, SIZE.int], [C.FIONREAD, SIZE.int],
  [C.FIONBIO, SIZE.int], [C.FIOASYNC, SIZE.int],
  [C.SIOCGIFNAME, SIZE.ifreq], [C.SIOCGIFFLAGS, SIZE.ifreq], [C.SIOCGIFADDR, SIZE.ifreq],
  [C.SIOCGIFMTU, SIZE.ifreq], [C.SIOCGIFHWADDR, SIZE.ifreq], [C.SIOCGIFINDEX, SIZE.ifreq],
]);

// How many bytes a buffer argument of `request` must hold, or undefined when
// libjs cannot tell (then only an integer argument is allowed). Requests made
// with _IOR/_IOW/_IOWR carry the size in bits 16..29.
function argSize(request) {
  const legacy = LEGACY.get(request);
  if (legacy !== undefined) return legacy;
  const dir = Math.floor(request / 2 ** 30) & 3;
  return dir === 0 ? undefined : Math.floor(request / 65536) & 0x3fff;
}

// arg: an integer, or a buffer of the size the request needs (checked). Not
// retried on EINTR: what a restart means depends on the request.
function ioctl(fd, request, arg = 0) {
  if (isBuffer(arg)) {
    const size = argSize(request);
    if (size === undefined)
      fail('ioctl', `request 0x${request.toString(16)} does not say how large its argument is; pass an integer`);
    need('ioctl', arg, size, 'arg');
  }
  return syscall(nr.ioctl, fd, request, arg);
}

// ws: a struct winsize buffer (8 bytes: ws_row, ws_col, ws_xpixel, ws_ypixel as u16).
function ioctl_tiocgwinsz(fd, ws) {
  return syscall(nr.ioctl, fd, C.TIOCGWINSZ, need('ioctl_tiocgwinsz', ws, SIZE.winsize, 'ws'));
}

// The number of bytes ready to read, or -errno.
const count = new Int32Array(1);
function ioctl_fionread(fd) {
  const r = syscall(nr.ioctl, fd, C.FIONREAD, count);
  return r < 0 ? r : count[0];
}

// Makes destFd share srcFd's data blocks (a reflink; EOPNOTSUPP, EXDEV or
// EINVAL where the filesystem cannot).
function ioctl_ficlone(destFd, srcFd) {
  return syscall(nr.ioctl, destFd, C.FICLONE, srcFd);
}

module.exports = { ioctl, ioctl_tiocgwinsz, ioctl_fionread, ioctl_ficlone };
