'use strict';
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');

describe('libsys fuzz', () => {
  for (const seed of [1, 0xdeadbeef, Date.now() >>> 0]) {
    it(`survives thousands of random calls (seed ${seed})`, () => {
      const r = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'fuzz-child.js'), String(seed), '20000'],
        { encoding: 'utf8', timeout: 60000 });
      assert.strictEqual(r.signal, null, `child died by ${r.signal}: ${r.stderr}`);
      assert.strictEqual(r.status, 0, r.stderr);
      const counts = JSON.parse(r.stdout);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      assert.strictEqual(total, 20000);
      for (const [k, v] of Object.entries(counts)) assert.ok(v > 1000, `${k} ran only ${v} times`);
    });
  }
});
