// libjs: libc in JavaScript on libsys. Everything in one object: the raw
// wrappers (result or -errno), syscall numbers (nr), errno names and
// messages, constants; struct codecs, vDSO time and the checked tier load on
// first use.
'use strict';
const sys = require('./sys');
const raw = require('./raw');
const nr = require('./sysnr');
const errno = require('./errno');
const constants = require('./constants');
const { cstring } = require('./args');

const api = {};

function add(from, what) {
  for (const [k, v] of Object.entries(from)) {
    if (k in api && api[k] !== v) throw new Error(`libjs: ${k} from ${what} is already exported`);
    api[k] = v;
  }
}

add(raw, 'the wrappers');
add(errno.E, 'errno');
add(constants, 'constants');
add({
  syscall: sys.syscall,
  syscall64: sys.syscall64,
  nr,
  errno,
  E: errno.E,
  errname: errno.errname,
  strerror: errno.strerror,
  constants,
  signame: constants.signame,
  cstring,
}, 'libjs');

// Modules written beside this one: loaded when first used, so that one that
// is missing or broken does not stop the rest of libjs from loading.
// Literal requires, so that a bundler sees them (unode/dist).
const later = { struct: () => require('./struct'), vdso: () => require('./vdso'), checked: () => require('./checked') };
for (const [name, load] of Object.entries(later)) {
  let cached;
  Object.defineProperty(api, name, {
    enumerable: true,
    get() {
      if (cached === undefined) cached = load();
      return cached;
    },
  });
}

module.exports = Object.freeze(api);
