// trace: open|openat(*large.bin*) read|pread64 write|pwrite64
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const data = Buffer.alloc(5 * 1024 * 1024);
for (let i = 0; i < data.length; i += 4096) data.writeUInt32LE(i, i);
fs.writeFileSync('large.bin', data);
const back = fs.readFileSync('large.bin');
console.log(back.length, crypto.createHash('sha1').update(back).digest('hex'));
fs.readFile('large.bin', (e, b) => {
  console.log('async', e, b.length, b.equals(data));
  fs.unlinkSync('large.bin');
});
