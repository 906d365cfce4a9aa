// unode/internal/fs: the public fs module object, for the calls Node makes
// through it (readFileSync -> fs.openSync, truncateSync -> fs.ftruncateSync,
// rimraf -> fs.rmdirSync, ...), so that code which patches fs.* (graceful-fs
// and friends) sees them as in Node. Under the unode command that object is
// Node's own `fs`, onto which the loader copied unode's functions; loaded on
// its own (tests, libraries), it is unode/lib/fs.js's object.
'use strict';

const nodeFs = require('fs');
let own = null;

module.exports = {
  // unode/lib/fs.js registers its module object here.
  setModule(m) {
    own = m;
  },
  get fs() {
    if (own === null) own = require('./sync');
    // Node's object counts only once unode's functions were installed on it.
    return nodeFs.Stats === own.Stats ? nodeFs : own;
  },
};
