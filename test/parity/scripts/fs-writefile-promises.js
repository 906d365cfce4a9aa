// trace: open|openat(*wp.txt*) write|pwrite64|writev|pwritev close
'use strict';
const fsp = require('fs').promises;
const { showAsync } = require('./_util');
(async () => {
  await showAsync('write', () => fsp.writeFile('wp.txt', 'line1\n'));
  await showAsync('append', () => fsp.appendFile('wp.txt', 'line2\n'));
  await showAsync('read', () => fsp.readFile('wp.txt', 'utf8'));
  async function* gen() { yield 'a'; yield 'b'; yield 'c'; }
  await showAsync('iterable', () => fsp.writeFile('wp.txt', gen()));
  await showAsync('read2', () => fsp.readFile('wp.txt', 'utf8'));
  await showAsync('eisdir', () => fsp.writeFile('.', 'x'));
  await fsp.unlink('wp.txt');
})();
