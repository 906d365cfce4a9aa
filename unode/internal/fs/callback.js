// unode/internal/fs: the callback half of fs, gathered from its parts (file
// I/O, metadata, names, directories, whole files), with fs.promises.
// unode/lib/fs.js lays these out in Node's order. Every call runs its system
// calls as eloop jobs (jobs.js); see docs/fs.md.
'use strict';

const fio = require('./callback-io');
const fstat = require('./callback-stat');
const fpaths = require('./callback-paths');
const fdirs = require('./callback-dirs');
const files = require('./callback-files');

const part = {
  appendFile: files.appendFile,
  access: fstat.access,
  chown: fstat.chown,
  chmod: fstat.chmod,
  close: fio.close,
  copyFile: fpaths.copyFile,
  exists: fstat.exists,
  fchown: fstat.fchown,
  fchmod: fstat.fchmod,
  fdatasync: fio.fdatasync,
  fstat: fstat.fstat,
  fsync: fio.fsync,
  ftruncate: fio.ftruncate,
  futimes: fstat.futimes,
  lchown: fstat.lchown,
  // Node has lchmod only where O_SYMLINK exists (macOS): undefined on Linux.
  lchmod: undefined,
  link: fpaths.link,
  lstat: fstat.lstat,
  lutimes: fstat.lutimes,
  mkdir: fpaths.mkdir,
  mkdtemp: fpaths.mkdtemp,
  open: fio.open,
  readdir: fdirs.readdir,
  read: fio.read,
  readv: fio.readv,
  readFile: files.readFile,
  readlink: fpaths.readlink,
  realpath: fdirs.realpath,
  rename: fpaths.rename,
  rm: fdirs.rm,
  rmdir: fdirs.rmdir,
  stat: fstat.stat,
  statfs: fstat.statfs,
  symlink: fpaths.symlink,
  truncate: fio.truncate,
  unlink: fpaths.unlink,
  utimes: fstat.utimes,
  writeFile: files.writeFile,
  write: fio.write,
  writev: fio.writev,
};

// fs.promises: the fs/promises module object, loaded at first use as in Node.
let promises = null;
Object.defineProperty(part, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('../../lib/fs_promises');
    return promises;
  },
});

module.exports = part;
