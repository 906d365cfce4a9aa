// test/unode: child process for fs-callback-stress.test.js, run with
// --expose-gc: many concurrent reads into buffers that nothing but the
// request references, with gc() called in a loop while they are in flight;
// every byte read is checked against the file's known pattern. Prints a JSON
// summary on stdout.
'use strict';

const fs = require('../../unode/lib/fs.js');
const fsp = fs.promises;
const path = require('path');

const dir = process.argv[2];
const file = path.join(dir, 'pattern');
const SIZE = 8 * 1024 * 1024;
const byteAt = (i) => (i * 7 + (i >>> 9)) & 255;

const pattern = Buffer.allocUnsafe(SIZE);
for (let i = 0; i < SIZE; i++) pattern[i] = byteAt(i);
require('fs').writeFileSync(file, pattern);
for (let i = 0; i < 50; i++) require('fs').writeFileSync(path.join(dir, `small${i}`), `small file ${i} `.repeat(i + 1));

let bad = 0;
let done = 0;
const weak = [];

function check(buf, pos, n) {
  for (let i = 0; i < n; i++) if (buf[i] !== byteAt(pos + i)) return false;
  return true;
}

let collecting = true;
function gcLoop() {
  if (!collecting) return;
  global.gc();
  setImmediate(gcLoop);
}

async function callbackReads(fd, count) {
  await new Promise((resolve) => {
    let left = count;
    for (let i = 0; i < count; i++) {
      const len = 1 + Math.floor(Math.random() * 16384);
      const pos = Math.floor(Math.random() * (SIZE - len));
      // The buffer is referenced by nothing but the request: it comes back in the callback.
      const buf = i % 3 === 0 ? Buffer.allocUnsafe(len) : i % 3 === 1 ? new Uint8Array(len) : Buffer.allocUnsafeSlow(len);
      if (i % 100 === 0) weak.push(new WeakRef(buf));
      fs.read(fd, buf, 0, len, pos, (err, n, b) => {
        if (err || n !== len || !check(b, pos, n)) bad++;
        done++;
        if (--left === 0) resolve();
      });
      if (i % 64 === 0) global.gc();
    }
  });
}

async function vectorReads(fd, count) {
  await new Promise((resolve) => {
    let left = count;
    for (let i = 0; i < count; i++) {
      const pos = Math.floor(Math.random() * (SIZE - 3000));
      fs.readv(fd, [Buffer.alloc(1000), new Uint8Array(17), Buffer.allocUnsafe(1983)], pos, (err, n, bufs) => {
        const all = Buffer.concat(bufs.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
        if (err || n !== 3000 || !check(all, pos, 3000)) bad++;
        done++;
        if (--left === 0) resolve();
      });
      if (i % 64 === 0) global.gc();
    }
  });
}

async function promiseReads(count) {
  const fh = await fsp.open(file);
  const jobs = [];
  for (let i = 0; i < count; i++) {
    const len = 1 + Math.floor(Math.random() * 8192);
    const pos = Math.floor(Math.random() * (SIZE - len));
    jobs.push(fh.read(Buffer.allocUnsafe(len), 0, len, pos).then(({ bytesRead, buffer }) => {
      if (bytesRead !== len || !check(buffer, pos, bytesRead)) bad++;
      done++;
    }));
    if (i % 64 === 0) global.gc();
  }
  await Promise.all(jobs);
  await fh.close();
}

async function wholeFiles(rounds) {
  for (let r = 0; r < rounds; r++) {
    const jobs = [];
    for (let i = 0; i < 50; i++) {
      const want = `small file ${i} `.repeat(i + 1);
      jobs.push(new Promise((resolve) => fs.readFile(path.join(dir, `small${i}`), 'utf8', (e, d) => {
        if (e || d !== want) bad++;
        done++;
        resolve();
      })));
      jobs.push(fsp.readFile(path.join(dir, `small${i}`), 'latin1').then((d) => {
        if (d !== want) bad++;
        done++;
      }));
    }
    jobs.push(fsp.readFile(file).then((d) => {
      if (!d.equals(pattern)) bad++;
      done++;
    }));
    global.gc();
    await Promise.all(jobs);
  }
}

(async () => {
  await fsp.stat(file); // the first job opens eloop's completion eventfd, which stays
  const fdsBefore = require('fs').readdirSync('/proc/self/fd').length;
  gcLoop();
  const fd = fs.openSync(file, 'r');
  for (let round = 0; round < 5; round++) {
    await callbackReads(fd, 4000);
    await vectorReads(fd, 500);
    await promiseReads(1000);
    await wholeFiles(2);
  }
  fs.closeSync(fd);
  collecting = false;
  // Buffers of finished reads are not kept by anything: they can be collected.
  await new Promise((resolve) => setImmediate(resolve));
  global.gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
  global.gc();
  const alive = weak.filter((w) => w.deref() !== undefined).length;
  const fdsAfter = require('fs').readdirSync('/proc/self/fd').length;
  console.log(JSON.stringify({ done, bad, alive, weak: weak.length, fdsBefore, fdsAfter }));
})();
