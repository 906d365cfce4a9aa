// trace: unlinkat|unlink|rmdir(*leaf*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.mkdirSync('rr/a/b', { recursive: true });
fs.writeFileSync('rr/a/b/leaf', '');
fs.writeFileSync('rr/top', '');
fs.symlinkSync('/etc', 'rr/link');
show('not recursive', () => fs.rmSync('rr'));
show('recursive', () => fs.rmSync('rr', { recursive: true }));
show('gone', () => fs.existsSync('rr'));
show('enoent', () => fs.rmSync('rr', { recursive: true }));
show('force', () => fs.rmSync('rr', { recursive: true, force: true }));
show('force file', () => fs.rmSync('nofile', { force: true }));
fs.writeFileSync('f', '');
show('file', () => fs.rmSync('f'));
show('etc still', () => fs.existsSync('/etc/passwd'));
show('bad opts', () => fs.rmSync('x', { recursive: 'yes' }));
