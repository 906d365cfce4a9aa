// trace: open|openat(*od*O_DIRECTORY*) getdents64 close
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.mkdirSync('od');
for (const n of ['x', 'y', 'z']) fs.writeFileSync(`od/${n}`, '');
fs.mkdirSync('od/sub');
const dir = fs.opendirSync('od');
console.log(dir.constructor.name, dir.path);
const names = [];
let d;
while ((d = dir.readSync()) !== null) names.push(`${d.name}:${d.isDirectory()}`);
console.log(names.sort().join(' '));
dir.closeSync();
show('read closed', () => dir.readSync());
show('close closed', () => dir.closeSync());
show('enoent', () => fs.opendirSync('none'));
show('enotdir', () => fs.opendirSync('od/x'));
(async () => {
  const all = [];
  for await (const e of await fs.promises.opendir('od')) all.push(e.name);
  console.log('for await', all.sort().join(' '));
  const d2 = fs.opendirSync('od', { bufferSize: 1 });
  const first = await d2.read();
  console.log('read', typeof first.name);
  d2.close((e) => {
    console.log('closed', e);
    fs.opendir('od', (e2, d3) => {
      d3.read((e3, ent) => {
        console.log('cb read', e3, typeof ent.name);
        setImmediate(() => {
          d3.closeSync();
          fs.rmSync('od', { recursive: true });
        });
      });
    });
  });
})();
