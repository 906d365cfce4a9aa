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
  const out2 = fs.createWriteStream('out2.txt');
  const closed = new Promise((resolve) => out2.on('close', resolve));
  try {
    await pipeline(fs.createReadStream('missing.txt'), out2);
  } catch (e) {
    console.log('pipeline error', e.code, e.message);
  }
  // Whether out2.txt was created first is a race under node too (its open
  // and the failing one run side by side on the thread pool): not printed.
  // Its open may still be in flight when pipeline rejects: the stream closes
  // after it, and only then is the file surely there to remove.
  await closed;
  for (const f of ['in.txt', 'out.txt', 'out2.txt']) fs.rmSync(f, { force: true });
})();
