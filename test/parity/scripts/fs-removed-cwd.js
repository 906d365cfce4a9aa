// trace: getdents64 readlink|readlinkat getcwd
// A working directory removed while in use: listing it gives an empty list
// (glibc's readdir ends at the kernel's ENOENT), and realpath(3) fails with
// ENOENT for a relative path (getcwd fails), even for '..'.
'use strict';
const fs = require('fs');
const path = require('path');
const { show, showCb } = require('./_util');
const top = process.cwd();
fs.mkdirSync('g/sub', { recursive: true });
fs.writeFileSync('g/f', '');
process.chdir('g/sub');
fs.rmdirSync(path.join(top, 'g/sub'));
(async () => {
  show('readdirSync', () => fs.readdirSync('.'));
  show('readdirSync withFileTypes', () => fs.readdirSync('.', { withFileTypes: true }));
  show('readdirSync recursive', () => fs.readdirSync('.', { recursive: true }));
  show('Dir.readSync', () => {
    const d = fs.opendirSync('.');
    try {
      return d.readSync();
    } finally {
      d.closeSync();
    }
  });
  await showCb('readdir', (cb) => fs.readdir('.', cb));
  console.log('promises.readdir', await fs.promises.readdir('.'));
  const d = await fs.promises.opendir('.');
  console.log('Dir.read', await d.read());
  await d.close();
  show('realpathSync.native .', () => fs.realpathSync.native('.'));
  show('realpathSync.native ..', () => fs.realpathSync.native('..'));
  show('realpathSync.native absolute', () => path.relative(top, fs.realpathSync.native(path.join(top, 'g'))));
  show('realpathSync.native /proc/self/cwd', () => fs.realpathSync.native('/proc/self/cwd'));
  await showCb('realpath.native ..', (cb) => fs.realpath.native('..', cb));
  try {
    await fs.promises.realpath('f');
  } catch (e) {
    console.log('promises.realpath', e.code, e.syscall);
  }
  show('process.cwd', () => process.cwd());
  process.chdir(top);
  fs.rmSync('g', { recursive: true });
})();
