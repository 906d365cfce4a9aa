// libjs: <sys/inotify.h>. Reads give struct inotify_event records
// (libjs/struct iterates them).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { cpath } = require('./args');

function inotify_init1(flags = 0) {
  return syscall(nr.inotify_init1, flags);
}

function inotify_init() {
  return syscall(nr.inotify_init1, 0);
}

// Returns the watch descriptor.
function inotify_add_watch(fd, path, mask) {
  return syscall(nr.inotify_add_watch, fd, cpath('inotify_add_watch', path, 'path'), mask);
}

function inotify_rm_watch(fd, wd) {
  return syscall(nr.inotify_rm_watch, fd, wd);
}

module.exports = { inotify_init1, inotify_init, inotify_add_watch, inotify_rm_watch };
