// trace: renameat|renameat2|rename(*r1*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('r1', 'one');
fs.mkdirSync('rdir');
fs.mkdirSync('full/x', { recursive: true });
show('rename', () => fs.renameSync('r1', 'r2'));
show('content', () => fs.readFileSync('r2', 'utf8'));
show('enoent', () => fs.renameSync('r1', 'r3'));
show('into dir', () => fs.renameSync('r2', 'rdir/r2'));
show('dir over nonempty', () => fs.renameSync('rdir', 'full'));
show('file over dir', () => fs.renameSync('rdir/r2', 'full'));
(async () => {
  await showCb('cb', (cb) => fs.rename('rdir/r2', 'r4', cb));
  await showCb('cb enoent', (cb) => fs.rename('zzz', 'r5', cb));
  await showCb('promise', (cb) => fs.promises.rename('r4', 'r6').then(() => cb(null), cb));
  fs.unlinkSync('r6');
  fs.rmSync('rdir', { recursive: true });
  fs.rmSync('full', { recursive: true });
})();
