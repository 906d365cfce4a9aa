// libjs/struct: siginfo_t as waitid(2) fills it for a child (<asm-generic/siginfo.h>,
// the SIGCHLD member of the union). 128 bytes on x86-64 and aarch64.
'use strict';
const { define } = require('./define');

// offset | size | field
//      0 |    4 | si_signo   int
//      4 |    4 | si_errno   int
//      8 |    4 | si_code    int (CLD_EXITED, CLD_KILLED, ...)
//     12 |    4 | pad (the union is 8-byte aligned)
//     16 |    4 | si_pid     pid_t
//     20 |    4 | si_uid     uid_t
//     24 |    4 | si_status  int: the exit code, or the signal
//     32 |    8 | si_utime   clock_t
//     40 |    8 | si_stime   clock_t
//     48 |   80 | rest of the union
module.exports = define('siginfo', 128, [
  ['signo', 'si_signo', 0, 'i32'],
  ['errno', 'si_errno', 4, 'i32'],
  ['code', 'si_code', 8, 'i32'],
  ['pid', 'si_pid', 16, 'i32'],
  ['uid', 'si_uid', 20, 'u32'],
  ['status', 'si_status', 24, 'i32'],
  ['utime', 'si_utime', 32, 'i64'],
  ['stime', 'si_stime', 40, 'i64'],
]);
