// trace: open|openat(*ws.txt*) write|pwrite64|writev close
'use strict';
const fs = require('fs');
const events = [];
const ws = fs.createWriteStream('ws.txt');
console.log(ws.constructor.name, ws instanceof fs.WriteStream, ws.path, ws.pending);
ws.on('open', (fd) => events.push(`open ${typeof fd}`));
ws.on('ready', () => events.push('ready'));
ws.on('finish', () => events.push(`finish ${ws.bytesWritten}`));
ws.on('close', () => {
  events.push('close');
  console.log(events.join('\n'));
  console.log(JSON.stringify(fs.readFileSync('ws.txt', 'utf8')));
  const ap = fs.createWriteStream('ws.txt', { flags: 'a' });
  ap.end('appended', () => {
    console.log(fs.readFileSync('ws.txt', 'utf8').length);
    const bad = fs.createWriteStream('no/dir/x.txt');
    bad.on('error', (e) => console.log('error', e.code, e.syscall, e.message));
    bad.on('close', () => { console.log('bad closed'); fs.unlinkSync('ws.txt'); });
  });
});
console.log('write returns', ws.write('hello '));
ws.write(Buffer.from('world'));
ws.cork();
ws.write('\n1');
ws.write('\n2');
ws.uncork();
ws.end('\nbye');
