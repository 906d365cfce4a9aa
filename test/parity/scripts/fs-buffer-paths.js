// trace: open|openat(*b1.txt*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
show('write', () => fs.writeFileSync(Buffer.from('b1.txt'), 'buf path'));
show('read', () => fs.readFileSync(Buffer.from('b1.txt'), 'utf8'));
show('u8', () => fs.readFileSync(new Uint8Array(Buffer.from('b1.txt')), 'utf8'));
show('stat', () => fs.statSync(Buffer.from('b1.txt')).size);
show('nul', () => fs.readFileSync(Buffer.from('b1\0.txt')));
show('string nul', () => fs.readFileSync('b1\0.txt'));
show('missing', () => fs.readFileSync(Buffer.from('zz')));
show('readdir buf', () => fs.readdirSync(Buffer.from('.'), { encoding: 'buffer' }).map(String));
fs.unlinkSync(Buffer.from('b1.txt'));
