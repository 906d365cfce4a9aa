// trace: fchmodat|chmod|fchmod(*cm*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('cm', '');
const perm = () => (fs.statSync('cm').mode & 0o7777).toString(8);
show('number', () => { fs.chmodSync('cm', 0o600); return perm(); });
show('string', () => { fs.chmodSync('cm', '755'); return perm(); });
show('setuid', () => { fs.chmodSync('cm', 0o4755); return perm(); });
show('enoent', () => fs.chmodSync('nope', 0o600));
show('bad mode', () => fs.chmodSync('cm', 'rwx'));
show('range', () => fs.chmodSync('cm', 0o1000000));
const fd = fs.openSync('cm', 'r');
show('fchmod', () => { fs.fchmodSync(fd, 0o640); return perm(); });
(async () => {
  await showCb('cb', (cb) => fs.chmod('cm', 0o444, (e) => cb(e, perm())));
  await showCb('fcb', (cb) => fs.fchmod(fd, 0o666, (e) => cb(e, perm())));
  await showCb('promise', (cb) => fs.promises.chmod('cm', 0o700).then(() => cb(null, perm()), cb));
  await showCb('lchmod exists', (cb) => cb(null, typeof fs.lchmodSync));
  fs.closeSync(fd);
  fs.unlinkSync('cm');
})();
