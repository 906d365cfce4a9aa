'use strict';
const assert = require('assert');
const fs = require('fs');
const sys = require('libsys');
const nr = require('./nr');

const count = () => fs.readdirSync('/proc/self/fd').length;

describe('libsys fd tracking', () => {
  it('closes the fds an environment tracked when it is torn down, and only those', async () => {
    const { Worker } = require('worker_threads');
    const before = count();
    const w = new Worker(`
      const s = require('libsys');
      const { parentPort } = require('worker_threads');
      // Raw opens: Node itself closes a Worker's fs.openSync fds at teardown.
      const open = () => s.syscall(${nr.openat}, -100, '/dev/null', 0);
      const kept = open();       // tracked: closed at teardown
      const untracked = open();  // tracked, then untracked: left open
      const never = open();      // never tracked: left open
      s.fdTrack(kept); s.fdTrack(untracked); s.fdUntrack(untracked);
      s.fdTrack(5000); // past the initial table: grows it (not an open fd; close fails quietly)
      parentPort.postMessage([kept, untracked, never]);
      setInterval(() => {}, 1000);
    `, { eval: true });
    const [kept, untracked, never] = await new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
    await w.terminate();
    const open = (fd) => { try { fs.fstatSync(fd); return true; } catch { return false; } };
    assert.strictEqual(open(kept), false, 'tracked fd closed');
    assert.strictEqual(open(untracked), true, 'untracked fd left open');
    assert.strictEqual(open(never), true, 'fd never tracked left open');
    fs.closeSync(untracked);
    fs.closeSync(never);
    assert.strictEqual(count(), before);
  });

  it('rejects bad fds with TypeError', () => {
    assert.throws(() => sys.fdTrack(-1), TypeError);
    assert.throws(() => sys.fdUntrack('3'), TypeError);
    assert.throws(() => sys.fdTrack(), TypeError);
  });
});
