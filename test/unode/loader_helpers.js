// Tests of the unode command and loader: run `unode` or `node` as a child, the
// way a user would (by name, node's directory first on PATH).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'unode', 'bin', 'unode.js');
const FIXTURES = path.join(__dirname, 'loader_fixtures');

function env(extra = {}) {
  const e = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('UNODE_') && k !== 'NODE_OPTIONS') e[k] = v;
  }
  e.PATH = `${path.dirname(process.execPath)}:${process.env.PATH}`;
  return Object.assign(e, extra);
}

// Runs `cmd args` (cmd: 'node', 'unode' or a path); { stdout, stderr, status, signal }.
function run(cmd, args, opts = {}) {
  const file = cmd === 'unode' ? BIN : cmd;
  const r = spawnSync(file, args, {
    cwd: opts.cwd || os.tmpdir(),
    env: env(opts.env),
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout || 30000,
  });
  if (r.error) throw r.error;
  return r;
}

// The loader with only the fixture modules of loader_fixtures/registry.js.
function fixtureEnv(names, extra = {}) {
  return { UNODE_TEST_REGISTRY: path.join(FIXTURES, 'registry.js'), UNODE_FIXTURE: names, ...extra };
}

function tmpdir(t) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'unode-test-'));
  t.push(d);
  return d;
}

module.exports = { ROOT, BIN, FIXTURES, run, env, fixtureEnv, tmpdir };
