// bench: start-up of `unode` against `node`: `-e 0`, a one-line script, an ES
// module, and requiring a tree of modules (every file of which Node's
// CommonJS loader reads, stats and resolves through fs, unode's once served).
// Variants run interleaved, round after round; each figure is a median over
// rounds of the wall time and of the CPU time (user + system, from
// getrusage(RUSAGE_CHILDREN), which a busy machine disturbs less), and each
// difference the median of the per-round differences (unode and node of the
// same round, so that a burst of load elsewhere hits both).
// `node bench/startup.js` (ROUNDS=n, 40 by default). The pack unode starts
// from (unode/dist/unode.pack) is built first if missing or stale.
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

// The same node for every variant: the shell part of bin/unode.js runs `node` from PATH.
const env = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` };
for (const k of Object.keys(env)) if (k.startsWith('UNODE_') || k === 'NODE_OPTIONS') delete env[k];

const built = spawnSync(node, [path.join(root, 'unode', 'scripts', 'build.js'), '--if-stale'], { env, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`building the pack failed: ${built.stderr}`);
const bootFile = path.join(root, 'unode', 'internal', 'boot.js');
const source = spawnSync(bin, ['-p', `require(${JSON.stringify(bootFile)}).source()`], { env, encoding: 'utf8' }).stdout.trim();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unode-startup-'));
const write = (name, text) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const script = write('hello.js', 'console.log("hi");\n');
const esm = write('hello.mjs', 'import { readFileSync } from "node:fs";\nconsole.log(typeof readFileSync);\n');
const empty = write('empty.js', '');

// A tree of 300 modules in 30 packages under node_modules, each file ~2 KB,
// each package's index requiring its files and the next package: what Node's
// CommonJS loader does for an application's dependencies (resolve through
// node_modules, read package.json, realpath, read every file).
const PACKAGES = 30;
const FILES = 10;
for (let p = 0; p < PACKAGES; p++) {
  const pkg = `node_modules/pkg${p}`;
  write(`${pkg}/package.json`, JSON.stringify({ name: `pkg${p}`, version: '1.0.0', main: 'lib/index.js' }));
  const requires = [];
  for (let f = 0; f < FILES; f++) {
    const body = Array.from({ length: 40 }, (_, i) =>
      `function f${i}(a, b) { return a * ${i} + (b || 0) + ${f}; } // filler to make the file ~2 KB`);
    write(`${pkg}/lib/m${f}.js`, `'use strict';\n${body.join('\n')}\nmodule.exports = { f0, f39 };\n`);
    requires.push(`require('./m${f}')`);
  }
  if (p + 1 < PACKAGES) requires.push(`require('pkg${p + 1}')`);
  write(`${pkg}/lib/index.js`, `'use strict';\nmodule.exports = [${requires.join(', ')}];\n`);
}
// Prints the time the require itself took (in-process), after start-up.
const tree = write('tree.js', [
  "const { performance } = require('perf_hooks');",
  'const t = performance.now();',
  "require('pkg0');",
  'process.stdout.write(`${performance.now() - t}\\n`);',
].join('\n'));

const variants = {
  'node -e 0': [node, ['-e', '0']],
  'unode -e 0': [bin, ['-e', '0']],
  'unode -e 0 (npm .bin symlink)': [link, ['-e', '0']],
  'unode -e 0 (sources, UNODE_PACK=0)': [bin, ['-e', '0'], { UNODE_PACK: '0' }],
  'node -r <preload> -e 0': [node, ['-r', bin, '-e', '0']],
  'node -r <empty file> -e 0': [node, ['-r', empty, '-e', '0']],
  'node hello.js': [node, [script]],
  'unode hello.js': [bin, [script]],
  'node hello.mjs': [node, [esm]],
  'unode hello.mjs': [bin, [esm]],
  'node tree.js': [node, [tree]],
  'unode tree.js': [bin, [tree]],
};
if (!fs.existsSync(link)) delete variants['unode -e 0 (npm .bin symlink)'];

function once([file, args, extra]) {
  const c0 = childCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { env: { ...env, ...extra }, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${r.stderr}`);
  return [ms, childCpuMs() - c0, r.stdout.toString()];
}

const rounds = Number(process.env.ROUNDS || 40);
const names = Object.keys(variants);
const wall = Object.fromEntries(names.map((n) => [n, []]));
const cpu = Object.fromEntries(names.map((n) => [n, []]));
const requireMs = { node: [], unode: [] };
for (let r = 0; r < rounds + 3; r++) {
  for (const name of names) {
    const [ms, cms, out] = once(variants[name]);
    if (r < 3) continue;
    wall[name].push(ms);
    cpu[name].push(cms);
    if (name.endsWith('tree.js')) requireMs[name.split(' ')[0]].push(Number(out));
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const f = (x) => `${x.toFixed(1).padStart(6)} ms`;
table(`start-up, median of ${rounds} interleaved rounds (wall, CPU); unode starts from: ${source}`,
  names.map((n) => [n, `${f(median(wall[n]))}  ${f(median(cpu[n]))}`]));
// Median over rounds of a - b (same round).
const paired = (xs, a, b) => median(xs[a].map((x, i) => x - xs[b][i]));
const sign = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} ms`;
const diff = (a, b) => `wall ${sign(paired(wall, a, b))}, CPU ${sign(paired(cpu, a, b))}`;
const rows = [
  ['unode -e 0 - node -e 0', diff('unode -e 0', 'node -e 0'), 'target: at most +15 ms'],
  ['unode hello.js - node hello.js', diff('unode hello.js', 'node hello.js'), 'target: at most +15 ms'],
  ['unode hello.mjs - node hello.mjs', diff('unode hello.mjs', 'node hello.mjs'), 'target: at most +15 ms'],
  ['unode tree.js - node tree.js', diff('unode tree.js', 'node tree.js'),
    `the require of ${PACKAGES * (FILES + 1)} modules alone: node ${f(median(requireMs.node))}, unode ${f(median(requireMs.unode))}`],
  ['unode -e 0 (sources) - node -e 0', diff('unode -e 0 (sources, UNODE_PACK=0)', 'node -e 0'), 'without the pack'],
  ['unode -e 0 - node -r <preload> -e 0', diff('unode -e 0', 'node -r <preload> -e 0'), 'the shell part of bin/unode.js'],
  ['node -r <empty file> - node -e 0', diff('node -r <empty file> -e 0', 'node -e 0'), 'what any preload file costs'],
];
if (wall['unode -e 0 (npm .bin symlink)'] !== undefined) {
  rows.splice(1, 0, ['unode (symlink) -e 0 - node -e 0', diff('unode -e 0 (npm .bin symlink)', 'node -e 0')]);
}
table('differences (median of per-round differences)', rows);
