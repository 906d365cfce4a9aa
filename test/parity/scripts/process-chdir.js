// trace: chdir(*sub*) getcwd
'use strict';
const fs = require('fs');
const path = require('path');
const { show } = require('./_util');
const start = process.cwd();
fs.mkdirSync('sub/inner', { recursive: true });
show('chdir', () => { process.chdir('sub'); return process.cwd(); });
show('resolve agrees', () => path.resolve('f') === path.join(start, 'sub', 'f'));
show('relative file', () => { fs.writeFileSync('here.txt', 'x'); return fs.existsSync(path.join(start, 'sub', 'here.txt')); });
show('chdir ..', () => { process.chdir('..'); return process.cwd(); });
show('abs', () => { process.chdir(path.join(start, 'sub', 'inner')); return process.cwd(); });
show('enoent', () => process.chdir('nope'));
show('enotdir', () => process.chdir(path.join(start, 'sub', 'here.txt')));
show('type', () => process.chdir(42));
process.chdir(start);
fs.rmSync('sub', { recursive: true });
