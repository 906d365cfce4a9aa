// trace: open|openat(*a.txt*) read close
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.writeFileSync('a.txt', 'hello\nworld\n');
show('utf8', () => JSON.stringify(fs.readFileSync('a.txt', 'utf8')));
show('buffer', () => fs.readFileSync('a.txt').toString('hex'));
show('options', () => fs.readFileSync('a.txt', { encoding: 'base64' }));
show('latin1', () => fs.readFileSync('a.txt', { encoding: 'latin1', flag: 'r' }).length);
show('empty', () => { fs.writeFileSync('e.txt', ''); return fs.readFileSync('e.txt').length; });
show('proc', () => fs.readFileSync('/proc/self/comm', 'utf8').length > 0);
fs.unlinkSync('a.txt');
fs.unlinkSync('e.txt');
