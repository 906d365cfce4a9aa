// libjs/struct: struct open_how (<linux/openat2.h>), for openat2(2).
'use strict';
const { define } = require('./define');

// offset | size | field
//      0 |    8 | flags    u64 (O_*)
//      8 |    8 | mode     u64
//     16 |    8 | resolve  u64 (RESOLVE_*)
module.exports = define('open_how', 24, [
  ['flags', 'flags', 0, 'u64'],
  ['mode', 'mode', 8, 'u64'],
  ['resolve', 'resolve', 16, 'u64'],
]);
