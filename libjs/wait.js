// libjs: <sys/wait.h>: wait4, waitpid, waitid, and the W* status macros.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { needOrNull } = require('./args');
const SIZE = require('./abi');

const EINTR = -4;

// status: null or a buffer of at least 4 bytes (an Int32Array(1)) receiving
// the wait status; rusage: null or a struct rusage buffer. Returns the pid,
// 0 with WNOHANG when no child has changed, or -errno.
function wait4(pid, status, options = 0, rusage = null) {
  const s = needOrNull('wait4', status, 4, 'status');
  const u = needOrNull('wait4', rusage, SIZE.rusage, 'rusage');
  let r;
  do r = syscall(nr.wait4, pid, s, options, u); while (r === EINTR);
  return r;
}

function waitpid(pid, status, options = 0) {
  const s = needOrNull('waitpid', status, 4, 'status');
  let r;
  do r = syscall(nr.wait4, pid, s, options, null); while (r === EINTR);
  return r;
}

// idtype: P_PID, P_PGID, P_ALL, P_PIDFD; info: null or a 128-byte siginfo
// buffer (si_pid at 16, si_status at 24). Returns 0 or -errno.
function waitid(idtype, id, info, options, rusage = null) {
  const i = needOrNull('waitid', info, SIZE.siginfo, 'info');
  const u = needOrNull('waitid', rusage, SIZE.rusage, 'rusage');
  let r;
  do r = syscall(nr.waitid, idtype, id, i, options, u); while (r === EINTR);
  return r;
}

// The status macros, on the int that wait4 stores.
function WEXITSTATUS(s) {
  return (s & 0xff00) >> 8;
}

function WTERMSIG(s) {
  return s & 0x7f;
}

function WSTOPSIG(s) {
  return (s & 0xff00) >> 8;
}

function WIFEXITED(s) {
  return (s & 0x7f) === 0;
}

function WIFSTOPPED(s) {
  return (s & 0xff) === 0x7f;
}

function WIFSIGNALED(s) {
  return (s & 0x7f) !== 0 && (s & 0x7f) !== 0x7f;
}

function WIFCONTINUED(s) {
  return s === 0xffff;
}

function WCOREDUMP(s) {
  return (s & 0x80) !== 0;
}

module.exports = {
  wait4, waitpid, waitid,
  WEXITSTATUS, WTERMSIG, WSTOPSIG, WIFEXITED, WIFSTOPPED, WIFSIGNALED, WIFCONTINUED, WCOREDUMP,
};
