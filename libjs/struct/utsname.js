// libjs/struct: struct utsname (<linux/utsname.h> new_utsname), for uname(2).
'use strict';
const { define } = require('./define');

// offset | size | field
//      0 |   65 | sysname     NUL-terminated
//     65 |   65 | nodename
//    130 |   65 | release
//    195 |   65 | version
//    260 |   65 | machine
//    325 |   65 | domainname
// 390 bytes on every architecture.
module.exports = define('utsname', 390, [
  ['sysname', 'sysname', 0, 'char[65]'],
  ['nodename', 'nodename', 65, 'char[65]'],
  ['release', 'release', 130, 'char[65]'],
  ['version', 'version', 195, 'char[65]'],
  ['machine', 'machine', 260, 'char[65]'],
  ['domainname', 'domainname', 325, 'char[65]'],
]);
