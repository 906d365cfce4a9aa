// trace: open|openat(*rs.txt*) read|pread64 close
'use strict';
const fs = require('fs');
fs.writeFileSync('rs.txt', 'abcdefghijklmnopqrstuvwxyz'.repeat(100));
const events = [];
const rs = fs.createReadStream('rs.txt', { highWaterMark: 1000 });
console.log(rs.constructor.name, rs instanceof fs.ReadStream, rs.path, rs.pending);
rs.on('open', (fd) => events.push(`open ${typeof fd}`));
rs.on('ready', () => events.push('ready'));
rs.on('data', (d) => events.push(`data ${d.length}`));
rs.on('end', () => events.push(`end ${rs.bytesRead}`));
rs.on('close', () => {
  events.push('close');
  console.log(events.join('\n'));
  const part = fs.createReadStream('rs.txt', { start: 2, end: 5, encoding: 'utf8' });
  part.on('data', (d) => console.log('part', d));
  part.on('close', () => {
    const bad = fs.createReadStream('nope.txt');
    bad.on('error', (e) => { console.log('error', e.code, e.syscall, e.message); });
    bad.on('close', () => { console.log('bad closed'); fs.unlinkSync('rs.txt'); });
  });
});
