// trace: getdents64 openat(*enc*)
'use strict';
// readdirSync's order (bytewise) and encodings, Dirents printed whole.
const fs = require('fs');
fs.mkdirSync('enc');
for (const n of ['b', 'a', 'Z', '_', '10', '9', 'é', 'e', '日本']) fs.writeFileSync(`enc/${n}`, '');
fs.mkdirSync('enc/sub');
fs.symlinkSync('a', 'enc/link');
console.log(fs.readdirSync('enc'));
console.log(fs.readdirSync('enc', 'buffer'));
console.log(fs.readdirSync('enc', { encoding: 'hex' }));
console.log(fs.readdirSync('enc', 'latin1'));
console.log(fs.readdirSync('enc', { withFileTypes: true }));
console.log(fs.readdirSync(Buffer.from('enc'), { withFileTypes: true, encoding: 'buffer' }).map((d) => [d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink()]));
console.log(fs.readdirSync('enc', { recursive: true }));
fs.rmSync('enc', { recursive: true });
