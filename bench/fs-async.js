// bench: the asynchronous rows of bench/fs.js: unode's callback and promise
// forms (system calls as eloop jobs) against Node's (libuv's thread pool), in
// one process, variants interleaved round after round (the order alternating),
// medians of rounds; ratio = unode / node (below 1: unode is faster).
// Runs after the sync rows; alone: `node bench/fs-async.js` (ROUNDS).
'use strict';
const nodeFs = require('fs');
const os = require('os');
const path = require('path');
const ufs = require('../unode/lib/fs.js');
const { median, table } = require('./common');

// variants: { name: async () => void }. Each round runs every variant once,
// in alternating order; the figure is the median time of one run.
async function runAsync(variants, { rounds, warmup = 2 }) {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds + warmup; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const t0 = process.hrtime.bigint();
      await variants[name]();
      const ns = Number(process.hrtime.bigint() - t0);
      if (r >= warmup) samples[name].push(ns);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

function readAllCb(fs, names) {
  return new Promise((resolve, reject) => {
    let left = names.length;
    for (const n of names) {
      fs.readFile(n, (e) => {
        if (e) reject(e);
        else if (--left === 0) resolve();
      });
    }
  });
}

function statAllCb(fs, names) {
  return new Promise((resolve, reject) => {
    let left = names.length;
    for (const n of names) {
      fs.stat(n, (e) => {
        if (e) reject(e);
        else if (--left === 0) resolve();
      });
    }
  });
}

// Reads the whole file in `block`-byte reads at increasing positions, with
// `inFlight` reads outstanding.
function readBlocks(fs, fd, size, block, inFlight) {
  return new Promise((resolve, reject) => {
    let next = 0;
    let active = 0;
    const bufs = Array.from({ length: inFlight }, () => Buffer.allocUnsafe(block));
    const issue = (buf) => {
      if (next >= size) {
        if (active === 0) resolve();
        return;
      }
      const pos = next;
      next += block;
      active++;
      fs.read(fd, buf, 0, block, pos, (e, n) => {
        active--;
        if (e || n !== Math.min(block, size - pos)) reject(e || new Error(`short read ${n}`));
        else issue(buf);
      });
    };
    for (const b of bufs) issue(b);
  });
}

async function readBlocksHandle(fsp, file, size, block) {
  const fh = await fsp.open(file);
  const buf = Buffer.allocUnsafe(block);
  for (let pos = 0; pos < size; pos += block) await fh.read(buf, 0, block, pos);
  await fh.close();
}

async function main(rounds = Number(process.env.ROUNDS || 11)) {
  const tmp = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'bench-fs-async-'));
  try {
    const names = [];
    for (let i = 0; i < 1000; i++) {
      const n = path.join(tmp, `small-${i}.txt`);
      nodeFs.writeFileSync(n, `small file ${i}\n`.repeat(8));
      names.push(n);
    }
    const big = path.join(tmp, 'big.bin');
    const SIZE = 64 * 1024 * 1024;
    nodeFs.writeFileSync(big, Buffer.alloc(SIZE, 'abcdefgh'));
    const fds = { node: nodeFs.openSync(big, 'r'), unode: nodeFs.openSync(big, 'r') };

    const rows = [
      ['readFile x 1,000 small files, concurrent (callback)', 'ms', 1e6, {
        node: () => readAllCb(nodeFs, names), unode: () => readAllCb(ufs, names),
      }],
      ['fs.promises.readFile x 1,000 small files, concurrent', 'ms', 1e6, {
        node: () => Promise.all(names.map((n) => nodeFs.promises.readFile(n))),
        unode: () => Promise.all(names.map((n) => ufs.promises.readFile(n))),
      }],
      ['fs.promises.readFile utf8 x 1,000, concurrent', 'ms', 1e6, {
        node: () => Promise.all(names.map((n) => nodeFs.promises.readFile(n, 'utf8'))),
        unode: () => Promise.all(names.map((n) => ufs.promises.readFile(n, 'utf8'))),
      }],
      ['stat x 1,000, concurrent (callback)', 'ms', 1e6, {
        node: () => statAllCb(nodeFs, names), unode: () => statAllCb(ufs, names),
      }],
      ['fs.promises.stat x 1,000, concurrent', 'ms', 1e6, {
        node: () => Promise.all(names.map((n) => nodeFs.promises.stat(n))),
        unode: () => Promise.all(names.map((n) => ufs.promises.stat(n))),
      }],
      ['fs.read 64 KiB blocks of 64 MiB, 1 in flight', 'ms', 1e6, {
        node: () => readBlocks(nodeFs, fds.node, SIZE, 65536, 1),
        unode: () => readBlocks(ufs, fds.unode, SIZE, 65536, 1),
      }],
      ['fs.read 64 KiB blocks of 64 MiB, 4 in flight', 'ms', 1e6, {
        node: () => readBlocks(nodeFs, fds.node, SIZE, 65536, 4),
        unode: () => readBlocks(ufs, fds.unode, SIZE, 65536, 4),
      }],
      ['FileHandle.read 64 KiB blocks of 64 MiB', 'ms', 1e6, {
        node: () => readBlocksHandle(nodeFs.promises, big, SIZE, 65536),
        unode: () => readBlocksHandle(ufs.promises, big, SIZE, 65536),
      }],
      ['readFile 64 MiB (callback)', 'ms', 1e6, {
        node: () => new Promise((res, rej) => nodeFs.readFile(big, (e) => (e ? rej(e) : res()))),
        unode: () => new Promise((res, rej) => ufs.readFile(big, (e) => (e ? rej(e) : res()))),
      }],
    ];

    const out = [];
    for (const [label, unit, scale, variants] of rows) {
      const r = await runAsync(variants, { rounds });
      out.push([label, `node ${(r.node / scale).toFixed(2).padStart(8)} ${unit}   ` +
        `unode ${(r.unode / scale).toFixed(2).padStart(8)} ${unit}   ratio ${(r.unode / r.node).toFixed(2)}`]);
    }
    table(`fs async calls (median of ${rounds} rounds, interleaved, order alternating; ratio = unode / node)`, out);
    nodeFs.closeSync(fds.node);
    nodeFs.closeSync(fds.unode);
  } finally {
    nodeFs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { main, runAsync };

if (require.main === module) main();
