// trace: open|openat(*ab.txt*)
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const { showAsync } = require('./_util');
fs.writeFileSync('ab.txt', 'abort me');
(async () => {
  const ac = new AbortController();
  ac.abort();
  await showAsync('readFile aborted', () => fsp.readFile('ab.txt', { signal: ac.signal }));
  await showAsync('writeFile aborted', () => fsp.writeFile('ab2.txt', 'x', { signal: ac.signal }));
  await showAsync('bad signal', () => fsp.readFile('ab.txt', { signal: 'no' }));
  await new Promise((resolve) => fs.readFile('ab.txt', { signal: ac.signal }, (e) => { console.log('cb aborted', e.name, e.code); resolve(); }));
  const ac2 = new AbortController();
  await showAsync('not aborted', () => fsp.readFile('ab.txt', { signal: ac2.signal, encoding: 'utf8' }));
  fs.rmSync('ab2.txt', { force: true });
  fs.unlinkSync('ab.txt');
})();
