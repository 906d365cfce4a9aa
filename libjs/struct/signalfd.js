// libjs/struct: struct signalfd_siginfo (<linux/signalfd.h>), what a read
// from a signalfd returns, 128 bytes each, on every architecture.
'use strict';
const { define } = require('./define');

// offset | size | field
//      0 |    4 | ssi_signo    u32
//      4 |    4 | ssi_errno    s32
//      8 |    4 | ssi_code     s32
//     12 |    4 | ssi_pid      u32
//     16 |    4 | ssi_uid      u32
//     20 |    4 | ssi_fd       s32
//     24 |    4 | ssi_tid      u32
//     28 |    4 | ssi_band     u32
//     32 |    4 | ssi_overrun  u32
//     36 |    4 | ssi_trapno   u32
//     40 |    4 | ssi_status   s32
//     44 |    4 | ssi_int      s32
//     48 |    8 | ssi_ptr      u64
//     56 |    8 | ssi_utime    u64
//     64 |    8 | ssi_stime    u64
//     72 |    8 | ssi_addr     u64
//     80 |    2 | ssi_addr_lsb u16
//     82 |    2 | pad
//     84 |    4 | ssi_syscall  s32
//     88 |    8 | ssi_call_addr u64
//     96 |    4 | ssi_arch     u32
//    100 |   28 | pad
module.exports = define('signalfd_siginfo', 128, [
  ['signo', 'ssi_signo', 0, 'u32'],
  ['errno', 'ssi_errno', 4, 'i32'],
  ['code', 'ssi_code', 8, 'i32'],
  ['pid', 'ssi_pid', 12, 'u32'],
  ['uid', 'ssi_uid', 16, 'u32'],
  ['fd', 'ssi_fd', 20, 'i32'],
  ['tid', 'ssi_tid', 24, 'u32'],
  ['band', 'ssi_band', 28, 'u32'],
  ['overrun', 'ssi_overrun', 32, 'u32'],
  ['trapno', 'ssi_trapno', 36, 'u32'],
  ['status', 'ssi_status', 40, 'i32'],
  ['int', 'ssi_int', 44, 'i32'],
  ['ptr', 'ssi_ptr', 48, 'u64'],
  ['utime', 'ssi_utime', 56, 'u64'],
  ['stime', 'ssi_stime', 64, 'u64'],
  ['addr', 'ssi_addr', 72, 'u64'],
  ['addrLsb', 'ssi_addr_lsb', 80, 'u16'],
  ['syscall', 'ssi_syscall', 84, 'i32'],
  ['callAddr', 'ssi_call_addr', 88, 'u64'],
  ['arch', 'ssi_arch', 96, 'u32'],
]);
