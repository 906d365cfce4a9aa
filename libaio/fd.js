// libaio: the fds libaio opens. In a Worker they are registered with libsys,
// which closes them if the Worker is terminated (no JavaScript runs then to do
// it); each is unregistered just before libaio closes it, so a number the
// kernel reuses is never closed on someone else's behalf. The main thread's
// fds end with the process, so there nothing is registered.
'use strict';
const libsys = require('libsys');
const { isMainThread } = libsys;
const { close: sysClose } = require('libjs/unistd');

const own = isMainThread ? (fd) => fd : (fd) => {
  if (fd >= 0) libsys.fdTrack(fd);
  return fd;
};

const close = isMainThread ? sysClose : (fd) => {
  if (fd >= 0) libsys.fdUntrack(fd);
  return sysClose(fd);
};

module.exports = { own, close };
