// trace: unlinkat|unlink|rmdir(*ra*)
'use strict';
const fs = require('fs');
const { showCb, showAsync } = require('./_util');
(async () => {
  fs.mkdirSync('ra/x/y', { recursive: true });
  fs.writeFileSync('ra/x/y/z', '');
  await showCb('cb no recursive', (cb) => fs.rm('ra', cb));
  await showCb('cb recursive', (cb) => fs.rm('ra', { recursive: true }, cb));
  await showCb('cb enoent', (cb) => fs.rm('ra', cb));
  await showCb('cb force', (cb) => fs.rm('ra', { force: true }, cb));
  fs.mkdirSync('rb/c', { recursive: true });
  await showAsync('promise', () => fs.promises.rm('rb', { recursive: true, force: true }));
  await showAsync('promise enoent', () => fs.promises.rm('rb'));
  await showAsync('exists', async () => fs.existsSync('ra') || fs.existsSync('rb'));
})();
