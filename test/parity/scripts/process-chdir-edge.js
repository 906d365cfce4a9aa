// trace: chdir getcwd
'use strict';
const fs = require('fs');
const path = require('path');
const { show } = require('./_util');
const start = process.cwd();
fs.mkdirSync('d');
fs.writeFileSync('f', '');
show('nul cut', () => { process.chdir(`${start}/d\0/nothing`); return path.basename(process.cwd()); });
show('back', () => { process.chdir(start); return process.cwd() === start; });
show('empty', () => process.chdir(''));
show('nul enoent', () => process.chdir('/nope\0x'));
show('file', () => process.chdir('f/x'));
for (const arg of [undefined, null, {}, Buffer.from('/'), 1]) {
  show(`type ${typeof arg}`, () => process.chdir(arg));
}
show('root', () => { process.chdir('/'); return process.cwd(); });
show('dots', () => { process.chdir(`${start}/d/../d/.`); return path.basename(process.cwd()); });
process.chdir(start);
fs.rmdirSync('d');
fs.unlinkSync('f');
