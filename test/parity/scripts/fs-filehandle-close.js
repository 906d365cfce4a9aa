// trace: open|openat(*fc.txt*) close
'use strict';
const fsp = require('fs/promises');
const { showAsync } = require('./_util');
(async () => {
  await fsp.writeFile('fc.txt', 'x');
  const fh = await fsp.open('fc.txt');
  console.log('events', typeof fh.on, fh instanceof require('events').EventEmitter);
  fh.on('close', () => console.log('close event'));
  await showAsync('close', () => fh.close());
  await showAsync('close twice', () => fh.close());
  await showAsync('stat closed', () => fh.stat());
  const fh2 = await fsp.open('fc.txt');
  await showAsync('async dispose', async () => typeof fh2[Symbol.asyncDispose]);
  await fh2.close();
  await fsp.unlink('fc.txt');
})();
