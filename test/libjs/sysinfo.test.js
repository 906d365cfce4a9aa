'use strict';
const assert = require('assert');
const os = require('os');
const L = require('../../libjs');
const { num, struct } = require('./helpers');

describe('libjs/sysinfo', () => {
  it('sysinfo: total memory and uptime as os reports them', () => {
    const b = struct('sysinfo');
    assert.strictEqual(L.sysinfo(b), 0);
    const unit = num(b, 'sysinfo', 'mem_unit');
    assert.strictEqual(num(b, 'sysinfo', 'totalram') * unit, os.totalmem());
    assert.ok(Math.abs(num(b, 'sysinfo', 'uptime') - os.uptime()) <= 2);
    const loads = [0, 1, 2].map((i) => Number(b.readBigUInt64LE(8 + 8 * i)) / 65536);
    os.loadavg().forEach((l, i) => assert.ok(Math.abs(l - loads[i]) < 0.5, `${l} ~ ${loads[i]}`));
    assert.ok(b.readUInt16LE(80) > 0, 'procs');
  });

  it('a short buffer is a TypeError', () => {
    assert.throws(() => L.sysinfo(Buffer.alloc(111)), /info must be at least 112 bytes/);
  });
});
