// trace: open|openat(*v.txt*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.writeFileSync('v.txt', 'v');
show('path number', () => fs.readFileSync(1.5));
show('path object', () => fs.statSync({}));
show('path null', () => fs.openSync(null));
show('fd negative', () => fs.closeSync(-1));
show('fd float', () => fs.closeSync(1.5));
show('fd string', () => fs.fstatSync('3'));
// Node's C++ checks pass their message through a C string: it ends at a NUL.
show('fd string with NUL', () => fs.closeSync('a\0b'));
show('fd huge', () => fs.closeSync(2 ** 31));
show('mode bad', () => fs.openSync('v.txt', 'r', 'zzz'));
show('buffer type', () => fs.readSync(0, 'str', 0, 1, 0));
show('offset', () => fs.readSync(0, Buffer.alloc(2), -1, 1, 0));
show('length', () => fs.writeSync(1, Buffer.alloc(2), 0, 3));
show('position', () => fs.readSync(0, Buffer.alloc(2), 0, 1, -2));
show('position bigint', () => fs.readSync(0, Buffer.alloc(2), 0, 1, 2n ** 63n));
show('callback missing', () => fs.stat('v.txt'));
show('callback wrong', () => fs.readFile('v.txt', 'utf8', 'notfn'));
show('encoding', () => fs.readFileSync('v.txt', { encoding: 'zz' }));
show('options type', () => fs.readFileSync('v.txt', 42));
show('mkdir opts', () => fs.mkdirSync('x', { recursive: 1 }));
fs.unlinkSync('v.txt');
