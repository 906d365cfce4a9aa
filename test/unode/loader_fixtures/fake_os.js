// Test fixture: a served `os` that answers hostname() itself and lacks cpus
// (so a partial module can be tested); everything else is Node's.
'use strict';
const nodeOs = require('os'); // while this loads, the loader gives Node's values
const fake = {};
for (const k of Object.keys(nodeOs)) if (k !== 'cpus') fake[k] = nodeOs[k];
fake.hostname = function hostname() { return 'unode-fake-host'; };
module.exports = fake;
