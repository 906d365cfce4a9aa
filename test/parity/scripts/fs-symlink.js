// trace: symlinkat|symlink(*target*) readlinkat|readlink(*ln1*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('target', 't');
show('symlink', () => fs.symlinkSync('target', 'ln1'));
show('readlink', () => fs.readlinkSync('ln1'));
show('readlink buffer', () => fs.readlinkSync('ln1', 'buffer').toString());
show('readlink opts', () => fs.readlinkSync('ln1', { encoding: 'hex' }));
show('eexist', () => fs.symlinkSync('target', 'ln1'));
show('dangling', () => { fs.symlinkSync('nowhere', 'ln2'); return [fs.existsSync('ln2'), fs.lstatSync('ln2').isSymbolicLink()]; });
show('readlink einval', () => fs.readlinkSync('target'));
show('readlink enoent', () => fs.readlinkSync('nope'));
show('dir type', () => fs.symlinkSync('.', 'ln3', 'dir'));
show('bad type', () => fs.symlinkSync('.', 'ln4', 'sideways'));
(async () => {
  await showCb('cb', (cb) => fs.symlink('target', 'ln5', cb));
  await showCb('cb readlink', (cb) => fs.readlink('ln5', cb));
  await showCb('promise', (cb) => fs.promises.readlink('ln5').then((r) => cb(null, r), cb));
  await showCb('promise eexist', (cb) => fs.promises.symlink('x', 'ln5').then(() => cb(null), cb));
  for (const f of ['ln1', 'ln2', 'ln3', 'ln5', 'target']) fs.unlinkSync(f);
})();
