// trace: statx|newfstatat|stat(*big.txt*)
'use strict';
const fs = require('fs');
const { show, stat } = require('./_util');
fs.writeFileSync('big.txt', 'x'.repeat(1000));
show('bigint', () => stat(fs.statSync('big.txt', { bigint: true })));
show('ns', () => { const s = fs.statSync('big.txt', { bigint: true }); return [typeof s.atimeNs, s.mtimeNs / 1000000n === s.mtimeMs]; });
show('lstat bigint', () => stat(fs.lstatSync('big.txt', { bigint: true })));
const fd = fs.openSync('big.txt', 'r');
show('fstat bigint', () => stat(fs.fstatSync(fd, { bigint: true })));
fs.closeSync(fd);
fs.unlinkSync('big.txt');
