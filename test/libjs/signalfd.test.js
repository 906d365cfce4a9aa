'use strict';
const assert = require('assert');
const L = require('../../libjs');
const { child } = require('./helpers');

const { E } = L;

describe('libjs/signalfd', () => {
  it('a blocked signal arrives as a signalfd_siginfo record (in a child)', () => {
    const r = child(`
      const set = Buffer.alloc(8);
      L.sigaddset(set, L.SIGUSR2);
      const out = {};
      out.mask = L.rt_sigprocmask(L.SIG_BLOCK, set, null);
      const fd = L.signalfd4(-1, set, L.SFD_CLOEXEC | L.SFD_NONBLOCK);
      const info = Buffer.alloc(128);
      out.empty = L.read(fd, info, 128);
      out.kill = L.tgkill(L.getpid(), L.gettid(), L.SIGUSR2);
      out.n = L.read(fd, info, 128);
      out.signo = info.readUInt32LE(0);
      out.pid = info.readUInt32LE(12) === L.getpid();
      out.update = L.signalfd(fd, set, 0);
      out.bad = L.signalfd4(L.open('/', L.O_RDONLY), set, 0);
      console.log(JSON.stringify(out));`);
    assert.strictEqual(r.status, 0, r.stderr);
    const { update, ...rest } = JSON.parse(r.stdout);
    assert.deepStrictEqual(rest, {
      mask: 0, empty: -E.EAGAIN, kill: 0, n: 128, signo: L.SIGUSR2, pid: true, bad: -E.EINVAL,
    });
    assert.ok(update >= 0, 'updating an existing signalfd returns it');
  });

  it('a mask shorter than the kernel sigset is a TypeError', () => {
    assert.throws(() => L.signalfd4(-1, Buffer.alloc(4), 0), /mask must be at least 8 bytes/);
    assert.strictEqual(L.signalfd4(-1, Buffer.alloc(8), -1), -E.EINVAL);
  });
});
