// trace: openat(*missing*) statx|newfstatat(*missing*) mkdirat(*dir*) unlinkat(*dir*) renameat|renameat2 readlinkat linkat symlinkat
// System errors from the callback forms: code, errno, syscall, path, dest and
// message as Node's, and how many arguments the callback gets.
'use strict';
const fs = require('fs');
const { err } = require('./_util');
fs.mkdirSync('dir');
fs.writeFileSync('file', 'x');
const calls = [
  ['open', (cb) => fs.open('missing', 'r', cb)],
  ['open wx', (cb) => fs.open('file', 'wx', cb)],
  ['stat', (cb) => fs.stat('missing/x', cb)],
  ['lstat', (cb) => fs.lstat('missing', cb)],
  ['access', (cb) => fs.access('missing', cb)],
  ['mkdir', (cb) => fs.mkdir('dir', cb)],
  ['mkdir -p', (cb) => fs.mkdir('file/a/b', { recursive: true }, cb)],
  ['rmdir', (cb) => fs.rmdir('dir/none', cb)],
  ['rmdir file', (cb) => fs.rmdir('file', cb)],
  ['unlink', (cb) => fs.unlink('dir', cb)],
  ['rename', (cb) => fs.rename('missing', 'other', cb)],
  ['link', (cb) => fs.link('missing', 'other', cb)],
  ['symlink', (cb) => fs.symlink('x', 'file', cb)],
  ['readlink', (cb) => fs.readlink('file', cb)],
  ['readdir', (cb) => fs.readdir('file', cb)],
  ['copyFile', (cb) => fs.copyFile('dir', 'copy', cb)],
  ['copyFile excl', (cb) => fs.copyFile('file', 'file', fs.constants.COPYFILE_EXCL, cb)],
  ['chmod', (cb) => fs.chmod('missing', 0o600, cb)],
  ['utimes', (cb) => fs.utimes('missing', 1, 1, cb)],
  ['truncate', (cb) => fs.truncate('dir', 1, cb)],
  ['readFile', (cb) => fs.readFile('dir', cb)],
  ['writeFile', (cb) => fs.writeFile('dir', 'x', cb)],
  ['appendFile', (cb) => fs.appendFile('missing/x', 'x', cb)],
  ['realpath', (cb) => fs.realpath('missing/deeper', cb)],
  ['realpath.native', (cb) => fs.realpath.native('missing', cb)],
  ['rm', (cb) => fs.rm('dir', cb)],
  ['rm missing', (cb) => fs.rm('missing', cb)],
  ['fstat', (cb) => fs.fstat(9999, cb)],
  ['close', (cb) => fs.close(9999, cb)],
  ['read', (cb) => fs.read(9999, Buffer.alloc(1), 0, 1, 0, cb)],
  ['write', (cb) => fs.write(9999, 'x', cb)],
  ['fsync', (cb) => fs.fsync(9999, cb)],
  ['statfs', (cb) => fs.statfs('missing', cb)],
];
(async () => {
  for (const [label, start] of calls) {
    await new Promise((resolve) => start((...args) => {
      console.log(label, args.length, args[0] ? err(args[0]) : args[0]);
      console.log('  stack', JSON.stringify(args[0] && args[0].stack));
      resolve();
    }));
  }
  fs.rmSync('dir', { recursive: true });
  fs.unlinkSync('file');
})();
