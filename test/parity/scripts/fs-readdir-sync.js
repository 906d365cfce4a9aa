// trace: open|openat(*rd*O_DIRECTORY*) getdents64
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.mkdirSync('rd');
for (const n of ['b.txt', 'a.txt', 'c']) fs.writeFileSync(`rd/${n}`, n);
fs.mkdirSync('rd/sub');
fs.symlinkSync('a.txt', 'rd/ln');
show('names', () => fs.readdirSync('rd').sort());
show('buffer', () => fs.readdirSync('rd', 'buffer').map((b) => Buffer.isBuffer(b)).length);
show('types', () => fs.readdirSync('rd', { withFileTypes: true })
  .sort((x, y) => (x.name < y.name ? -1 : 1))
  .map((d) => [d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink(), d.constructor.name, d.path === 'rd']));
show('empty', () => fs.readdirSync('rd/sub'));
show('enoent', () => fs.readdirSync('nope'));
show('enotdir', () => fs.readdirSync('rd/a.txt'));
fs.rmSync('rd', { recursive: true });
