// trace: openat(*fhs.txt*) pread64|read pwrite64|write
'use strict';
const fs = require('fs');
const { err } = require('./_util');
fs.writeFileSync('fhs.txt', 'abcdefghij');
(async () => {
  const fh = await fs.promises.open('fhs.txt', 'r+');
  const rs = fh.createReadStream({ start: 2, end: 5, encoding: 'utf8', autoClose: false });
  let s = '';
  rs.on('data', (d) => { s += d; });
  await new Promise((r) => rs.on('end', r));
  console.log('read', s, typeof fh.fd);
  const ws = fh.createWriteStream({ start: 8 });
  ws.end('XYZ');
  await new Promise((r) => ws.on('close', r));
  console.log('after write stream', fs.readFileSync('fhs.txt', 'utf8'), fh.fd);
  const fh2 = await fs.promises.open('fhs.txt');
  const rs2 = fh2.createReadStream();
  rs2.on('close', () => console.log('stream closed with its handle', fh2.fd));
  rs2.on('data', () => {});
  await fh2.close();
  try { fs.createReadStream(null, { fd: fh2, fs: {} }); } catch (e) { console.log('fs with FileHandle', err(e)); }
  fs.unlinkSync('fhs.txt');
})();
