// bench: bursts of 1,000 concurrent fs.stat callbacks, Node's fs against
// unode's, each in a process of its own (so only one thread pool exists at a
// time), processes alternating; the figure is the median over processes of
// each process's mean time per burst. `node bench/stat-burst.js` (PROCS,
// BURSTS env vars). This is bench/fs-async.js's stat row without the other
// pool's threads competing for this VM's two vCPUs.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median, table } = require('./common');

const N = 1000;

function child(which, dir, bursts) {
  const f = which === 'node' ? require('fs') : require('../unode/lib/fs.js');
  const names = Array.from({ length: N }, (_, i) => path.join(dir, `f${i}`));
  const burst = () => new Promise((resolve, reject) => {
    let left = N;
    for (const n of names) {
      f.stat(n, (e) => {
        if (e) reject(e);
        else if (--left === 0) resolve();
      });
    }
  });
  (async () => {
    for (let i = 0; i < 50; i++) await burst();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < bursts; i++) await burst();
    process.stdout.write(String(Number(process.hrtime.bigint() - t0) / bursts / 1e6));
  })();
}

function main() {
  const procs = Number(process.env.PROCS || 8);
  const bursts = Number(process.env.BURSTS || 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stat-burst-'));
  try {
    for (let i = 0; i < N; i++) fs.writeFileSync(path.join(dir, `f${i}`), 'x');
    const ms = { node: [], unode: [] };
    for (let p = 0; p < procs; p++) {
      for (const which of p % 2 ? ['unode', 'node'] : ['node', 'unode']) {
        const out = execFileSync(process.execPath, [__filename, which, dir, String(bursts)]);
        ms[which].push(Number(out));
      }
    }
    const a = median(ms.node);
    const b = median(ms.unode);
    table(`fs.stat x ${N} concurrent, callback: median of ${procs} processes each (${bursts} bursts per process)`, [
      ['node', `${a.toFixed(2)} ms`],
      ['unode', `${b.toFixed(2)} ms`],
      ['ratio', `${(b / a).toFixed(2)} (unode / node; target <= 1.10)`],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'node' || process.argv[2] === 'unode') child(process.argv[2], process.argv[3], Number(process.argv[4]));
else main();
