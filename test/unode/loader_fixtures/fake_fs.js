// Test fixture: a served `fs` that counts the calls Node's own module loader
// makes through it (readFileSync, realpathSync), delegating to Node's fs.
'use strict';
const nodeFs = require('fs');
// Node's functions, taken while this loads (the loader hands out Node's values
// until the implementation is in place; afterwards nodeFs holds this module's).
const nodeRead = nodeFs.readFileSync;
const nodeRealpath = nodeFs.realpathSync;
const fake = {};
const counts = { readFileSync: 0, realpathSync: 0 };
for (const k of Object.keys(nodeFs)) fake[k] = nodeFs[k];
fake.readFileSync = function readFileSync(...args) { counts.readFileSync++; return nodeRead(...args); };
fake.realpathSync = function realpathSync(...args) { counts.realpathSync++; return nodeRealpath(...args); };
fake.realpathSync.native = nodeRealpath.native;
fake.unodeFakeCounts = counts;
module.exports = fake;
