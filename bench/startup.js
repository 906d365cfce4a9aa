// bench: start-up of `unode -e 0` against `node -e 0` (and a tiny script file,
// whose loading goes through unode's fs once unode serves fs). Variants run
// interleaved, round after round; figures are medians. `node bench/startup.js`
// (ROUNDS=n to change the number of rounds, 40 by default).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, table } = require('./common');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'unode', 'bin', 'unode.js');
const link = path.join(root, 'node_modules', '.bin', 'unode');
const node = process.execPath;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unode-startup-'));
const script = path.join(dir, 'hello.js');
fs.writeFileSync(script, 'console.log("hi");\n');
const empty = path.join(dir, 'empty.js');
fs.writeFileSync(empty, '');

// The same node for every variant: the shell part of bin/unode.js runs `node`
// from PATH.
const env = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` };
for (const k of Object.keys(env)) if (k.startsWith('UNODE_') || k === 'NODE_OPTIONS') delete env[k];

const variants = {
  'node -e 0': [node, ['-e', '0']],
  'unode -e 0': [bin, ['-e', '0']],
  'unode -e 0 (npm .bin symlink)': [link, ['-e', '0']],
  'node -r <preload> -e 0': [node, ['-r', bin, '-e', '0']],
  'node -r <empty file> -e 0': [node, ['-r', empty, '-e', '0']],
  'node hello.js': [node, [script]],
  'unode hello.js': [bin, [script]],
};
if (!fs.existsSync(link)) delete variants['unode -e 0 (npm .bin symlink)'];

function once([file, args]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const rounds = Number(process.env.ROUNDS || 40);
const names = Object.keys(variants);
const samples = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < rounds + 3; r++) {
  for (const name of names) {
    const ms = once(variants[name]);
    if (r >= 3) samples[name].push(ms);
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const m = Object.fromEntries(names.map((n) => [n, median(samples[n])]));
const f = (x) => `${x.toFixed(1).padStart(6)} ms`;
table(`start-up, median of ${rounds} interleaved rounds`, names.map((n) => [n, f(m[n])]));
const diff = (a, b) => `${(m[a] / m[b]).toFixed(3)}x, ${(m[a] - m[b] >= 0 ? '+' : '')}${(m[a] - m[b]).toFixed(1)} ms`;
const rows = [
  ['unode -e 0 / node -e 0', diff('unode -e 0', 'node -e 0'), 'target: at most +15 ms'],
  ['node -r <preload> / node -e 0', diff('node -r <preload> -e 0', 'node -e 0'), 'the preload alone'],
  ['node -r <empty file> / node -e 0', diff('node -r <empty file> -e 0', 'node -e 0'), 'any preload file'],
  ['unode -e 0 / node -r <preload>', diff('unode -e 0', 'node -r <preload> -e 0'), 'the shell alone'],
  ['unode hello.js / node hello.js', diff('unode hello.js', 'node hello.js'), 'a script file (loads unode fs when served)'],
];
if (m['unode -e 0 (npm .bin symlink)'] !== undefined)
  rows.splice(1, 0, ['unode (symlink) / node -e 0', diff('unode -e 0 (npm .bin symlink)', 'node -e 0')]);
table('ratios', rows);
