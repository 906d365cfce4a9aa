// Each fs completion runs in a callback scope of its own, as each of Node's
// requests does: the ticks and microtasks a callback queues run under Node's
// tick loop, with none of eloop's or unode's frames beneath them, and one that
// throws neither loses another request's callback nor stops the process.
'use strict';
const assert = require('assert');
const { run } = require('./loader_helpers');

describe('fs callbacks: one scope per completion', function() {
  this.timeout(30000);

  it('stacks made in continuations of concurrent requests name no unode, eloop or libsys frame', function() {
    const code = `
      const fs = require('fs');
      const stacks = [];
      const jobs = [];
      for (let i = 0; i < 16; i++) {
        jobs.push(fs.promises.stat('.').then(() => stacks.push(new Error('p').stack)));
        fs.stat('.', () => process.nextTick(() => stacks.push(new Error('t').stack)));
        fs.readdir('.', () => Promise.resolve().then(() => stacks.push(new Error('m').stack)));
      }
      process.on('exit', () => console.log(JSON.stringify(stacks)));`;
    for (const cmd of ['node', 'unode']) {
      const r = run(cmd, ['-e', code]);
      assert.strictEqual(r.status, 0, r.stderr);
      const stacks = JSON.parse(r.stdout);
      assert.strictEqual(stacks.length, 48, cmd);
      for (const s of stacks) {
        assert.ok(!/(unode|eloop|libsys|libaio)\//.test(s), `${cmd}: ${s}`);
      }
    }
  });

  it('a tick that throws between completions loses no callback (uncaughtException handler)', function() {
    const code = `
      const fs = require('fs');
      let n = 0;
      const errors = [];
      process.on('uncaughtException', (e) => errors.push(e.message));
      for (let i = 0; i < 32; i++) {
        fs.stat('.', () => {
          n++;
          if (i % 8 === 0) process.nextTick(() => { throw new Error('tick ' + i); });
        });
      }
      process.on('exit', () => console.log(n, errors.sort().join()));`;
    const n = run('node', ['-e', code], { timeout: 10000 });
    const u = run('unode', ['-e', code], { timeout: 10000 });
    assert.deepStrictEqual([u.stdout, u.status], [n.stdout, n.status]);
    assert.strictEqual(u.stdout, '32 tick 0,tick 16,tick 24,tick 8\n');
  });
});
