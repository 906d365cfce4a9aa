// libjs/struct: struct statfs (<asm-generic/statfs.h>; x86-64's has the same
// 64-bit layout), for statfs(2)/fstatfs(2).
'use strict';
const { define } = require('./define');

// offset | size | field
//      0 |    8 | f_type     long
//      8 |    8 | f_bsize    long
//     16 |    8 | f_blocks   u64
//     24 |    8 | f_bfree
//     32 |    8 | f_bavail
//     40 |    8 | f_files
//     48 |    8 | f_ffree
//     56 |    8 | f_fsid     int[2]
//     64 |    8 | f_namelen  long
//     72 |    8 | f_frsize   long
//     80 |    8 | f_flags    long
//     88 |   32 | f_spare[4]
module.exports = define('statfs', 120, [
  ['type', 'f_type', 0, 'i64'],
  ['bsize', 'f_bsize', 8, 'i64'],
  ['blocks', 'f_blocks', 16, 'u64'],
  ['bfree', 'f_bfree', 24, 'u64'],
  ['bavail', 'f_bavail', 32, 'u64'],
  ['files', 'f_files', 40, 'u64'],
  ['ffree', 'f_ffree', 48, 'u64'],
  ['fsid0', 'f_fsid[0]', 56, 'i32'],
  ['fsid1', 'f_fsid[1]', 60, 'i32'],
  ['namelen', 'f_namelen', 64, 'i64'],
  ['frsize', 'f_frsize', 72, 'i64'],
  ['flags', 'f_flags', 80, 'i64'],
], { f_fsid: [56, 8] });
