// trace: getcwd
// A working directory longer than a page: the kernel's getcwd gives up and
// glibc's walk finds it too long for Node's PATH_MAX buffer: ERANGE (and
// fs.realpath's walk, which resolves from the cwd, throws it at once).
'use strict';
const fs = require('fs');
const { show } = require('./_util');
const name = 'a'.repeat(200);
for (let i = 0; i < 25; i++) {
  fs.mkdirSync(name);
  process.chdir(name);
}
show('cwd', () => process.cwd().length);
show('realpathSync', () => fs.realpathSync('x'));
show('realpath', () => fs.realpath('x', () => {}));
for (let i = 0; i < 25; i++) {
  process.chdir('..');
  fs.rmdirSync(name);
}
show('back', () => fs.readdirSync('.'));
