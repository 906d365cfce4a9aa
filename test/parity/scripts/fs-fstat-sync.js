// trace: fstat|statx(*3*)||fstat
'use strict';
const fs = require('fs');
const { show, stat } = require('./_util');
fs.writeFileSync('fs.txt', 'abcdef');
const fd = fs.openSync('fs.txt', 'r');
show('fstat', () => stat(fs.fstatSync(fd)));
show('stdin type', () => typeof fs.fstatSync(0).isFIFO());
show('ebadf', () => fs.fstatSync(9999));
show('bad fd', () => fs.fstatSync(-1));
show('bad type', () => fs.fstatSync('0'));
fs.closeSync(fd);
fs.unlinkSync('fs.txt');
