// trace: getdents64
'use strict';
const fs = require('fs');
fs.mkdirSync('de');
fs.writeFileSync('de/f', '');
fs.mkdirSync('de/d');
fs.symlinkSync('f', 'de/l');
const ents = fs.readdirSync('de', { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
for (const e of ents) {
  console.log(e.name, e instanceof fs.Dirent, ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice', 'isCharacterDevice'].map((m) => e[m]()).join(','));
}
console.log(Object.keys(ents[0]).join(','));
fs.rmSync('de', { recursive: true });
