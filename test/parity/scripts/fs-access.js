// trace: faccessat|faccessat2|access(*acc*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('acc', '');
fs.chmodSync('acc', 0o644);
const { F_OK, R_OK, W_OK, X_OK } = fs.constants;
show('F_OK', () => fs.accessSync('acc'));
show('R_OK|W_OK', () => fs.accessSync('acc', R_OK | W_OK));
show('X_OK', () => fs.accessSync('acc', X_OK));
show('enoent', () => fs.accessSync('nacc'));
show('bad mode', () => fs.accessSync('acc', 8));
show('bad mode type', () => fs.accessSync('acc', 'r'));
(async () => {
  await showCb('cb', (cb) => fs.access('acc', R_OK, cb));
  await showCb('cb x', (cb) => fs.access('acc', X_OK, cb));
  await showCb('cb enoent', (cb) => fs.access('nacc', cb));
  await showCb('promise', (cb) => fs.promises.access('acc', F_OK).then(() => cb(null), cb));
  await showCb('promise enoent', (cb) => fs.promises.access('nacc').then(() => cb(null), cb));
  fs.unlinkSync('acc');
})();
