// Test fixture for UNODE_TEST_REGISTRY: which fake serves which module is
// chosen by UNODE_FIXTURE (a comma-separated list of names).
'use strict';
const path = require('path');
const f = (name) => path.join(__dirname, name);
const all = {
  os: { name: 'os', kind: 'module', file: f('fake_os.js') },
  fs: { name: 'fs', kind: 'module', file: f('fake_fs.js'), keep: ['promises'] },
  tty: { name: 'tty', kind: 'install', file: f('fake_tty.js'), members: ['isatty'] },
  'tty-partial': { name: 'tty', kind: 'install', file: f('fake_tty.js'), members: ['isatty', 'WriteStream'] },
  'os-missing': { name: 'os', kind: 'module', file: f('does_not_exist.js') },
  'string_decoder-missing': { name: 'string_decoder', kind: 'module', file: f('does_not_exist.js') },
  'process-missing': { name: 'process', kind: 'install', file: f('does_not_exist.js'), members: ['cwd', 'umask'] },
  'os-broken': { name: 'os', kind: 'module', file: f('broken.js') },
};
module.exports = {
  only: process.env.UNODE_FIXTURE_ONLY !== '0',
  served: (process.env.UNODE_FIXTURE || '').split(',').filter(Boolean).map((n) => all[n]),
};
