// bench: eloop pread throughput against fs.read on Node's thread pool, 4 KiB
// and 1 MiB blocks at random offsets of a cached file, a few and many reads
// in flight. Variants interleave round by round; medians. `node bench/eloop.js`
// (ROUNDS, MB env vars; both pools have 4 threads unless ELOOP_THREADPOOL_SIZE
// and UV_THREADPOOL_SIZE say otherwise).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const sys = require('libsys');
const eloop = require('eloop');
const { median, table } = require('./common');

const PREAD = { x64: 17, arm64: 67 }[process.arch];
const ROUNDS = Number(process.env.ROUNDS || 10);
const FILE_MB = Number(process.env.MB || 64);
const file = path.join(os.tmpdir(), `eloop-bench-${process.pid}`);

function makeFile() {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (let i = 0; i < FILE_MB; i++) {
    for (let j = 0; j < chunk.length; j += 4) chunk.writeUInt32LE((i * 2654435761 + j * 40503) >>> 0, j);
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
}

function offsets(block, n) {
  const blocks = (FILE_MB << 20) / block;
  let x = 12345;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (x % blocks) * block;
  }
  return out;
}

// Keeps `depth` reads in flight until `ops` have completed; resolves MB/s.
function runner(name, block, depth, ops, submitOne) {
  const offs = offsets(block, ops);
  const bufs = Array.from({ length: depth }, () => Buffer.alloc(block));
  return () => new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    const t0 = process.hrtime.bigint();
    const cbs = bufs.map((buf, k) => (r) => {
      if (r !== block) return reject(new Error(`${name}: read returned ${r}`));
      if (++done === ops) {
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        return resolve((ops * block) / s / 1e6);
      }
      if (next < ops) submitOne(bufs[k], offs[next++], cbs[k]);
    });
    for (let k = 0; k < depth && next < ops; k++) submitOne(bufs[k], offs[next++], cbs[k]);
  });
}

async function main() {
  makeFile();
  const fd = fs.openSync(file, 'r');
  // Warm the page cache so both sides read memory, not the disk.
  const warm = Buffer.alloc(1 << 20);
  for (let off = 0; off < FILE_MB << 20; off += warm.length) fs.readSync(fd, warm, 0, warm.length, off);

  const viaEloop = (block) => (buf, off, cb) => eloop.submit(PREAD, fd, buf, block, off, cb);
  const viaNode = (block) => (buf, off, cb) => fs.read(fd, buf, 0, block, off, (err, n) => cb(err ? -1 : n));
  const cases = [
    ['4 KiB x4', 4096, 4, 40000],
    ['4 KiB x64', 4096, 64, 100000],
    ['1 MiB x4', 1 << 20, 4, 2000],
    ['1 MiB x16', 1 << 20, 16, 2000],
  ];
  const variants = {};
  for (const [label, block, depth, ops] of cases) {
    variants[`eloop ${label}`] = runner('eloop', block, depth, ops, viaEloop(block));
    variants[`fs.read ${label}`] = runner('fs.read', block, depth, ops, viaNode(block));
  }
  // One thread, no pool: a reference point for what the syscall itself costs.
  const syncRef = (block, ops) => () => {
    const buf = Buffer.alloc(block);
    const offs = offsets(block, ops);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ops; i++) sys.syscall(PREAD, fd, buf, block, offs[i]);
    return (ops * block) / (Number(process.hrtime.bigint() - t0) / 1e9) / 1e6;
  };
  variants['sync libsys 4 KiB'] = syncRef(4096, 20000);
  variants['sync libsys 1 MiB'] = syncRef(1 << 20, 300);

  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
  const names = Object.keys(variants).filter((n) => !only || only.test(n));
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS + 1; r++) {
    // Odd rounds run the variants in reverse, so no variant always follows
    // the same neighbour.
    for (const n of r % 2 ? [...names].reverse() : names) {
      const mbs = await variants[n]();
      if (r > 0) samples[n].push(mbs); // round 0 warms up
    }
  }
  if (process.env.VERBOSE) for (const n of names) console.log(n, samples[n].map((x) => x.toFixed(0)).join(" "));
  const med = Object.fromEntries(names.map((n) => [n, median(samples[n])]));
  console.log(`eloop pread bench: ${FILE_MB} MiB cached file, random block-aligned offsets, ` +
    `${ROUNDS} rounds, pool ${eloop.poolSize()} threads vs UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE || 4}`);
  table('MB/s (median of interleaved rounds)', names.map((n) => [n, med[n].toFixed(0).padStart(7)]));
  table('eloop / fs.read (target >= 1.00)', cases.filter(([l]) => med[`eloop ${l}`] && med[`fs.read ${l}`]).map(([label]) => [label,
    (med[`eloop ${label}`] / med[`fs.read ${label}`]).toFixed(2) + 'x']));
  fs.closeSync(fd);
}

main().finally(() => fs.rmSync(file, { force: true })).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
