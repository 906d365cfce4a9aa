// trace: openat(*sig*) pread64|read pwrite64|write readv|preadv writev|pwritev
// fs.read and fs.write in every signature Node 20 takes, and FileHandle's.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const { showCb, showAsync } = require('./_util');
fs.writeFileSync('sig', '0123456789');
const fd = fs.openSync('sig', 'r+');
const hex = (b, n) => Buffer.from(b.buffer, b.byteOffset, n).toString();
(async () => {
  await showCb('read 6 args', (cb) => { const b = Buffer.alloc(4); fs.read(fd, b, 1, 3, 2, (e, n) => cb(e, [n, b.toString('latin1')])); });
  await showCb('read options', (cb) => fs.read(fd, { buffer: Buffer.alloc(3), position: 7 }, (e, n, b) => cb(e, [n, hex(b, n)])));
  await showCb('read buffer+options', (cb) => { const b = Buffer.alloc(5); fs.read(fd, b, { position: 5, length: 2 }, (e, n) => cb(e, [n, hex(b, n)])); });
  await showCb('read fd only', (cb) => fs.read(fd, (e, n, b) => cb(e, [n, b.length])));
  await showCb('read bigint pos', (cb) => fs.read(fd, Buffer.alloc(2), 0, 2, 8n, (e, n, b) => cb(e, [n, hex(b, n)])));
  await showCb('write buffer', (cb) => fs.write(fd, Buffer.from('AB'), 0, 2, 0, (e, n) => cb(e, n)));
  await showCb('write buffer opts', (cb) => fs.write(fd, Buffer.from('CDE'), { offset: 1, length: 1, position: 3 }, (e, n) => cb(e, n)));
  await showCb('write string pos', (cb) => fs.write(fd, 'xy', 5, (e, n, s) => cb(e, [n, s])));
  await showCb('write string enc', (cb) => fs.write(fd, '7a7a', 7, 'hex', (e, n, s) => cb(e, [n, s])));
  await showCb('readv', (cb) => { const a = Buffer.alloc(3); const b = Buffer.alloc(3); fs.readv(fd, [a, b], 0, (e, n) => cb(e, [n, a.toString() + b.toString()])); });
  await showCb('writev', (cb) => fs.writev(fd, [Buffer.from('['), Buffer.from(']')], 9, (e, n) => cb(e, n)));
  console.log('content', fs.readFileSync('sig', 'latin1'));
  const fh = await fsp.open('sig', 'r+');
  await showAsync('fh read', async () => { const r = await fh.read(Buffer.alloc(4), 0, 4, 1); return [r.bytesRead, r.buffer.toString()]; });
  await showAsync('fh read opts', async () => { const r = await fh.read({ buffer: Buffer.alloc(2), position: 4 }); return [r.bytesRead, r.buffer.toString()]; });
  await showAsync('fh read none', async () => { const r = await fh.read(); return [r.bytesRead, r.buffer.length]; });
  await showAsync('fh write str', async () => { const r = await fh.write('Q', 0); return [r.bytesWritten, r.buffer]; });
  await showAsync('fh writev', async () => (await fh.writev([Buffer.from('1'), Buffer.from('2')], 1)).bytesWritten);
  await showAsync('fh readv', async () => { const b = [Buffer.alloc(5), Buffer.alloc(5)]; const r = await fh.readv(b, 0); return [r.bytesRead, Buffer.concat(b).toString()]; });
  await fh.close();
  fs.closeSync(fd);
  fs.unlinkSync('sig');
})();
