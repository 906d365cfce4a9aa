// node-args: --expose-gc --no-warnings
// trace: openat(*gc.txt*) close
// A FileHandle collected while open is closed, with Node's two warnings (the
// deprecation once); the fd numbers differ between runs and are masked.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message.replace(/descriptor \d+/, 'descriptor N')));
fs.writeFileSync('gc.txt', 'x');
(async () => {
  console.log('start'); // stdout's first use opens an fd of its own
  await fsp.stat('.'); // so may the first asynchronous call (unode: eloop's eventfd)
  const before = fs.readdirSync('/proc/self/fd').length;
  for (let i = 0; i < 3; i++) await fsp.open('gc.txt');
  console.log('opened', fs.readdirSync('/proc/self/fd').length - before);
  for (let i = 0; i < 10; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  console.log('left open', fs.readdirSync('/proc/self/fd').length - before);
  const kept = await fsp.open('gc.txt');
  gc();
  await new Promise((r) => setTimeout(r, 20));
  console.log('kept open', kept.fd > 0);
  await kept.close();
  fs.unlinkSync('gc.txt');
})();
