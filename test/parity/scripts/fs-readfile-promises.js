// trace: open|openat(*c.txt*) read close
'use strict';
const fsp = require('fs/promises');
const { showAsync } = require('./_util');
(async () => {
  await fsp.writeFile('c.txt', 'promised');
  await showAsync('utf8', () => fsp.readFile('c.txt', 'utf8'));
  await showAsync('buf', async () => (await fsp.readFile('c.txt')).toString('base64'));
  await showAsync('enoent', () => fsp.readFile('none.txt'));
  await showAsync('same object', async () => require('fs').promises === fsp);
  await fsp.unlink('c.txt');
})();
