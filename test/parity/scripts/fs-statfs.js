// trace: statfs
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
const shape = (s) => [s.constructor.name, typeof s.type, typeof s.bsize, typeof s.blocks, typeof s.bfree, typeof s.bavail, typeof s.files, typeof s.ffree, s.bsize > 0, s.type === fs.statfsSync('/').type];
show('sync', () => shape(fs.statfsSync('.')));
show('bigint', () => typeof fs.statfsSync('.', { bigint: true }).blocks);
show('enoent', () => fs.statfsSync('nope'));
(async () => {
  await showCb('cb', (cb) => fs.statfs('.', (e, s) => cb(e, s && shape(s))));
  await showCb('promise', (cb) => fs.promises.statfs('.').then((s) => cb(null, shape(s)), cb));
})();
