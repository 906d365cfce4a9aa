// trace: truncate|ftruncate
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('t.txt', '0123456789');
show('truncate 4', () => { fs.truncateSync('t.txt', 4); return fs.readFileSync('t.txt', 'utf8'); });
show('extend', () => { fs.truncateSync('t.txt', 8); return fs.readFileSync('t.txt').toString('hex'); });
show('default 0', () => { fs.truncateSync('t.txt'); return fs.statSync('t.txt').size; });
show('enoent', () => fs.truncateSync('nope', 1));
show('negative', () => fs.truncateSync('t.txt', -1));
const fd = fs.openSync('t.txt', 'r+');
show('ftruncate', () => { fs.ftruncateSync(fd, 3); return fs.fstatSync(fd).size; });
show('ftruncate bad', () => fs.ftruncateSync(fd, 'x'));
(async () => {
  await showCb('cb', (cb) => fs.truncate('t.txt', 1, (e) => cb(e, fs.statSync('t.txt').size)));
  await showCb('fcb', (cb) => fs.ftruncate(fd, 6, (e) => cb(e, fs.statSync('t.txt').size)));
  await showCb('promise', (cb) => fs.promises.truncate('t.txt', 2).then(() => cb(null, fs.statSync('t.txt').size), cb));
  await showCb('cb enoent', (cb) => fs.truncate('nope', 1, cb));
  fs.closeSync(fd);
  fs.unlinkSync('t.txt');
})();
