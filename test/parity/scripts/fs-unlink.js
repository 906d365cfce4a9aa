// trace: unlinkat|unlink(*u.txt*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('u.txt', '');
fs.mkdirSync('ud');
show('ok', () => fs.unlinkSync('u.txt'));
show('enoent', () => fs.unlinkSync('u.txt'));
show('eisdir', () => fs.unlinkSync('ud'));
(async () => {
  fs.writeFileSync('u.txt', '');
  await showCb('cb', (cb) => fs.unlink('u.txt', cb));
  await showCb('cb enoent', (cb) => fs.unlink('u.txt', cb));
  await showCb('promise enoent', (cb) => fs.promises.unlink('u.txt').then(() => cb(null), cb));
  fs.rmdirSync('ud');
})();
