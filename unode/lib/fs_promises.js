// unode: the `fs/promises` module (also `fs.promises`). Its functions are
// parts under unode/internal/fs/; this file lays them out in the order of
// Node 20's module object.
'use strict';

// One entry per part; a part not written yet is simply not listed (cp and
// watch belong to other parts of fs: the loader's UNODE_STRICT names what is
// missing).
const parts = [
  // The same constants object as fs.constants (Node's own, under the unode command).
  { constants: require('../internal/fs/public').fs.constants },
  require('../internal/fs/promises'),
  { opendir: require('../internal/fs/dir').opendirPromise },
  { cp: require('../internal/fs/cp').cpPromise, watch: require('../internal/fs/watch').watchPromise },
];

// Node 20's key order (Object.keys(require('fs/promises'))).
const order = [
  'access', 'copyFile', 'cp', 'open', 'opendir', 'rename', 'truncate', 'rm', 'rmdir', 'mkdir',
  'readdir', 'readlink', 'symlink', 'lstat', 'stat', 'statfs', 'link', 'unlink', 'chmod',
  'lchmod', 'lchown', 'chown', 'utimes', 'lutimes', 'realpath', 'mkdtemp', 'writeFile',
  'appendFile', 'readFile', 'watch', 'constants',
];

const fsPromises = {};
for (const key of order) {
  for (const part of parts) {
    const d = Object.getOwnPropertyDescriptor(part, key);
    if (d !== undefined) {
      Object.defineProperty(fsPromises, key, d);
      break;
    }
  }
}

module.exports = fsPromises;
