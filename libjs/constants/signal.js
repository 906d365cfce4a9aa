// libjs constants: <signal.h>: signal numbers (the same on x86-64 and aarch64),
// sigprocmask's `how`, sigaction flags, siginfo codes.
'use strict';

const signals = require('./signals');

module.exports = Object.freeze({
  ...signals,
  // The kernel's range; glibc keeps 32 and 33 for itself and reports 34 as
  // SIGRTMIN, but signals are numbers to the kernel.
  SIGRTMIN: 32,
  SIGRTMAX: 64,

  SIG_BLOCK: 0,
  SIG_UNBLOCK: 1,
  SIG_SETMASK: 2,

  SA_NOCLDSTOP: 0x00000001,
  SA_NOCLDWAIT: 0x00000002,
  SA_SIGINFO: 0x00000004,
  SA_ONSTACK: 0x08000000,
  SA_RESTART: 0x10000000,
  SA_NODEFER: 0x40000000,
  SA_RESETHAND: 0x80000000,

  SI_USER: 0,
  SI_KERNEL: 0x80,
  SI_QUEUE: -1,
  SI_TIMER: -2,
  SI_MESGQ: -3,
  SI_ASYNCIO: -4,
  SI_SIGIO: -5,
  SI_TKILL: -6,

  CLD_EXITED: 1,
  CLD_KILLED: 2,
  CLD_DUMPED: 3,
  CLD_TRAPPED: 4,
  CLD_STOPPED: 5,
  CLD_CONTINUED: 6,
});
