// libsys: load the native addon and export the call gate as it is.
'use strict';
const path = require('path');

function load() {
  const tried = [];
  for (const rel of ['build/Release/libsys.node', 'build/Debug/libsys.node', '../build/Release/libsys.node']) {
    const file = path.join(__dirname, rel);
    tried.push(file);
    try {
      return require(file);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  const err = new Error(`libsys: the native addon is not built (tried ${tried.join(', ')}); ` +
    'run `npm install` in the package (it needs libffi-dev and a C compiler)');
  err.code = 'ERR_LIBSYS_NOT_BUILT';
  throw err;
}

module.exports = load();
