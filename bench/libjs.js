// bench: libjs's wrappers, struct codecs and vDSO time against Node: fstat
// and stat by path + decode vs fs.fstatSync/fs.statSync, a getdents64 listing
// of 10,000 entries vs fs.readdirSync, vDSO clock_gettime vs
// process.hrtime.bigint() vs the system call. One run, variants interleaved,
// medians of rounds. Each target's floor is timed in the same run: the kernel
// call alone, in a C loop inside this process (libsys.bench), and for stat by
// path the Node-API floor: a C function that makes that one call, called from JS.
// `node bench/libjs.js` (ROUNDS, ITER, DIR=/some/dir for the listing)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const L = require('../libjs');
const { syscall } = require('../libjs/sys');
const nr = require('../libjs/sysnr');
const c = require('../libjs/constants');
const { stat, statx, dirent64 } = require('../libjs/struct');
const vdso = require('../libjs/vdso');
const libsys = require('libsys');
const { run, table } = require('./common');

const ROUNDS = Number(process.env.ROUNDS || 9);
const ITER = Number(process.env.ITER || 200000);
const f = (x, unit = 'ns', d = 1) => `${x.toFixed(d).padStart(9)} ${unit}`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
let sink;

// stat
const file = __filename;
const fd = fs.openSync(file, 'r');
const sbuf = Buffer.alloc(stat.SIZE);
const xbuf = Buffer.alloc(statx.SIZE);
const BASIC = 0x7ff;
const fileZ = Buffer.from(`${file}\0`); // the path pre-encoded: no string marshalling
const r1 = run({
  'L.fstat + decode': (n) => { for (let i = 0; i < n; i++) { L.fstat(fd, sbuf); sink = stat.decode(sbuf); } },
  'fs.fstatSync': (n) => { for (let i = 0; i < n; i++) sink = fs.fstatSync(fd); },
  'L.stat + decode': (n) => { for (let i = 0; i < n; i++) { L.stat(file, sbuf); sink = stat.decode(sbuf); } },
  'L.stat(Buffer path) + decode': (n) => { for (let i = 0; i < n; i++) { L.stat(fileZ, sbuf); sink = stat.decode(sbuf); } },
  'L.statx + decode': (n) => { for (let i = 0; i < n; i++) { L.statx(c.AT_FDCWD, file, 0, BASIC, xbuf); sink = statx.decode(xbuf); } },
  'fs.statSync': (n) => { for (let i = 0; i < n; i++) sink = fs.statSync(file); },
  'syscall() fstat + decode': (n) => { for (let i = 0; i < n; i++) { syscall(nr.fstat, fd, sbuf); sink = stat.decode(sbuf); } },
  'syscall() stat + decode': (n) => { for (let i = 0; i < n; i++) { syscall(nr.newfstatat, c.AT_FDCWD, file, sbuf, 0); sink = stat.decode(sbuf); } },
  'stat.decode alone': (n) => { for (let i = 0; i < n; i++) sink = stat.decode(sbuf); },
  'stat.decodeBigInt alone': (n) => { for (let i = 0; i < n; i++) sink = stat.decodeBigInt(sbuf); },
  'floor: C loop SYS_fstat': (n) => libsys.bench.fstat(fd, n),
  'floor: C loop statx(path)': (n) => libsys.bench.statx(file, 0, n),
  'floor: Node-API, stat(path) in C': (n) => { for (let i = 0; i < n; i++) sink = libsys.bench.statOnce(file); },
}, { rounds: ROUNDS, iterations: ITER });

// clocks
const ts = Buffer.alloc(16);
const r2 = run({
  'vdso.hrtimeBigInt()': (n) => { for (let i = 0; i < n; i++) sink = vdso.hrtimeBigInt(); },
  'process.hrtime.bigint()': (n) => { for (let i = 0; i < n; i++) sink = process.hrtime.bigint(); },
  'vdso.hrtimeMono()': (n) => { for (let i = 0; i < n; i++) sink = vdso.hrtimeMono(); },
  'process.hrtime()': (n) => { for (let i = 0; i < n; i++) sink = process.hrtime(); },
  'vdso.clock_gettime(ts)': (n) => { for (let i = 0; i < n; i++) sink = vdso.clock_gettime(1, ts); },
  'syscall clock_gettime': (n) => { for (let i = 0; i < n; i++) sink = syscall(nr.clock_gettime, 1, ts); },
  'C loop vDSO clock_gettime': (n) => libsys.bench.clock_gettime(1, n),
}, { rounds: ROUNDS, iterations: ITER * 5 });

// readdir of 10,000 entries
const dir = process.env.DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'bench-libjs-'));
const made = !process.env.DIR;
if (made) for (let i = 0; i < 10000; i++) fs.writeFileSync(path.join(dir, `entry-${String(i).padStart(5, '0')}.txt`), '');
const dbuf = Buffer.alloc(65536);
const DIRFLAGS = c.O_RDONLY | c.O_DIRECTORY | c.O_CLOEXEC;
function listDir(withTypes) {
  const d = L.openat(c.AT_FDCWD, dir, DIRFLAGS, 0);
  const names = [], types = withTypes ? [] : undefined;
  for (let n; (n = L.getdents64(d, dbuf, dbuf.length)) > 0;) dirent64.list(dbuf, n, names, types);
  L.close(d);
  return names;
}
function rawDir() {
  const d = L.openat(c.AT_FDCWD, dir, DIRFLAGS, 0);
  let k = 0;
  for (let n; (n = L.getdents64(d, dbuf, dbuf.length)) > 0;) k += n;
  L.close(d);
  return k;
}
const count = listDir(false).length;
const r3 = run({
  'getdents64 + list': (n) => { for (let i = 0; i < n; i++) sink = listDir(false); },
  'fs.readdirSync': (n) => { for (let i = 0; i < n; i++) sink = fs.readdirSync(dir); },
  'getdents64 + list, types': (n) => { for (let i = 0; i < n; i++) sink = listDir(true); },
  'fs.readdirSync withFileTypes': (n) => { for (let i = 0; i < n; i++) sink = fs.readdirSync(dir, { withFileTypes: true }); },
  'getdents64 only, from JS': (n) => { for (let i = 0; i < n; i++) sink = rawDir(); },
  'floor: C loop listing': (n) => libsys.bench.listdir(dir, n),
}, { rounds: ROUNDS, iterations: 20 });
if (made) fs.rmSync(dir, { recursive: true, force: true });
fs.closeSync(fd);

table(`stat (ns per call, median of ${ROUNDS} interleaved rounds)`, Object.entries(r1).map(([k, v]) => [k, f(v)]));
table('vDSO time (ns per call)', Object.entries(r2).map(([k, v]) => [k, f(v)]));
table(`listing ${count} entries in ${dir} (ms per listing)`, Object.entries(r3).map(([k, v]) => [k, f(v / 1e6, 'ms', 3)]));
const floorNote = (f, node) => `floor ${ratio(f, node)} (the kernel call alone, in C)`;
table('ratios', [
  ['L.fstat + decode / fs.fstatSync', ratio(r1['L.fstat + decode'], r1['fs.fstatSync']), 'target <= 0.60x',
    floorNote(r1['floor: C loop SYS_fstat'], r1['fs.fstatSync'])],
  ['L.stat + decode / fs.statSync', ratio(r1['L.stat + decode'], r1['fs.statSync']), 'target <= 0.60x',
    floorNote(r1['floor: C loop statx(path)'], r1['fs.statSync'])],
  ['  same, path pre-encoded', ratio(r1['L.stat(Buffer path) + decode'], r1['fs.statSync']), '(string marshalling excluded)'],
  ['  Node-API floor / fs.statSync', ratio(r1['floor: Node-API, stat(path) in C'], r1['fs.statSync']),
    '(a C function making the one call, from JS; nothing decoded)'],
  ['L.statx + decode / fs.statSync', ratio(r1['L.statx + decode'], r1['fs.statSync']), 'target <= 0.60x',
    floorNote(r1['floor: C loop statx(path)'], r1['fs.statSync'])],
  ['  syscall() fstat, stat + decode', `${ratio(r1['syscall() fstat + decode'], r1['fs.fstatSync'])}, ` +
    `${ratio(r1['syscall() stat + decode'], r1['fs.statSync'])}`, '(the generic gate, for comparison)'],
  ['getdents64 + list / fs.readdirSync', ratio(r3['getdents64 + list'], r3['fs.readdirSync']), 'target <= 0.60x',
    floorNote(r3['floor: C loop listing'], r3['fs.readdirSync'])],
  ['  with types / withFileTypes', ratio(r3['getdents64 + list, types'], r3['fs.readdirSync withFileTypes'])],
  ['  getdents64 alone from JS', ratio(r3['getdents64 only, from JS'], r3['fs.readdirSync'])],
  ['syscall / vDSO clock_gettime', ratio(r2['syscall clock_gettime'], r2['vdso.hrtimeBigInt()']), 'target >= 2x'],
  ['vdso.hrtimeBigInt / hrtime.bigint', ratio(r2['vdso.hrtimeBigInt()'], r2['process.hrtime.bigint()']), 'target <= 1.5x'],
  ['vdso.hrtimeMono / process.hrtime', ratio(r2['vdso.hrtimeMono()'], r2['process.hrtime()'])],
]);
console.log('\nNote: fs.readdirSync returns names sorted (libuv scandir sorts with strcmp); the getdents64 listing is in directory order.');
