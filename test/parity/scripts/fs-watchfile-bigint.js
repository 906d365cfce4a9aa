// trace: statx|newfstatat|stat|lstat(*wb.txt*)
// timeout: 8000
'use strict';
const fs = require('fs');
fs.writeFileSync('wb.txt', '1');
fs.watchFile('wb.txt', { interval: 20, bigint: true }, (curr, prev) => {
  console.log(typeof curr.size, curr.size, prev.size, typeof curr.mtimeNs);
  fs.unwatchFile('wb.txt');
  fs.unlinkSync('wb.txt');
});
setTimeout(() => fs.writeFileSync('wb.txt', '1234'), 100);
