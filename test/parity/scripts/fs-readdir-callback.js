// trace: getdents64
'use strict';
const fs = require('fs');
const { showCb } = require('./_util');
fs.mkdirSync('rc');
fs.writeFileSync('rc/x', '');
fs.writeFileSync('rc/y', '');
(async () => {
  await showCb('names', (cb) => fs.readdir('rc', (e, n) => cb(e, n && n.sort())));
  await showCb('types', (cb) => fs.readdir('rc', { withFileTypes: true }, (e, d) => cb(e, d && d.map((x) => [x.name, x.isFile()]).sort())));
  await showCb('enoent', (cb) => fs.readdir('none', cb));
  await showCb('promises', (cb) => fs.promises.readdir('rc').then((n) => cb(null, n.sort()), cb));
  await showCb('promise enotdir', (cb) => fs.promises.readdir('rc/x').then((n) => cb(null, n), cb));
  fs.rmSync('rc', { recursive: true });
})();
