// libjs: <sched.h>: CPU affinity, yielding, namespaces.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { needOrNull, span } = require('./args');

// mask: a buffer of cpusetsize bytes (a multiple of 8). Returns the number of
// bytes the kernel filled (its cpumask size), or -errno.
function sched_getaffinity(pid, cpusetsize, mask) {
  return syscall(nr.sched_getaffinity, pid, cpusetsize, span('sched_getaffinity', mask, cpusetsize));
}

function sched_setaffinity(pid, cpusetsize, mask) {
  return syscall(nr.sched_setaffinity, pid, cpusetsize, span('sched_setaffinity', mask, cpusetsize));
}

function sched_yield() {
  return syscall(nr.sched_yield);
}

// cpu, node: null or buffers of at least 4 bytes receiving the numbers.
function getcpu(cpu = null, node = null) {
  return syscall(nr.getcpu, needOrNull('getcpu', cpu, 4, 'cpu'), needOrNull('getcpu', node, 4, 'node'), null);
}

function unshare(flags) {
  return syscall(nr.unshare, flags);
}

function setns(fd, nstype = 0) {
  return syscall(nr.setns, fd, nstype);
}

module.exports = { sched_getaffinity, sched_setaffinity, sched_yield, getcpu, unshare, setns };
