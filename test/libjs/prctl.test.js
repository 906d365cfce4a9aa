'use strict';
const assert = require('assert');
const L = require('../../libjs');
const { child } = require('./helpers');

const { E } = L;

describe('libjs/prctl', () => {
  it('PR_SET_NAME, PR_GET_NAME: the thread name /proc shows (in a child)', () => {
    const r = child(`
      const a = L.prctl(L.PR_SET_NAME, 'libjs-named');
      const b = Buffer.alloc(16);
      const c = L.prctl(L.PR_GET_NAME, b);
      const name = b.toString('utf8', 0, b.indexOf(0));
      const comm = require('fs').readFileSync('/proc/thread-self/comm', 'utf8').trim();
      const d = L.prctl(L.PR_SET_NAME, Buffer.from('from-buffer\\0\\0\\0\\0\\0'));
      console.log(JSON.stringify([a, c, name, comm, d, require('fs').readFileSync('/proc/thread-self/comm', 'utf8').trim()]));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), [0, 0, 'libjs-named', 'libjs-named', 0, 'from-buffer']);
  });

  it('integer options, and options that write through arg2', () => {
    assert.strictEqual(L.prctl(L.PR_GET_DUMPABLE), 1);
    const sig = new Int32Array([-1]);
    assert.strictEqual(L.prctl(L.PR_GET_PDEATHSIG, sig), 0);
    assert.strictEqual(sig[0], 0);
    assert.strictEqual(L.prctl(L.PR_GET_NO_NEW_PRIVS), 0);
    assert.strictEqual(L.prctl(9999), -E.EINVAL);
  });

  it('a buffer where the option takes an integer, or a short one, is a TypeError', () => {
    assert.throws(() => L.prctl(L.PR_SET_DUMPABLE, Buffer.alloc(8)), /takes no buffer in arg2/);
    assert.throws(() => L.prctl(L.PR_GET_NAME, Buffer.alloc(15)), /arg2 must be at least 16 bytes/);
    assert.throws(() => L.prctl(L.PR_SET_NAME, Buffer.alloc(8)), TypeError);
    assert.throws(() => L.prctl(L.PR_SET_MM, 1, Buffer.alloc(8)), /only arg2 may be a buffer/);
  });
});
