// libjs: the syscall numbers of the running architecture, { read: 0, ... }.
'use strict';

// One literal require per table, so that a bundler sees both (unode/dist).
function table() {
  switch (process.arch) {
    case 'x64': return require('./x86_64');
    case 'arm64': return require('./aarch64');
  }
  const err = new Error(`libjs: no syscall table for architecture ${process.arch} (have x64, arm64)`);
  err.code = 'ERR_LIBJS_ARCH';
  throw err;
}

// The table's own object, frozen (a frozen copy costs ~0.5 ms at start-up).
module.exports = Object.freeze(table());
