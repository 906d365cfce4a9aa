// trace: statx|newfstatat|stat(*nope*) open|openat(*nope*) unlinkat|rmdir(*dir*)
'use strict';
// How fs's errors print (console.log uses util.inspect): the stack header,
// the own properties after it, SystemErrors with their accessors.
const fs = require('fs');
const util = require('util');
fs.mkdirSync('dir');
const cases = [
  () => fs.statSync('nope'),
  () => fs.openSync('nope/x', 'r'),
  () => fs.renameSync('nope', 'other'),
  () => fs.readFileSync('dir', 'utf8'),
  () => fs.rmSync('dir'),
  () => fs.openSync(12),
  () => fs.closeSync('x'),
  () => fs.readSync(1, Buffer.alloc(4), 0, 5),
  () => fs.accessSync('dir', 'x'),
  () => fs.symlinkSync('a', 'b', 'nope'),
  () => fs.cpSync('dir', 'dir/inside', { recursive: true }),
];
for (const c of cases) {
  try {
    c();
  } catch (e) {
    console.log(util.inspect(e).split('\n').filter((l) => !/^ +at /.test(l)).join('\n'));
    console.log(String(e), e instanceof Error, Object.getOwnPropertyNames(e).join(','));
  }
}
fs.rmdirSync('dir');
