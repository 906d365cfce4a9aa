// trace: open|openat(*b.txt*) read close
'use strict';
const fs = require('fs');
const { showCb } = require('./_util');
fs.writeFileSync('b.txt', 'callback data');
(async () => {
  await showCb('utf8', (cb) => fs.readFile('b.txt', 'utf8', cb));
  await showCb('buffer', (cb) => fs.readFile('b.txt', (e, d) => cb(e, d && d.length)));
  await showCb('enoent', (cb) => fs.readFile('missing.txt', cb));
  await showCb('eisdir', (cb) => fs.readFile('.', cb));
  fs.unlinkSync('b.txt');
})();
