// trace: rmdir|unlinkat(*rd1*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.mkdirSync('rd1');
fs.mkdirSync('rd2/in', { recursive: true });
fs.writeFileSync('file', '');
show('ok', () => fs.rmdirSync('rd1'));
show('enoent', () => fs.rmdirSync('rd1'));
show('enotempty', () => fs.rmdirSync('rd2'));
show('enotdir', () => fs.rmdirSync('file'));
(async () => {
  await showCb('cb enotempty', (cb) => fs.rmdir('rd2', cb));
  await showCb('cb', (cb) => fs.rmdir('rd2/in', cb));
  await showCb('promise', (cb) => fs.promises.rmdir('rd2').then(() => cb(null), cb));
  fs.unlinkSync('file');
})();
