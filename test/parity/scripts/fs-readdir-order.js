// trace: getdents64
'use strict';
const fs = require('fs');
fs.mkdirSync('ord');
for (let i = 0; i < 40; i++) fs.writeFileSync(`ord/f${i}`, '');
// The kernel's order, unsorted: unode must give the same as node.
console.log(fs.readdirSync('ord').join(' '));
fs.rmSync('ord', { recursive: true });
