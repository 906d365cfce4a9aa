#!/usr/bin/env node
// libsys: build the native addon with node-gyp, offline, against the headers
// of the node that runs this script (never downloading them).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const pkgDir = path.resolve(__dirname, '..');
const dir = process.argv[2] ? path.resolve(process.argv[2]) : pkgDir;

function fail(msg) {
  process.stderr.write(`libsys: ${msg}\n`);
  process.exit(1);
}

// node-gyp's --nodedir is a prefix under which include/node/ holds the headers:
// the prefix of the running node (/usr for Debian's nodejs), else the one
// node was configured with.
function findNodeDir() {
  const candidates = [
    process.env.LIBSYS_NODEDIR,
    path.dirname(path.dirname(process.execPath)),
    process.config && process.config.variables && process.config.variables.node_prefix,
    '/usr',
    '/usr/local',
  ].filter(Boolean);
  for (const c of candidates)
    if (fs.existsSync(path.join(c, 'include', 'node', 'node_api.h'))) return c;
  fail(`Node's headers were not found (looked for include/node/node_api.h under ${candidates.join(', ')}); ` +
       'install them (Debian: the nodejs package ships them) or set LIBSYS_NODEDIR');
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try { candidates.push(require.resolve('node-gyp/bin/node-gyp.js')); } catch {}
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  fail('node-gyp was not found; it ships with npm (set npm_config_node_gyp to its bin/node-gyp.js)');
}

function checkFfi() {
  const dirs = ['/usr/include', '/usr/local/include', `/usr/include/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`];
  if (!dirs.some((d) => fs.existsSync(path.join(d, 'ffi.h'))))
    fail("libffi's headers (ffi.h) are missing: install them first (Debian: apt-get install libffi-dev)");
}

checkFfi();
const nodedir = findNodeDir();
const gyp = findNodeGyp();
const args = [gyp, 'rebuild', `--nodedir=${nodedir}`];
if (process.env.LIBSYS_DEBUG) args.push('--debug');
const r = spawnSync(process.execPath, args, { cwd: dir, stdio: 'inherit' });
if (r.error) fail(`could not run node-gyp: ${r.error.message}`);
process.exit(r.status === null ? 1 : r.status);
