// trace: linkat|link(*orig*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('orig', 'shared');
show('link', () => fs.linkSync('orig', 'hard'));
show('nlink', () => [fs.statSync('orig').nlink, fs.readFileSync('hard', 'utf8')]);
show('same ino', () => fs.statSync('orig').ino === fs.statSync('hard').ino);
show('eexist', () => fs.linkSync('orig', 'hard'));
show('enoent', () => fs.linkSync('missing', 'hard2'));
show('dir', () => fs.linkSync('.', 'hard3'));
(async () => {
  await showCb('cb', (cb) => fs.link('orig', 'hard4', cb));
  await showCb('cb eexist', (cb) => fs.link('orig', 'hard4', cb));
  await showCb('promise', (cb) => fs.promises.link('orig', 'hard5').then(() => cb(null, fs.statSync('orig').nlink), cb));
  for (const f of ['orig', 'hard', 'hard4', 'hard5']) fs.unlinkSync(f);
})();
