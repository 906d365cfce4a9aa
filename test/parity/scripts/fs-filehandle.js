// trace: open|openat(*fh.txt*) read|pread64 write|pwrite64 close
'use strict';
const fsp = require('fs/promises');
const { showAsync, stat } = require('./_util');
(async () => {
  const fh = await fsp.open('fh.txt', 'w+');
  console.log('class', fh.constructor.name, typeof fh.fd);
  await showAsync('write', async () => { const r = await fh.write(Buffer.from('hello')); return [r.bytesWritten, r.buffer.toString()]; });
  await showAsync('write str', async () => { const r = await fh.write(' world', null, 'utf8'); return [r.bytesWritten, r.buffer]; });
  await showAsync('write pos', async () => (await fh.write(Buffer.from('H'), 0, 1, 0)).bytesWritten);
  await showAsync('read', async () => { const b = Buffer.alloc(20); const r = await fh.read(b, 0, 20, 0); return [r.bytesRead, b.toString('utf8', 0, r.bytesRead)]; });
  await showAsync('read opts', async () => { const r = await fh.read({ buffer: Buffer.alloc(5), position: 6 }); return [r.bytesRead, r.buffer.toString()]; });
  await showAsync('readFile', () => fh.readFile({ encoding: 'utf8' }));
  await showAsync('stat', async () => stat(await fh.stat()));
  await showAsync('truncate', async () => { await fh.truncate(5); return (await fh.stat()).size; });
  await showAsync('writeFile', async () => { await fh.writeFile('more'); return (await fh.stat()).size; });
  await showAsync('appendFile', async () => { await fh.appendFile('!'); return (await fh.stat()).size; });
  await showAsync('chmod', async () => { await fh.chmod(0o600); return ((await fh.stat()).mode & 0o777).toString(8); });
  await showAsync('utimes', async () => { await fh.utimes(1, 2); return (await fh.stat()).mtimeMs; });
  await showAsync('sync', () => fh.sync());
  await showAsync('datasync', () => fh.datasync());
  await showAsync('writev', async () => (await fh.writev([Buffer.from('a'), Buffer.from('b')], 0)).bytesWritten);
  await showAsync('readv', async () => { const b = Buffer.alloc(2); return [(await fh.readv([b], 0)).bytesRead, b.toString()]; });
  await showAsync('close', () => fh.close());
  await showAsync('fd after close', async () => fh.fd);
  await showAsync('read closed', () => fh.read(Buffer.alloc(1), 0, 1, 0));
  await showAsync('open enoent', () => fsp.open('nope/x', 'r'));
  await fsp.unlink('fh.txt');
})();
