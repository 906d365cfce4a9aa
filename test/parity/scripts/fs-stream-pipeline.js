// trace: open|openat(*in.txt*) open|openat(*out.txt*)
'use strict';
const fs = require('fs');
const { pipeline } = require('stream/promises');
const { Transform } = require('stream');
fs.writeFileSync('in.txt', 'line\n'.repeat(5000));
(async () => {
  const upper = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
  await pipeline(fs.createReadStream('in.txt', { highWaterMark: 4096 }), upper, fs.createWriteStream('out.txt'));
  const out = fs.readFileSync('out.txt', 'utf8');
  console.log(out.length, out.slice(0, 10), out === 'LINE\n'.repeat(5000));
  try {
    await pipeline(fs.createReadStream('missing.txt'), fs.createWriteStream('out2.txt'));
  } catch (e) {
    console.log('pipeline error', e.code, e.message);
  }
  // Whether out2.txt was created first is a race under node too (its open
  // and the failing one run side by side on the thread pool): not printed.
  for (const f of ['in.txt', 'out.txt', 'out2.txt']) fs.rmSync(f, { force: true });
})();
