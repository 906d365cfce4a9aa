// unode/internal/fs: the public fs module object, for the calls Node makes
// through it (truncateSync -> fs.openSync, rimraf -> fs.rmdirSync, ...), so
// that code which patches fs.* (graceful-fs and friends) sees them as in Node.
// unode/lib/fs.js sets `fs`; until then it is the sync functions alone.
'use strict';

module.exports = { fs: null };
