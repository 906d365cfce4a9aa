// trace: statx|newfstatat|stat(*f.txt*)
'use strict';
// Stats, BigIntStats and StatFs as console.log prints them, with every field
// fixed (constructed, and a file whose times were set).
const fs = require('fs');
console.log(new fs.Stats(1, 33188, 1, 0, 0, 0, 4096, 7, 12, 8, 1.5e12, 1.6e12 + 0.5, 1.7e12, 0));
console.log(Object.keys(new fs.Stats()), fs.Stats.length, fs.Stats.name);
const s = new fs.Stats(1, 16877, 2, 0, 0, 0, 4096, 9, 4096, 8, 0, 0, 0, 0);
console.log(s.isDirectory(), s.isFile(), s.isSymbolicLink(), s.isFIFO(), s.isSocket(), s.isBlockDevice(), s.isCharacterDevice());
fs.writeFileSync('f.txt', 'twelve bytes');
fs.utimesSync('f.txt', 1000000000.123456, 1200000000.987654);
const st = fs.statSync('f.txt');
const big = fs.statSync('f.txt', { bigint: true });
console.log(st.atimeMs, st.mtimeMs, st.atime, st.mtime, st.size, st.mode.toString(8));
console.log(big.atimeMs, big.mtimeNs, big.atimeNs, big.mtime, big.size, typeof big.ino, big.isFile());
console.log(Object.keys(st).join(','));
console.log(Object.keys(big).join(','));
console.log(Object.getPrototypeOf(big).constructor.name, Object.getPrototypeOf(Object.getPrototypeOf(big)).constructor.name);
const sf = fs.statfsSync('.');
console.log(sf.constructor.name, Object.keys(sf).join(','), typeof sf.bsize, typeof fs.statfsSync('.', { bigint: true }).bsize);
console.log(fs.lchmodSync, fs.lchmod, 'lchmodSync' in fs);
fs.unlinkSync('f.txt');
