// trace: open|openat(*lines.txt*) read|pread64
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
fs.writeFileSync('lines.txt', 'alpha\nbeta\r\ngamma\n\ndelta');
(async () => {
  const fh = await fsp.open('lines.txt');
  for await (const line of fh.readLines()) console.log(JSON.stringify(line));
  const fh2 = await fsp.open('lines.txt');
  const chunks = [];
  for await (const c of fh2.readableWebStream()) chunks.push(Buffer.from(c).length);
  console.log('web stream', chunks.reduce((a, b) => a + b, 0));
  await fh2.close();
  const fh3 = await fsp.open('lines.txt');
  const rs = fh3.createReadStream({ encoding: 'utf8', start: 6, end: 9 });
  let s = '';
  rs.on('data', (d) => { s += d; });
  rs.on('close', () => { console.log('stream', JSON.stringify(s), fh3.fd); fs.unlinkSync('lines.txt'); });
})();
