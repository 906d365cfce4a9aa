// trace: fchownat|chown|lchown|fchown
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('co', '');
fs.symlinkSync('co', 'col');
const own = (p) => { const s = fs.lstatSync(p); return [s.uid, s.gid]; };
show('chown', () => { fs.chownSync('co', 1, 2); return own('co'); });
show('lchown', () => { fs.lchownSync('col', 3, 4); return [own('col'), own('co')]; });
const fd = fs.openSync('co', 'r');
show('fchown', () => { fs.fchownSync(fd, 0, 0); return own('co'); });
show('-1 keeps', () => { fs.chownSync('co', -1, 5); return own('co'); });
show('enoent', () => fs.chownSync('nope', 0, 0));
show('bad uid', () => fs.chownSync('co', 'root', 0));
show('range', () => fs.chownSync('co', -2, 0));
(async () => {
  await showCb('cb', (cb) => fs.chown('co', 6, 7, (e) => cb(e, own('co'))));
  await showCb('promise', (cb) => fs.promises.chown('co', 0, 0).then(() => cb(null, own('co')), cb));
  fs.closeSync(fd);
  fs.unlinkSync('col');
  fs.unlinkSync('co');
})();
