// bench: unode's os and process functions against Node's, interleaved in one
// process (bench/common.js); ns per call and the ratio (unode / node).
'use strict';
const { run, table } = require('./common');
const nodeOs = require('os');
const os = require('../unode/lib/os');
const p = require('../unode/lib/process');

const loop = (fn) => (n) => { for (let i = 0; i < n; i++) fn(); };

const cases = [
  ['process.hrtime.bigint', () => process.hrtime.bigint(), () => p.hrtime.bigint(), 500000],
  ['process.hrtime', () => process.hrtime(), () => p.hrtime(), 500000],
  ['process.uptime', () => process.uptime(), () => p.uptime(), 500000],
  ['process.cwd', () => process.cwd(), () => p.cwd(), 500000],
  ['process.getuid', () => process.getuid(), () => p.getuid(), 200000],
  ['process.getgroups', () => process.getgroups(), () => p.getgroups(), 100000],
  ['process.umask()', () => process.umask(), () => p.umask(), 100000],
  ['process.kill(pid, 0)', () => process.kill(process.pid, 0), () => p.kill(process.pid, 0), 100000],
  ['process.cpuUsage', () => process.cpuUsage(), () => p.cpuUsage(), 100000],
  ['process.resourceUsage', () => process.resourceUsage(), () => p.resourceUsage(), 100000],
  ['process.memoryUsage.rss', () => process.memoryUsage.rss(), () => p.memoryUsage.rss(), 20000],
  ['os.hostname', () => nodeOs.hostname(), () => os.hostname(), 50000],
  ['os.getPriority', () => nodeOs.getPriority(), () => os.getPriority(), 100000],
  ['os.availableParallelism', () => nodeOs.availableParallelism(), () => os.availableParallelism(), 100000],
  ['os.freemem', () => nodeOs.freemem(), () => os.freemem(), 10000],
  ['os.loadavg', () => nodeOs.loadavg(), () => os.loadavg(), 10000],
  ['os.uptime', () => nodeOs.uptime(), () => os.uptime(), 10000],
  ['os.userInfo', () => nodeOs.userInfo(), () => os.userInfo(), 10000],
  ['os.cpus', () => nodeOs.cpus(), () => os.cpus(), 2000],
  ['os.networkInterfaces', () => nodeOs.networkInterfaces(), () => os.networkInterfaces(), 2000],
];

const only = process.argv[2];
const rows = [];
for (const [name, node, ours, iterations] of cases) {
  if (only && !name.includes(only)) continue;
  const r = run({ node: loop(node), unode: loop(ours) }, { rounds: 5, iterations });
  rows.push([name, `node ${r.node.toFixed(0).padStart(7)} ns  unode ${r.unode.toFixed(0).padStart(7)} ns`,
    `${(r.unode / r.node).toFixed(2)}x`]);
}
table('os and process: ns per call (unode / node)', rows);
