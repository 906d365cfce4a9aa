// trace: mkdirat|mkdir(*a*)
'use strict';
// What mkdirSync({ recursive: true }) returns (the first directory it made),
// with trailing slashes, dots, Buffers and URLs.
const fs = require('fs');
const path = require('path');
const { show } = require('./_util');
const rel = (p) => (typeof p === 'string' ? path.relative(process.cwd(), p) || '.' : p);
show('deep', () => rel(fs.mkdirSync(path.resolve('a/b/c'), { recursive: true })));
show('again', () => fs.mkdirSync('a/b/c', { recursive: true }));
show('one more', () => fs.mkdirSync('a/b/c/d', { recursive: true }));
show('slash', () => fs.mkdirSync('s/t/', { recursive: true }));
show('dots', () => fs.mkdirSync('a/x/../y', { recursive: true }));
show('buffer', () => fs.mkdirSync(Buffer.from('buf/é'), { recursive: true }));
show('url', () => rel(fs.mkdirSync(new URL(`file://${process.cwd()}/u/v`), { recursive: true })));
show('mode', () => { fs.mkdirSync('m/n', { recursive: true, mode: 0o700 }); return (fs.statSync('m/n').mode & 0o777).toString(8); });
fs.writeFileSync('file', '');
show('through a file', () => fs.mkdirSync('file/a/b', { recursive: true }));
show('onto a file', () => fs.mkdirSync('file', { recursive: true }));
show('not recursive', () => fs.mkdirSync('a'));
for (const d of ['a', 's', 'buf', 'u', 'm']) fs.rmSync(d, { recursive: true });
fs.unlinkSync('file');
