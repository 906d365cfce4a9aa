// trace: open|openat(*v.txt*) writev|pwritev|pwritev2 readv|preadv|preadv2
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
const fd = fs.openSync('v.txt', 'w+');
show('writevSync', () => fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd'), Buffer.from('ef')]));
show('writevSync pos', () => fs.writevSync(fd, [Buffer.from('XY')], 1));
const a = Buffer.alloc(3), b = Buffer.alloc(3);
show('readvSync', () => [fs.readvSync(fd, [a, b], 0), a.toString(), b.toString()]);
(async () => {
  await showCb('writev', (cb) => fs.writev(fd, [Buffer.from('123')], 6, (e, n) => cb(e, n)));
  const c = Buffer.alloc(9);
  await showCb('readv', (cb) => fs.readv(fd, [c], 0, (e, n) => cb(e, [n, c.toString()])));
  show('bad', () => fs.writevSync(fd, 'nope'));
  fs.closeSync(fd);
  fs.unlinkSync('v.txt');
})();
