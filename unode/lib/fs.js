// unode: the `fs` module. Each form of the API is a part under
// unode/internal/fs/; this file lays their functions out in the order of
// Node 20's module object and adds what Node defines on it.
'use strict';

const pub = require('../internal/fs/public');
const constants = require('../internal/fs/constants');

// One entry per form; a form not written yet is simply not listed (the
// loader's UNODE_STRICT names what is missing, the parity harness shows it).
const parts = [
  require('../internal/fs/sync'),
  require('../internal/fs/callback'),
  require('../internal/fs/lazy'),
];

// Node 20's own key order (Object.keys(require('fs'))) before its extra properties.
const order = [
  'appendFile', 'appendFileSync', 'access', 'accessSync', 'chown', 'chownSync', 'chmod',
  'chmodSync', 'close', 'closeSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'createReadStream', 'createWriteStream', 'exists', 'existsSync', 'fchown', 'fchownSync',
  'fchmod', 'fchmodSync', 'fdatasync', 'fdatasyncSync', 'fstat', 'fstatSync', 'fsync',
  'fsyncSync', 'ftruncate', 'ftruncateSync', 'futimes', 'futimesSync', 'lchown', 'lchownSync',
  'lchmod', 'lchmodSync', 'link', 'linkSync', 'lstat', 'lstatSync', 'lutimes', 'lutimesSync',
  'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'open', 'openSync', 'openAsBlob', 'readdir',
  'readdirSync', 'read', 'readSync', 'readv', 'readvSync', 'readFile', 'readFileSync',
  'readlink', 'readlinkSync', 'realpath', 'realpathSync', 'rename', 'renameSync', 'rm', 'rmSync',
  'rmdir', 'rmdirSync', 'stat', 'statfs', 'statSync', 'statfsSync', 'symlink', 'symlinkSync',
  'truncate', 'truncateSync', 'unwatchFile', 'unlink', 'unlinkSync', 'utimes', 'utimesSync',
  'watch', 'watchFile', 'writeFile', 'writeFileSync', 'write', 'writeSync', 'writev',
  'writevSync', 'Dirent', 'Stats', 'ReadStream', 'WriteStream', 'FileReadStream',
  'FileWriteStream', '_toUnixTimestamp', 'Dir', 'opendir', 'opendirSync',
];

const fs = {};
const placed = new Set();
for (const key of order) {
  for (const part of parts) {
    const d = Object.getOwnPropertyDescriptor(part, key);
    if (d !== undefined) {
      Object.defineProperty(fs, key, d);
      placed.add(key);
      break;
    }
  }
}

// F_OK..X_OK and constants are read-only, as in Node.
Object.defineProperties(fs, {
  F_OK: { enumerable: true, value: constants.F_OK },
  R_OK: { enumerable: true, value: constants.R_OK },
  W_OK: { enumerable: true, value: constants.W_OK },
  X_OK: { enumerable: true, value: constants.X_OK },
  constants: { configurable: false, enumerable: true, value: constants },
});

// Whatever else a part offers that Node's object has no place for (promises,
// when its part arrives) goes last, with the part's own descriptor.
for (const part of parts) {
  for (const key of Reflect.ownKeys(part)) {
    if (placed.has(key) || key in fs || key === 'BigIntStats' || key === 'StatFs') continue;
    Object.defineProperty(fs, key, Object.getOwnPropertyDescriptor(part, key));
  }
}

pub.setModule(fs);

module.exports = fs;
