// libjs: <sys/prctl.h>: prctl. Most options take integers; the few that read
// or write memory through an argument are listed with the size they need, and
// a buffer for any other option is refused (the kernel would take it for an
// integer or read it unchecked).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { fail, need, isBuffer } = require('./args');
const C = require('./constants');

// option -> bytes the buffer in arg2 must hold.
const ARG2_BUFFER = new Map([
  [C.PR_SET_NAME, 16], // reads up to 16 bytes (a string is also fine)
  [C.PR_GET_NAME, 16],
  [C.PR_GET_PDEATHSIG, 4],
  [C.PR_GET_CHILD_SUBREAPER, 4],
  [C.PR_GET_TID_ADDRESS, 8],
]);

function prctl(option, arg2 = 0, arg3 = 0, arg4 = 0, arg5 = 0) {
  if (isBuffer(arg2)) {
    const size = ARG2_BUFFER.get(option);
    if (size === undefined) fail('prctl', `option ${option} takes no buffer in arg2`);
    need('prctl', arg2, size, 'arg2');
  }
  if (isBuffer(arg3) || isBuffer(arg4) || isBuffer(arg5))
    fail('prctl', 'only arg2 may be a buffer');
  return syscall(nr.prctl, option, arg2, arg3, arg4, arg5);
}

module.exports = { prctl };
