// trace: readlinkat|readlink|newfstatat|statx|lstat(*l2*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.mkdirSync('real/deep', { recursive: true });
fs.writeFileSync('real/deep/f', '');
fs.symlinkSync('real/deep', 'l1');
fs.symlinkSync('l1/f', 'l2');
fs.symlinkSync('loop2', 'loop1');
fs.symlinkSync('loop1', 'loop2');
const rel = (p) => (typeof p === 'string' ? p.replace(process.cwd(), '.') : p);
show('plain', () => rel(fs.realpathSync('real/deep/f')));
show('links', () => rel(fs.realpathSync('l2')));
show('dot', () => rel(fs.realpathSync('.')));
show('native', () => rel(fs.realpathSync.native('l2')));
show('buffer', () => Buffer.isBuffer(fs.realpathSync('l2', 'buffer')));
show('enoent', () => fs.realpathSync('l1/nope'));
show('native enoent', () => fs.realpathSync.native('l1/nope'));
show('eloop', () => fs.realpathSync('loop1'));
show('native eloop', () => fs.realpathSync.native('loop1'));
(async () => {
  await showCb('cb', (cb) => fs.realpath('l2', (e, p) => cb(e, rel(p))));
  await showCb('cb native', (cb) => fs.realpath.native('l2', (e, p) => cb(e, rel(p))));
  await showCb('cb enoent', (cb) => fs.realpath('zz', cb));
  await showCb('promise', (cb) => fs.promises.realpath('l2').then((p) => cb(null, rel(p)), cb));
  for (const f of ['l1', 'l2', 'loop1', 'loop2']) fs.unlinkSync(f);
  fs.rmSync('real', { recursive: true });
})();
