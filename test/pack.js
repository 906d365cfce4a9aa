// Mocha's first require (.mocharc.json): the tests run unode as users do, from
// a fresh start-up pack (unode/dist, docs/modules.md), rebuilt here when a
// source changed since it was built. A failed build only warns: unode then
// starts from its sources, and test/unode/boot.test.js reports the failure.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const build = path.join(__dirname, '..', 'unode', 'scripts', 'build.js');
if (require(build).stale() !== null) {
  spawnSync(process.execPath, [build, '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
