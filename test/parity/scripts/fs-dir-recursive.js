// trace: openat(*dr*O_DIRECTORY*) getdents64 close
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.mkdirSync('dr/sub/deep', { recursive: true });
for (let i = 0; i < 40; i++) fs.writeFileSync(`dr/sub/f${String(i).padStart(2, '0')}`, '');
fs.writeFileSync('dr/sub/deep/x', '');
fs.writeFileSync('dr/top', '');
fs.symlinkSync('top', 'dr/link');

const all = (dir) => {
  const out = [];
  for (let d; (d = dir.readSync()) !== null;) out.push(`${d.parentPath}/${d.name}${d.isDirectory() ? '/' : d.isSymbolicLink() ? '@' : ''}`);
  dir.closeSync();
  return out;
};
// Node 20.20 reads one batch (bufferSize entries) of each subdirectory.
const r32 = all(fs.opendirSync('dr', { recursive: true }));
console.log('recursive, bufferSize 32:', r32.length, r32.filter((s) => !s.includes('/f')).sort().join(' '));
console.log('recursive, bufferSize 100:', all(fs.opendirSync('dr', { recursive: true, bufferSize: 100 })).length);
console.log('buffer names:', all(fs.opendirSync('dr', { encoding: 'buffer' })).length);
const hex = fs.opendirSync('dr', 'hex');
console.log('hex names:', all(hex).sort().join(' '));
show('closed path', () => hex.path);
show('bufferSize 0', () => fs.opendirSync('dr', { bufferSize: 0 }));
show('bufferSize string', () => fs.opendirSync('dr', { bufferSize: '1' }));
show('path number', () => fs.opendirSync(1));
show('callback missing', () => fs.opendir('dr'));

(async () => {
  const d = fs.opendirSync('dr/sub', { bufferSize: 4 });
  d.read((e, ent) => console.log('queued read 1', e, typeof ent.name));
  d.read((e, ent) => console.log('queued read 2', e, typeof ent.name));
  show('readSync during read', () => d.readSync());
  show('closeSync during read', () => d.closeSync());
  await new Promise((resolve) => d.close((e) => { console.log('close after reads', e); resolve(); }));
  show('read after close', () => d.read());
  await d.close().catch((e) => console.log('close() again', e.code));
  const names = [];
  for await (const e of await fs.promises.opendir('dr', { recursive: true, bufferSize: 5 })) names.push(e.name);
  console.log('for await recursive', names.length);
  const it = await fs.promises.opendir('dr/sub');
  for await (const e of it) { console.log('break after', typeof e.name); break; }
  await it.close().catch((e) => console.log('closed by break', e.code));
  fs.opendir('dr/top', (e) => {
    console.log('opendir a file', e.code, e.syscall, e.path, e.message);
    fs.rmSync('dr', { recursive: true });
  });
})();
