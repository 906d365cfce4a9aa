// trace: faccessat|faccessat2|access|statx|newfstatat|stat(*here.txt*)
'use strict';
const fs = require('fs');
const { showCb } = require('./_util');
fs.writeFileSync('here.txt', '');
console.log('sync here', fs.existsSync('here.txt'));
console.log('sync gone', fs.existsSync('gone.txt'));
console.log('sync dir', fs.existsSync('.'));
console.log('sync bad', fs.existsSync(123), fs.existsSync(), fs.existsSync('a\0b'));
fs.exists('here.txt', (ok) => {
  console.log('cb here', ok);
  fs.exists('gone.txt', (ok2) => {
    console.log('cb gone', ok2);
    fs.unlinkSync('here.txt');
  });
});
