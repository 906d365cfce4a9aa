// trace: statx|newfstatat|stat(*cb.txt*) fstat|statx
'use strict';
const fs = require('fs');
const { showCb, stat } = require('./_util');
fs.writeFileSync('cb.txt', 'abc');
(async () => {
  await showCb('stat', (cb) => fs.stat('cb.txt', (e, s) => cb(e, s && stat(s))));
  await showCb('stat bigint', (cb) => fs.stat('cb.txt', { bigint: true }, (e, s) => cb(e, s && stat(s))));
  await showCb('lstat', (cb) => fs.lstat('cb.txt', (e, s) => cb(e, s && stat(s))));
  const fd = fs.openSync('cb.txt', 'r');
  await showCb('fstat', (cb) => fs.fstat(fd, (e, s) => cb(e, s && stat(s))));
  fs.closeSync(fd);
  await showCb('enoent', (cb) => fs.stat('nope', cb));
  await showCb('lstat enoent', (cb) => fs.lstat('nope/deeper', cb));
  await showCb('fstat ebadf', (cb) => fs.fstat(12345, cb));
  fs.unlinkSync('cb.txt');
})();
