// trace: mkdirat|mkdir(*m1*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
show('plain', () => fs.mkdirSync('m1'));
show('eexist', () => fs.mkdirSync('m1'));
show('enoent', () => fs.mkdirSync('m2/a/b'));
show('recursive', () => fs.mkdirSync('m2/a/b', { recursive: true }));
show('recursive again', () => fs.mkdirSync('m2/a/b', { recursive: true }));
show('recursive partial', () => fs.mkdirSync('m2/a/c/d', { recursive: true }));
show('mode', () => { fs.mkdirSync('m3', 0o700); return (fs.statSync('m3').mode & 0o777).toString(8); });
show('mode opts', () => { fs.mkdirSync('m4', { mode: '755' }); return (fs.statSync('m4').mode & 0o777).toString(8); });
fs.writeFileSync('file', '');
show('under file', () => fs.mkdirSync('file/x', { recursive: true }));
show('file exists', () => fs.mkdirSync('file', { recursive: true }));
show('bad mode', () => fs.mkdirSync('m5', { mode: 'abc' }));
for (const d of ['m1', 'm2', 'm3', 'm4']) fs.rmSync(d, { recursive: true });
fs.unlinkSync('file');
