// trace: statx|newfstatat|stat(*p.txt*)
'use strict';
const fsp = require('fs/promises');
const { showAsync, stat } = require('./_util');
(async () => {
  await fsp.writeFile('p.txt', 'data');
  await showAsync('stat', async () => stat(await fsp.stat('p.txt')));
  await showAsync('lstat', async () => stat(await fsp.lstat('p.txt')));
  await showAsync('bigint', async () => stat(await fsp.stat('p.txt', { bigint: true })));
  await showAsync('enoent', () => fsp.stat('nope'));
  await showAsync('bad', () => fsp.stat({}));
  await fsp.unlink('p.txt');
})();
