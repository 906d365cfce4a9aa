// trace: mkdirat|mkdir(*to*) open|openat(*to*)
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.mkdirSync('from/sub', { recursive: true });
fs.writeFileSync('from/a', 'A');
fs.writeFileSync('from/sub/b', 'B');
fs.symlinkSync('a', 'from/ln');
const list = (d) => fs.readdirSync(d, { recursive: true }).sort();
show('no recursive', () => fs.cpSync('from', 'to'));
show('recursive', () => { fs.cpSync('from', 'to', { recursive: true }); return list('to'); });
show('link kept', () => fs.readlinkSync('to/ln'));
show('errorOnExist', () => fs.cpSync('from', 'to', { recursive: true, force: false, errorOnExist: true }));
show('filter', () => { fs.cpSync('from', 'to2', { recursive: true, filter: (s) => !s.endsWith('b') }); return list('to2'); });
show('file', () => { fs.cpSync('from/a', 'one'); return fs.readFileSync('one', 'utf8'); });
show('into self', () => fs.cpSync('from', 'from/sub/x', { recursive: true }));
(async () => {
  await showCb('cb', (cb) => fs.cp('from', 'to3', { recursive: true }, (e) => cb(e, e ? null : list('to3'))));
  await showCb('promise', (cb) => fs.promises.cp('from', 'to4', { recursive: true }).then(() => cb(null, list('to4')), cb));
  for (const d of ['from', 'to', 'to2', 'to3', 'to4', 'one']) fs.rmSync(d, { recursive: true, force: true });
})();
