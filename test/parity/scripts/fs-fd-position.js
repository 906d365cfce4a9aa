// trace: lseek||read
'use strict';
const fs = require('fs');
fs.writeFileSync('pos.txt', '0123456789');
const fd = fs.openSync('pos.txt', 'r');
const b = Buffer.alloc(3);
console.log(fs.readSync(fd, b, 0, 3, null), b.toString());
console.log(fs.readSync(fd, b, 0, 3, null), b.toString());
console.log(fs.readSync(fd, b, 0, 3, 0), b.toString());
console.log(fs.readSync(fd, b, 0, 3), b.toString());
console.log(fs.readSync(fd, b, 0, 3, 8n), b.toString('utf8', 0, 2));
console.log(fs.readSync(fd, b, 0, 3, -1), b.toString());
console.log(fs.readFileSync(fd, 'utf8'));
fs.closeSync(fd);
fs.unlinkSync('pos.txt');
