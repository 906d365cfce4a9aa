// bench: every benchmark in turn, each in its own process (npm run bench).
// `node bench/run.js fs startup` runs only the ones named.
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');

const all = ['syscall', 'libjs', 'eloop', 'async', 'fs', 'stat-burst', 'startup', 'os-process'];
const names = process.argv.length > 2 ? process.argv.slice(2) : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`bench/run.js: no benchmark "${name}" (${all.join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n=== bench/${name}.js`);
  const r = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench/${name}.js: ${r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`}`);
  }
}
if (failed) process.exitCode = 1;
