// trace: openat(*sd.txt*) close
'use strict';
const fs = require('fs');
const { err } = require('./_util');
fs.writeFileSync('sd.txt', 'x'.repeat(10000));
const steps = [
  (next) => {
    const rs = fs.createReadStream('sd.txt', { highWaterMark: 1000 });
    const ev = [];
    let n = 0;
    rs.on('data', () => { ev.push('data'); if (++n === 2) rs.destroy(); });
    rs.on('close', () => { console.log('destroy mid-read:', ev.join(','), rs.bytesRead, rs.destroyed); next(); });
  },
  (next) => {
    const rs = fs.createReadStream('sd.txt');
    rs.close((e) => { console.log('close before open:', err(e), rs.pending); next(); });
  },
  (next) => {
    const ac = new AbortController();
    const rs = fs.createReadStream('sd.txt', { signal: ac.signal, highWaterMark: 500 });
    rs.once('data', () => ac.abort());
    rs.on('error', (e) => console.log('aborted:', err(e)));
    rs.on('close', next);
  },
  (next) => {
    const ws = fs.createWriteStream('sd2.txt');
    ws.on('open', () => ws.destroy(new Error('stop')));
    ws.on('error', (e) => console.log('ws destroyed with:', e.message));
    ws.on('close', () => { console.log('ws closed', fs.existsSync('sd2.txt')); next(); });
  },
  (next) => {
    const ws = fs.createWriteStream('sd2.txt');
    ws.end('a');
    ws.write('b', (e) => console.log('write after end:', err(e)));
    ws.on('error', () => {});
    ws.on('close', () => { console.log('content', fs.readFileSync('sd2.txt', 'utf8')); next(); });
  },
  (next) => {
    const ws = fs.createWriteStream('sd2.txt');
    ws.write('closing');
    ws.close(() => { ws.close(() => { console.log('closed twice', fs.readFileSync('sd2.txt', 'utf8')); next(); }); });
  },
];
const run = (i) => (i < steps.length ? steps[i](() => run(i + 1)) : (fs.unlinkSync('sd.txt'), fs.unlinkSync('sd2.txt')));
run(0);
