// trace: open|openat(*wc.txt*) write|pwrite64|writev|pwritev close
'use strict';
const fs = require('fs');
const { showCb } = require('./_util');
(async () => {
  await showCb('write', (cb) => fs.writeFile('wc.txt', 'abc', cb));
  await showCb('read', (cb) => fs.readFile('wc.txt', 'utf8', cb));
  await showCb('append', (cb) => fs.appendFile('wc.txt', 'def', cb));
  await showCb('read2', (cb) => fs.readFile('wc.txt', 'utf8', cb));
  await showCb('enoent', (cb) => fs.writeFile('x/y/z.txt', 'abc', cb));
  await showCb('wx', (cb) => fs.writeFile('wc.txt', 'abc', { flag: 'wx' }, cb));
  fs.unlinkSync('wc.txt');
})();
