// bench: unode's fs against Node's fs, in one process, variants interleaved
// round after round, medians of rounds, ratio unode/node (below 1: unode is
// faster). Sync part: stat, lstat, fstat, readFileSync of a small file,
// readdirSync of 10,000 entries, writeFileSync, readSync of 64 bytes. Rows
// with a target also time their floor, interleaved with the others: the
// kernel call alone, in a C loop inside this process (libsys.bench).
// `node bench/fs.js` (ROUNDS, ITER; DIR=/some/dir to list another directory;
// SYNC_ONLY=1 for the sync rows alone)
'use strict';
const nodeFs = require('fs');
const os = require('os');
const path = require('path');
const ufs = require('../unode/lib/fs.js');
const libsys = require('libsys');
const { run, table } = require('./common');

const ROUNDS = Number(process.env.ROUNDS || 11);
const ITER = Number(process.env.ITER || 50000);
let sink;

const tmp = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'bench-fs-'));
const small = path.join(tmp, 'small.txt');
nodeFs.writeFileSync(small, 'x'.repeat(1000));
const fd = nodeFs.openSync(small, 'r');
const buf64 = Buffer.alloc(64);
const out = path.join(tmp, 'out.txt');
const content = 'hello, world\n'.repeat(10);

// Targets (issue 5): Bun 1.4's node:fs here, as a fraction of node's time.
// Floors: the kernel call unode makes, alone, timed in C (ns per call); and
// for the stat family the least any JavaScript can do with it: the same call
// through libsys's register gate, then a Stats object (with the four eager
// Dates Node 20 has and unode must match; unode's Stats class, the cheaper of
// the two).
const AT_SYMLINK_NOFOLLOW = 0x100;
const nr = require('../libjs/sysnr');
const R = libsys.regs;
const scratch = Buffer.alloc(256);
const scratchAt = Number(libsys.addressOf(scratch));
const stx = (dirfd, flags, path) => {
  R[0] = nr.statx; R[1] = dirfd; R[2] = 0; R[3] = flags; R[4] = 0xfff; R[5] = scratchAt; R[6] = 0; R[7] = 2;
  return path === null ? libsys.syscallRegs() : libsys.syscallRegs(path);
};
const t = 1763856561140.123;
const { Stats } = require('../unode/internal/fs/stats');
const aStats = () => new Stats(2049, 33188, 1, 0, 0, 0, 4096, 123456, 1000, 8, t, t, t, t);
const floor = {
  stat: (n) => libsys.bench.statx(small, 0, n),
  lstat: (n) => libsys.bench.statx(small, AT_SYMLINK_NOFOLLOW, n),
  fstat: (n) => libsys.bench.fstatx(fd, n),
  pread: (n) => libsys.bench.pread(fd, 64, n),
};
const withStats = {
  stat: (n) => { for (let i = 0; i < n; i++) { stx(-100, 0, small); sink = aStats(); } },
  lstat: (n) => { for (let i = 0; i < n; i++) { stx(-100, AT_SYMLINK_NOFOLLOW, small); sink = aStats(); } },
  fstat: (n) => { for (let i = 0; i < n; i++) { stx(fd, 0x1000, null); sink = aStats(); } },
};

// Each row: [label, (fs, n) => void, iterations, floor?, target?, floor from JS + a Stats?]
const rows = [
  ['statSync', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.statSync(small); }, ITER, floor.stat, 0.77,
    withStats.stat],
  ['statSync bigint', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.statSync(small, { bigint: true }); }, ITER],
  ['statSync missing, throwIfNoEntry false', (fs, n) => {
    for (let i = 0; i < n; i++) sink = fs.statSync(`${small}.nope`, { throwIfNoEntry: false });
  }, ITER],
  ['lstatSync', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.lstatSync(small); }, ITER, floor.lstat, 0.77,
    withStats.lstat],
  ['fstatSync', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.fstatSync(fd); }, ITER, floor.fstat, 0.60,
    withStats.fstat],
  ['existsSync', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.existsSync(small); }, ITER],
  ['readSync 64 B (pread)', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.readSync(fd, buf64, 0, 64, 0); }, ITER,
    floor.pread, 0.66],
  ['readFileSync 1 kB', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.readFileSync(small); }, ITER / 4],
  ['readFileSync 1 kB utf8', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.readFileSync(small, 'utf8'); }, ITER / 4],
  ['writeFileSync 130 B string', (fs, n) => { for (let i = 0; i < n; i++) fs.writeFileSync(out, content); }, ITER / 10],
  ['writeFileSync 130 B Buffer', (fs, n) => {
    const b = Buffer.from(content);
    for (let i = 0; i < n; i++) fs.writeFileSync(out, b);
  }, ITER / 10],
  ['writeFileSync 130 B to /dev/null', (fs, n) => { for (let i = 0; i < n; i++) fs.writeFileSync('/dev/null', content); },
    ITER / 4],
  ['openSync + closeSync', (fs, n) => { for (let i = 0; i < n; i++) fs.closeSync(fs.openSync(small, 'r')); }, ITER / 2],
  ['realpathSync', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.realpathSync(small); }, ITER / 4],
  ['statSync ENOENT (throws)', (fs, n) => {
    for (let i = 0; i < n; i++) { try { fs.statSync(`${small}.nope`); } catch (e) { sink = e; } }
  }, ITER / 10],
];

const dir = process.env.DIR || path.join(tmp, 'dir');
if (!process.env.DIR) {
  nodeFs.mkdirSync(dir);
  for (let i = 0; i < 10000; i++) nodeFs.writeFileSync(path.join(dir, `entry-${(i * 7919 % 10007).toString(36)}-${i}.txt`), '');
}
// The listing's floor: openat, getdents64 until the end, close, in C.
const listFloor = (n) => libsys.bench.listdir(dir, n);
const dirRows = [
  ['readdirSync 10,000 entries', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.readdirSync(dir); }, 20,
    listFloor, 0.64],
  ['readdirSync 10,000 withFileTypes', (fs, n) => { for (let i = 0; i < n; i++) sink = fs.readdirSync(dir, { withFileTypes: true }); }, 20],
];

function bench(list, unit, scale) {
  const result = [];
  const fmt = (x) => (x / scale).toFixed(scale === 1 ? 0 : 2).padStart(8);
  for (const [label, fn, iterations, floorFn, target, jsFloorFn] of list) {
    const variants = {
      node: (n) => fn(nodeFs, n),
      unode: (n) => fn(ufs, n),
    };
    if (floorFn) variants.floor = floorFn;
    if (jsFloorFn) variants.jsFloor = jsFloorFn;
    const r = run(variants, { rounds: ROUNDS, iterations });
    let text = `node ${fmt(r.node)} ${unit}   unode ${fmt(r.unode)} ${unit}   ratio ${(r.unode / r.node).toFixed(2)}`;
    if (floorFn) {
      text += `   target <= ${target.toFixed(2)}   floor ${fmt(r.floor)} ${unit} = ${(r.floor / r.node).toFixed(2)}` +
        (r.floor / r.node > target ? ' (target below the floor)' : '');
    }
    if (jsFloorFn) {
      const q = r.jsFloor / r.node;
      text += `; from JS + a Stats ${(q).toFixed(2)}${q > target ? ' (target below it)' : ''}`;
    }
    result.push([label, text]);
  }
  return result;
}

try {
  table(`fs sync calls (median of ${ROUNDS} rounds, interleaved; ratio = unode / node; ` +
    'floor = the kernel call alone, in C in this process, and its share of node\'s time; ' +
    'from JS + a Stats = that call through the register gate, then new Stats)', bench(rows, 'ns', 1));
  table('directory listing', bench(dirRows, 'ms', 1e6));
} finally {
  nodeFs.closeSync(fd);
  nodeFs.rmSync(tmp, { recursive: true, force: true });
}
void sink;

// The asynchronous rows (callback and promise forms): bench/fs-async.js;
// then streams (the 1 GiB copy): bench/fs-streams.js.
// SYNC_ONLY=1 stops here.
if (!process.env.SYNC_ONLY) require('./fs-async').main(ROUNDS).then(() => require('./fs-streams').main());
