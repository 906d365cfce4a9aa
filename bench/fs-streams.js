// bench: fs streams, unode's against Node's, in one process: a 1 GiB file
// streamed to a new file (createReadStream piped into createWriteStream, the
// default 64 KiB reads), a 64 MiB one, and a 64 MiB read stream alone.
// Variants interleaved round after round (the order alternating), medians of
// rounds; ratio = unode / node (below 1: unode is faster).
// Runs after bench/fs.js's other rows; alone: `node bench/fs-streams.js`
// (ROUNDS; SIZE_MB for the big file, default 1024; TMPDIR for where it goes).
'use strict';
const nodeFs = require('fs');
const os = require('os');
const path = require('path');
const ufs = require('../unode/lib/fs.js');
const { table } = require('./common');
const { runAsync } = require('./fs-async');

function copy(fs, from, to) {
  return new Promise((resolve, reject) => {
    const rs = fs.createReadStream(from);
    const ws = fs.createWriteStream(to);
    rs.on('error', reject);
    ws.on('error', reject);
    ws.on('close', resolve);
    rs.pipe(ws);
  });
}

function drain(fs, from) {
  return new Promise((resolve, reject) => {
    const rs = fs.createReadStream(from);
    rs.on('error', reject);
    rs.on('data', () => {});
    rs.on('close', resolve);
  });
}

// A file of `size` bytes of pseudo-random data, written 1 MiB at a time.
function makeFile(file, size) {
  const block = Buffer.allocUnsafe(1 << 20);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const fd = nodeFs.openSync(file, 'w');
  try {
    for (let done = 0; done < size; done += block.length) nodeFs.writeSync(fd, block, 0, Math.min(block.length, size - done));
  } finally {
    nodeFs.closeSync(fd);
  }
}

async function main(rounds = Number(process.env.ROUNDS || 5)) {
  const tmp = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'bench-fs-streams-'));
  const bigSize = Number(process.env.SIZE_MB || 1024) * (1 << 20);
  try {
    const big = path.join(tmp, 'big');
    const mid = path.join(tmp, 'mid');
    makeFile(big, bigSize);
    makeFile(mid, 64 << 20);
    const out = (name) => path.join(tmp, `out-${name}`);
    // The destination is removed after each run, outside the timed part.
    const timedCopy = (fs, name, from) => async () => {
      await copy(fs, from, out(name));
      nodeFs.unlinkSync(out(name));
    };
    const rows = [
      [`stream copy ${bigSize >> 20} MiB (pipe)`, 'ms', 1e6, {
        node: timedCopy(nodeFs, 'node', big),
        unode: timedCopy(ufs, 'unode', big),
      }],
      ['stream copy 64 MiB (pipe)', 'ms', 1e6, {
        node: timedCopy(nodeFs, 'node', mid),
        unode: timedCopy(ufs, 'unode', mid),
      }],
      ['createReadStream 64 MiB, data discarded', 'ms', 1e6, {
        node: () => drain(nodeFs, mid),
        unode: () => drain(ufs, mid),
      }],
    ];
    const result = [];
    for (const [label, unit, scale, variants] of rows) {
      const r = await runAsync(variants, { rounds, warmup: 1 });
      result.push([label, `node ${(r.node / scale).toFixed(2).padStart(8)} ${unit}   ` +
        `unode ${(r.unode / scale).toFixed(2).padStart(8)} ${unit}   ratio ${(r.unode / r.node).toFixed(2)}`]);
    }
    table(`fs streams (median of ${rounds} rounds, interleaved, order alternating; ratio = unode / node)`, result);
  } finally {
    nodeFs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { main };

if (require.main === module) main();
