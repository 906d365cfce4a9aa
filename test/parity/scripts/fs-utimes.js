// trace: utimensat
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('ut', '');
fs.symlinkSync('ut', 'utl');
const times = (p, l) => { const s = l ? fs.lstatSync(p) : fs.statSync(p); return [s.atimeMs, s.mtimeMs]; };
show('numbers', () => { fs.utimesSync('ut', 1000, 2000); return times('ut'); });
show('dates', () => { fs.utimesSync('ut', new Date(1e12), new Date(2e12)); return times('ut'); });
show('strings', () => { fs.utimesSync('ut', '3000', '4000.5'); return times('ut'); });
show('lutimes', () => { fs.lutimesSync('utl', 5, 6); return [times('utl', true), times('ut')]; });
const fd = fs.openSync('ut', 'r');
show('futimes', () => { fs.futimesSync(fd, 7, 8); return times('ut'); });
show('enoent', () => fs.utimesSync('nope', 1, 1));
show('bad', () => fs.utimesSync('ut', {}, 1));
(async () => {
  await showCb('cb', (cb) => fs.utimes('ut', 10, 20, (e) => cb(e, times('ut'))));
  await showCb('fcb', (cb) => fs.futimes(fd, 30, 40, (e) => cb(e, times('ut'))));
  await showCb('promise', (cb) => fs.promises.utimes('ut', 50, 60).then(() => cb(null, times('ut')), cb));
  await showCb('promise lutimes', (cb) => fs.promises.lutimes('utl', 70, 80).then(() => cb(null, times('utl', true)), cb));
  fs.closeSync(fd);
  fs.unlinkSync('utl');
  fs.unlinkSync('ut');
})();
