'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const L = require('../../libjs');
const { child } = require('./helpers');

const { E } = L;

function bits(buf, n) {
  let c = 0;
  for (let i = 0; i < n; i++) for (let b = buf[i]; b; b &= b - 1) c++;
  return c;
}

describe('libjs/sched', () => {
  it('sched_getaffinity: as many CPUs as os.availableParallelism()', () => {
    const mask = Buffer.alloc(128);
    const n = L.sched_getaffinity(0, 128, mask);
    assert.ok(n > 0 && n <= 128, `${n}`);
    assert.strictEqual(bits(mask, n), os.availableParallelism());
    assert.strictEqual(L.sched_setaffinity(0, n, mask), 0);
    assert.strictEqual(L.sched_getaffinity(0, 4, mask), -E.EINVAL, 'smaller than the kernel\'s mask');
    assert.strictEqual(L.sched_getaffinity(0x3fffffff, 128, mask), -E.ESRCH);
    assert.strictEqual(L.sched_setaffinity(0, 8, Buffer.alloc(8)), -E.EINVAL, 'an empty set');
    assert.throws(() => L.sched_getaffinity(0, 129, mask), TypeError);
  });

  it('sched_yield, getcpu', () => {
    assert.strictEqual(L.sched_yield(), 0);
    const cpu = new Uint32Array(1), node = new Uint32Array(1);
    assert.strictEqual(L.getcpu(cpu, node), 0);
    assert.ok(cpu[0] < os.cpus().length);
    assert.strictEqual(L.getcpu(null, null), 0);
    assert.throws(() => L.getcpu(new Uint8Array(2)), /cpu must be at least 4/);
  });

  it('unshare, setns: a UTS namespace of its own (in a child, as root); EINVAL, EBADF', () => {
    assert.strictEqual(L.unshare(-1), -E.EINVAL);
    assert.strictEqual(L.setns(-1, 0), -E.EBADF);
    if (process.getuid() !== 0) return;
    const before = fs.readlinkSync('/proc/self/ns/uts');
    const r = child(`
      const old = L.open('/proc/self/ns/uts', L.O_RDONLY);
      const a = L.unshare(0x04000000); // CLONE_NEWUTS
      const inside = require('fs').readlinkSync('/proc/thread-self/ns/uts');
      const b = L.setns(old, 0x04000000);
      const back = require('fs').readlinkSync('/proc/thread-self/ns/uts');
      console.log(JSON.stringify([a, inside, b, back]));`);
    assert.strictEqual(r.status, 0, r.stderr);
    const [a, inside, b, back] = JSON.parse(r.stdout);
    assert.strictEqual(a, 0);
    assert.notStrictEqual(inside, before);
    assert.strictEqual(b, 0);
    assert.strictEqual(back, before);
  });
});
