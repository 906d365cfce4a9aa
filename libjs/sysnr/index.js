// libjs: the syscall numbers of the running architecture, { read: 0, ... }.
'use strict';

const tables = {
  x64: './x86_64',
  arm64: './aarch64',
};

const file = tables[process.arch];
if (!file) {
  const err = new Error(`libjs: no syscall table for architecture ${process.arch} (have x64, arm64)`);
  err.code = 'ERR_LIBJS_ARCH';
  throw err;
}

module.exports = Object.freeze({ ...require(file) });
