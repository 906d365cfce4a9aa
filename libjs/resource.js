// libjs: <sys/resource.h>: limits, usage, priorities. Limits are caller
// buffers of struct rlimit (16 bytes: rlim_cur, rlim_max as u64; a
// BigUint64Array(2) reads them exactly, RLIM_INFINITY included).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { need, needOrNull } = require('./args');
const SIZE = require('./abi');

// pid 0: this process. newLimit, oldLimit: null or struct rlimit buffers.
function prlimit64(pid, resource, newLimit = null, oldLimit = null) {
  const n = needOrNull('prlimit64', newLimit, SIZE.rlimit, 'newLimit');
  const o = needOrNull('prlimit64', oldLimit, SIZE.rlimit, 'oldLimit');
  return syscall(nr.prlimit64, pid, resource, n, o);
}

function getrlimit(resource, rlim) {
  return syscall(nr.prlimit64, 0, resource, null, need('getrlimit', rlim, SIZE.rlimit, 'rlim'));
}

function setrlimit(resource, rlim) {
  return syscall(nr.prlimit64, 0, resource, need('setrlimit', rlim, SIZE.rlimit, 'rlim'), null);
}

// usage: a struct rusage buffer (144 bytes). who: RUSAGE_SELF, _CHILDREN, _THREAD.
function getrusage(who, usage) {
  return syscall(nr.getrusage, who, need('getrusage', usage, SIZE.rusage, 'usage'));
}

// The kernel's value, 20 - nice (1..40), so that it never looks like an
// error: nice = 20 - result. (libc's getpriority returns nice and needs errno.)
function getpriority(which, who) {
  return syscall(nr.getpriority, which, who);
}

// prio: the nice value, -20..19.
function setpriority(which, who, prio) {
  return syscall(nr.setpriority, which, who, prio);
}

module.exports = { prlimit64, prlimit: prlimit64, getrlimit, setrlimit, getrusage, getpriority, setpriority };
