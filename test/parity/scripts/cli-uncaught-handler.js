// trace: open|openat(*absent.txt*)
'use strict';
process.on('uncaughtException', (e, origin) => {
  console.log('caught', origin, e.code, e.syscall, e.path, e.message);
  process.exitCode = 7;
});
require('fs').readFileSync('absent.txt');
