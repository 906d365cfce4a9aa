// trace: open|openat(*ap.txt*O_APPEND*) write|pwrite64|writev close
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.appendFileSync('ap.txt', 'a');
fs.appendFileSync('ap.txt', Buffer.from('b'));
fs.appendFileSync('ap.txt', 'c', 'utf8');
fs.appendFileSync('ap.txt', 'd', { flag: 'a' });
show('content', () => fs.readFileSync('ap.txt', 'utf8'));
const fd = fs.openSync('ap.txt', 'a');
fs.appendFileSync(fd, 'e');
fs.closeSync(fd);
show('by fd', () => fs.readFileSync('ap.txt', 'utf8'));
show('bad', () => fs.appendFileSync('ap.txt', 42));
fs.unlinkSync('ap.txt');
