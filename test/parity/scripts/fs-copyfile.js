// trace: open|openat(*src*) open|openat(*dst*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('src', 'copy me '.repeat(10000));
fs.chmodSync('src', 0o640);
show('copy', () => fs.copyFileSync('src', 'dst'));
show('same', () => fs.readFileSync('dst').equals(fs.readFileSync('src')));
show('mode kept', () => (fs.statSync('dst').mode & 0o777).toString(8));
show('excl', () => fs.copyFileSync('src', 'dst', fs.constants.COPYFILE_EXCL));
show('ficlone', () => { fs.copyFileSync('src', 'dst2', fs.constants.COPYFILE_FICLONE); return fs.statSync('dst2').size; });
show('enoent', () => fs.copyFileSync('nosrc', 'dst3'));
show('dir src', () => fs.copyFileSync('.', 'dst3'));
show('bad mode', () => fs.copyFileSync('src', 'dst3', 99));
(async () => {
  await showCb('cb', (cb) => fs.copyFile('src', 'dst4', cb));
  await showCb('cb excl', (cb) => fs.copyFile('src', 'dst4', fs.constants.COPYFILE_EXCL, cb));
  await showCb('promise', (cb) => fs.promises.copyFile('src', 'dst5').then(() => cb(null, fs.statSync('dst5').size), cb));
  for (const f of ['src', 'dst', 'dst2', 'dst4', 'dst5']) fs.unlinkSync(f);
})();
