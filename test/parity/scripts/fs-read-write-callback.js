// trace: open|openat(*rwc.txt*) read|pread64 write|pwrite64 close
'use strict';
const fs = require('fs');
const { showCb } = require('./_util');
(async () => {
  let fd;
  await showCb('open', (cb) => fs.open('rwc.txt', 'w+', (e, f) => { fd = f; cb(e, typeof f); }));
  await showCb('write', (cb) => fs.write(fd, Buffer.from('abcdef'), 0, 6, 0, (e, n, b) => cb(e, [n, b.toString()])));
  await showCb('write str', (cb) => fs.write(fd, 'XY', 1, 'utf8', (e, n, s) => cb(e, [n, s])));
  const buf = Buffer.alloc(10);
  await showCb('read', (cb) => fs.read(fd, buf, 0, 10, 0, (e, n, b) => cb(e, [n, b.toString('utf8', 0, n)])));
  await showCb('read opts', (cb) => fs.read(fd, { buffer: buf, position: 2, length: 2 }, (e, n) => cb(e, [n, buf.toString('utf8', 0, 2)])));
  await showCb('read default', (cb) => fs.read(fd, (e, n, b) => cb(e, [n, b.length])));
  await showCb('fsync', (cb) => fs.fsync(fd, cb));
  await showCb('fdatasync', (cb) => fs.fdatasync(fd, cb));
  await showCb('close', (cb) => fs.close(fd, cb));
  await showCb('close again', (cb) => fs.close(fd, cb));
  fs.unlinkSync('rwc.txt');
})();
