// trace: statx|newfstatat|lstat(*src*)
'use strict';
// cpSync's SystemErrors and option errors, printed whole.
const fs = require('fs');
const util = require('util');
fs.mkdirSync('src/sub', { recursive: true });
fs.writeFileSync('src/a', 'a');
fs.writeFileSync('file', 'f');
const show = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok', fs.existsSync('dst') ? fs.readdirSync('dst', { recursive: true }).sort() : '');
  } catch (e) {
    console.log(label, util.inspect(e).split('\n').filter((l) => !/^ +at /.test(l)).join('\n'));
  }
};
show('dir without recursive', () => fs.cpSync('src', 'dst'));
show('into itself', () => fs.cpSync('src', 'src/sub/x', { recursive: true }));
show('same', () => fs.cpSync('src', 'src', { recursive: true }));
show('dir onto file', () => fs.cpSync('src', 'file', { recursive: true }));
show('file onto dir', () => fs.cpSync('file', 'src'));
show('exists', () => fs.cpSync('file', 'src/a', { force: false, errorOnExist: true }));
show('options', () => fs.cpSync('src', 'dst', { recursive: 'yes' }));
show('both', () => fs.cpSync('src', 'dst', { dereference: true, verbatimSymlinks: true }));
show('filter promise', () => fs.cpSync('src', 'dst', { recursive: true, filter: async () => true }));
show('copy', () => fs.cpSync('src', 'dst', { recursive: true }));
fs.rmSync('src', { recursive: true });
fs.rmSync('dst', { recursive: true });
fs.unlinkSync('file');
