// trace: openat(*/dev/zero*) read|pread64 openat(*/dev/full*) write|pwrite64
'use strict';
const fs = require('fs');
const { err } = require('./_util');
let total = 0;
const rs = fs.createReadStream('/dev/zero', { end: 99999, highWaterMark: 16384 });
rs.on('data', (d) => { total += d.length; });
rs.on('close', () => {
  console.log('zero bytes', total, rs.bytesRead);
  const full = fs.createWriteStream('/dev/full');
  full.write('x', (e) => console.log('write cb', err(e)));
  full.on('error', (e) => console.log('error event', err(e)));
  full.on('close', () => {
    console.log('full closed', full.bytesWritten);
    const nul = fs.createWriteStream('/dev/null');
    nul.end(Buffer.alloc(100000), () => console.log('null written', nul.bytesWritten));
  });
});
