// trace: statx|newfstatat|stat(*k.txt*)
'use strict';
const fs = require('fs');
fs.writeFileSync('k.txt', 'k');
const s = fs.statSync('k.txt');
console.log(s instanceof fs.Stats, Object.getPrototypeOf(s) === fs.Stats.prototype);
console.log(Object.keys(s).join(','));
console.log(['isFile', 'isDirectory', 'isSymbolicLink'].map((m) => typeof s[m]).join(','));
const b = fs.statSync('k.txt', { bigint: true });
console.log(Object.keys(b).join(','));
console.log(b.constructor.name, b instanceof fs.Stats);
fs.unlinkSync('k.txt');
