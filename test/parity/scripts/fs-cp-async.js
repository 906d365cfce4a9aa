// trace: mkdirat|mkdir(*cpdst*) openat(*cpsrc*)
'use strict';
const fs = require('fs');
const { err } = require('./_util');
fs.mkdirSync('cpsrc/sub', { recursive: true });
fs.writeFileSync('cpsrc/a', 'A');
fs.writeFileSync('cpsrc/sub/b', 'B');
fs.chmodSync('cpsrc/sub/b', 0o400);
fs.symlinkSync('a', 'cpsrc/ln');
const list = (d) => fs.readdirSync(d, { recursive: true }).sort().join(' ');
const p = fs.promises;
(async () => {
  await p.cp('cpsrc', 'cpdst', { recursive: true, filter: async (s) => !s.endsWith('/b') });
  console.log('filtered', list('cpdst'));
  await p.cp('cpsrc', 'cpdst2', { recursive: true, preserveTimestamps: true });
  console.log('copied', list('cpdst2'), (fs.statSync('cpdst2/sub/b').mode & 0o777).toString(8), fs.readlinkSync('cpdst2/ln').endsWith('cpsrc/a'));
  for (const [label, args] of [
    ['exists', ['cpsrc/a', 'cpdst/a', { force: false, errorOnExist: true }]],
    ['is dir', ['cpsrc', 'cpdst3']],
    ['into self', ['cpsrc', 'cpsrc/sub/x', { recursive: true }]],
    ['same', ['cpsrc', 'cpsrc', { recursive: true }]],
    ['dir onto file', ['cpsrc', 'cpsrc/a', { recursive: true }]],
    ['file onto dir', ['cpsrc/a', 'cpdst']],
    ['missing', ['nothing', 'cpdst4']],
    ['bad option', ['cpsrc', 'cpdst4', { force: 'yes' }]],
    ['pair', ['cpsrc', 'cpdst4', { dereference: true, verbatimSymlinks: true }]],
  ]) {
    await p.cp(...args).then(() => console.log(label, 'ok'), (e) => console.log(label, err(e)));
  }
  fs.cp('cpsrc/a', 'cpdst5/deep/a', (e) => {
    console.log('callback', e, fs.readFileSync('cpdst5/deep/a', 'utf8'));
    try { fs.cp('cpsrc', 'x'); } catch (e2) { console.log('no callback', err(e2)); }
    for (const d of ['cpsrc', 'cpdst', 'cpdst2', 'cpdst5']) fs.rmSync(d, { recursive: true, force: true });
  });
})();
