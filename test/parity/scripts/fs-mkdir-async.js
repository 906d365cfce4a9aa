// trace: mkdirat|mkdir(*ma*)
'use strict';
const fs = require('fs');
const { showCb, showAsync } = require('./_util');
(async () => {
  await showCb('cb', (cb) => fs.mkdir('ma', cb));
  await showCb('cb eexist', (cb) => fs.mkdir('ma', cb));
  await showCb('cb recursive', (cb) => fs.mkdir('ma/b/c', { recursive: true }, cb));
  await showCb('cb recursive exists', (cb) => fs.mkdir('ma/b/c', { recursive: true }, cb));
  await showAsync('promise', () => fs.promises.mkdir('mp'));
  await showAsync('promise recursive', () => fs.promises.mkdir('mp/x/y', { recursive: true }));
  await showAsync('promise eexist', () => fs.promises.mkdir('mp'));
  await showAsync('promise enoent', () => fs.promises.mkdir('zz/yy'));
  fs.rmSync('ma', { recursive: true });
  fs.rmSync('mp', { recursive: true });
})();
