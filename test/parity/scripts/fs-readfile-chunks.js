// trace: openat(*chunky*) read close openat(*status*)
// Whole-file reads in both forms: files larger than one 512 KiB chunk, empty
// files, files whose size the kernel does not tell (/proc), fds, encodings.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const { showCb, showAsync } = require('./_util');
const big = Buffer.alloc(1300 * 1024 + 11);
for (let i = 0; i < big.length; i++) big[i] = 97 + ((i * 13) % 26);
fs.writeFileSync('chunky', big);
fs.writeFileSync('empty', '');
const sum = (d) => (typeof d === 'string' ? [d.length, d.slice(-12)] : [d.length, d.subarray(-12).toString()]);
(async () => {
  await showCb('cb buffer', (cb) => fs.readFile('chunky', (e, d) => cb(e, d && sum(d))));
  await showCb('cb utf8', (cb) => fs.readFile('chunky', 'utf8', (e, d) => cb(e, d && sum(d))));
  await showCb('cb base64', (cb) => fs.readFile('chunky', 'base64', (e, d) => cb(e, d && sum(d))));
  await showCb('cb empty', (cb) => fs.readFile('empty', (e, d) => cb(e, d && sum(d))));
  await showCb('cb proc', (cb) => fs.readFile('/proc/self/status', 'utf8', (e, d) => cb(e, d && d.split('\n')[0].split(':')[0])));
  const fd = fs.openSync('chunky', 'r');
  fs.readSync(fd, Buffer.alloc(100), 0, 100, null);
  await showCb('cb fd', (cb) => fs.readFile(fd, (e, d) => cb(e, d && sum(d))));
  fs.closeSync(fd);
  await showAsync('p buffer', async () => sum(await fsp.readFile('chunky')));
  await showAsync('p utf8', async () => sum(await fsp.readFile('chunky', 'utf8')));
  await showAsync('p hex', async () => sum(await fsp.readFile('chunky', 'hex')));
  await showAsync('p empty', async () => sum(await fsp.readFile('empty', 'utf8')));
  await showAsync('p proc', async () => (await fsp.readFile('/proc/self/status', 'utf8')).split('\n')[0].split(':')[0]);
  await showAsync('p proc buffer', async () => (await fsp.readFile('/proc/self/status')).length > 100);
  const fh = await fsp.open('chunky');
  await fh.read(Buffer.alloc(10), 0, 10, null);
  await showAsync('p handle', async () => sum(await fh.readFile('latin1')));
  await fh.close();
  fs.unlinkSync('chunky');
  fs.unlinkSync('empty');
})();
