// trace: open|openat(*nope.txt*) open|openat(*adir*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.mkdirSync('adir');
show('enoent', () => fs.readFileSync('nope.txt'));
show('eisdir', () => fs.readFileSync('adir'));
show('enotdir', () => fs.readFileSync('nope.txt/x'));
show('abs', () => fs.readFileSync(process.cwd() + '/nope.txt', 'utf8'));
show('bad enc', () => fs.readFileSync('adir', 'nope-enc'));
show('bad flag', () => fs.readFileSync('adir', { flag: 'q' }));
fs.rmdirSync('adir');
