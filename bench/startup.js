// bench: start-up of `unode -e 0` against `node -e 0` (and a tiny script file,
// whose loading goes through unode's fs once unode serves fs). Variants run
// interleaved, round after round; figures are medians of the wall time and of
// the CPU time (user + system, from getrusage(RUSAGE_CHILDREN), which a busy
// machine disturbs less). `node bench/startup.js` (ROUNDS=n, 40 by default).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, table } = require('./common');
const { getrusage } = require('libjs/resource');
const { RUSAGE_CHILDREN } = require('libjs/constants');

// CPU seconds (user + system) of all waited-for children so far, in ms.
const ru = Buffer.alloc(144);
function childCpuMs() {
  if (getrusage(RUSAGE_CHILDREN, ru) !== 0) throw new Error('getrusage failed');
  const tv = (o) => Number(ru.readBigInt64LE(o)) * 1e3 + Number(ru.readBigInt64LE(o + 8)) / 1e3;
  return tv(0) + tv(16);
}

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
  const c0 = childCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${r.stderr}`);
  return [ms, childCpuMs() - c0];
}

const rounds = Number(process.env.ROUNDS || 40);
const names = Object.keys(variants);
const wall = Object.fromEntries(names.map((n) => [n, []]));
const cpu = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < rounds + 3; r++) {
  for (const name of names) {
    const [ms, cms] = once(variants[name]);
    if (r >= 3) { wall[name].push(ms); cpu[name].push(cms); }
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const m = Object.fromEntries(names.map((n) => [n, median(wall[n])]));
const c = Object.fromEntries(names.map((n) => [n, median(cpu[n])]));
const f = (x) => `${x.toFixed(1).padStart(6)} ms`;
table(`start-up, median of ${rounds} interleaved rounds (wall, CPU)`, names.map((n) => [n, `${f(m[n])}  ${f(c[n])}`]));
const d1 = (x, a, b) => `${(x[a] / x[b]).toFixed(2)}x ${(x[a] - x[b] >= 0 ? '+' : '')}${(x[a] - x[b]).toFixed(1)} ms`;
const diff = (a, b) => `wall ${d1(m, a, b)}, CPU ${d1(c, a, b)}`;
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
