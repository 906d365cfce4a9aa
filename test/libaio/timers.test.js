'use strict';
const assert = require('assert');
const { getLoop, Timer } = require('libaio');
const { TimerHeap } = require('libaio/timers');
const { runChild, deferred } = require('./helpers');

describe('libaio timers', () => {
  // Created when the tests run, not when mocha loads the files: other
  // layers' tests (eloop's attach tests) run first in the same process.
  let loop;
  before(() => {
    loop = getLoop();
  });

  it('fire in deadline order, ties in the order they were set', async () => {
    const order = [];
    const done = deferred(3000, 'timers');
    loop.setTimeout(() => order.push(30), 30);
    loop.setTimeout(() => order.push('10a'), 10);
    loop.setTimeout(() => order.push(20), 20);
    loop.setTimeout(() => order.push('10b'), 10);
    loop.setTimeout(() => order.push(0), 0);
    loop.setTimeout(() => done.resolve(), 45);
    await done;
    assert.deepStrictEqual(order, [0, '10a', '10b', 20, 30]);
  });

  it('never fire before their delay', async () => {
    const results = [];
    const done = deferred(3000, 'timers');
    let left = 5;
    for (const ms of [1, 5, 12, 25, 40]) {
      const t0 = process.hrtime.bigint();
      loop.setTimeout(() => {
        results.push([ms, Number(process.hrtime.bigint() - t0) / 1e6]);
        if (--left === 0) done.resolve();
      }, ms);
    }
    await done;
    for (const [ms, took] of results) assert.ok(took >= ms, `${ms} ms timer fired after ${took} ms`);
  });

  it('pass extra arguments and `this` as the timer', async () => {
    const done = deferred(2000, 'timer');
    const t = loop.setTimeout(function (a, b) {
      done.resolve([this, a, b]);
    }, 1, 'x', 42);
    const [self, a, b] = await done;
    assert.strictEqual(self, t);
    assert.deepStrictEqual([a, b], ['x', 42]);
    assert.strictEqual(t.active, false);
  });

  it('clearTimeout cancels; refresh postpones', async () => {
    let cancelled = 0;
    const t = loop.setTimeout(() => { cancelled++; }, 5);
    assert.strictEqual(t.active, true);
    loop.clearTimeout(t);
    assert.strictEqual(t.active, false);
    const t0 = Date.now();
    const done = deferred(3000, 'refreshed timer');
    const r = loop.setTimeout(() => done.resolve(Date.now() - t0), 40);
    await new Promise((res) => setTimeout(res, 25));
    r.refresh();
    const took = await done;
    assert.ok(took >= 60, `refreshed 40 ms timer fired after ${took} ms`);
    assert.strictEqual(cancelled, 0);
  });

  it('setInterval repeats until cleared', async () => {
    const done = deferred(3000, 'interval');
    let n = 0;
    const iv = loop.setInterval(() => {
      if (++n === 4) {
        loop.clearInterval(iv);
        setTimeout(() => done.resolve(n), 30);
      }
    }, 3);
    assert.strictEqual(await done, 4);
  });

  it('a timer set from a timer callback waits for the next pass', async () => {
    const order = [];
    const done = deferred(2000, 'timers');
    loop.setTimeout(() => {
      order.push('a');
      loop.setTimeout(() => { order.push('c'); done.resolve(); }, 0);
    }, 2);
    loop.setTimeout(() => order.push('b'), 2);
    await done;
    assert.deepStrictEqual(order, ['a', 'b', 'c']);
  });

  it('ref/unref/hasRef track the loop reference count', () => {
    const before = loop.refCount;
    const t = loop.setTimeout(() => {}, 1000);
    assert.strictEqual(loop.refCount, before + 1);
    assert.strictEqual(t.hasRef(), true);
    t.unref();
    assert.strictEqual(t.hasRef(), false);
    assert.strictEqual(loop.refCount, before);
    t.ref();
    assert.strictEqual(loop.refCount, before + 1);
    t.close();
    assert.strictEqual(loop.refCount, before);
    assert.ok(t instanceof Timer);
  });

  it('bad arguments are TypeErrors', () => {
    assert.throws(() => loop.setTimeout('x', 1), TypeError);
    assert.throws(() => loop.setTimeout(() => {}, -1), TypeError);
    assert.throws(() => loop.setTimeout(() => {}, NaN), TypeError);
    assert.throws(() => loop.setTimeout(() => {}, 2 ** 31), TypeError);
    assert.throws(() => loop.setImmediate(null), TypeError);
  });

  it('an unref\'d timer does not hold the process; a ref\'d one does', async () => {
    const unrefd = await runChild(`
      const aio = require('libaio');
      aio.setTimeout(() => console.log('fired'), 10000).unref();
      aio.setTimeout(() => console.log('short'), 50);
    `);
    assert.strictEqual(unrefd.code, 0, unrefd.stderr);
    assert.strictEqual(unrefd.stdout, 'short\n');
    assert.ok(unrefd.ms < 5000, `took ${unrefd.ms} ms`);
    const refd = await runChild(`
      const aio = require('libaio');
      const t0 = Date.now();
      aio.setTimeout(() => console.log('fired', Date.now() - t0 >= 300), 300);
    `);
    assert.strictEqual(refd.stdout, 'fired true\n', refd.stderr);
  });

  describe('immediates', () => {
    it('run in order, with arguments; clearImmediate cancels', async () => {
      const order = [];
      const done = deferred(2000, 'immediates');
      loop.setImmediate((x) => order.push(x), 1);
      const c = loop.setImmediate(() => order.push('cancelled'));
      loop.setImmediate((x) => order.push(x), 2);
      loop.clearImmediate(c);
      loop.setImmediate(() => done.resolve());
      await done;
      assert.deepStrictEqual(order, [1, 2]);
    });

    it('one queued by an immediate runs in the next iteration, after its I/O', async () => {
      const { eventfd2, eventfd_write } = require('libjs/eventfd');
      const { close } = require('libjs/unistd');
      const C = require('libjs/constants');
      const efd = eventfd2(0, C.EFD_NONBLOCK | C.EFD_CLOEXEC);
      const order = [];
      const done = deferred(2000, 'immediates');
      loop.add(efd, C.EPOLLIN, () => {
        order.push('io');
        loop.remove(efd);
        close(efd);
      });
      loop.setImmediate(() => {
        order.push('A');
        eventfd_write(efd, 1);
        loop.setImmediate(() => { order.push('B'); done.resolve(); });
      });
      await done;
      assert.deepStrictEqual(order, ['A', 'io', 'B']);
    });

    it('nextTick and microtasks run between two immediates, as in Node', async () => {
      const order = [];
      const done = deferred(2000, 'immediates');
      loop.setImmediate(() => {
        order.push('i1');
        process.nextTick(() => order.push('tick'));
        Promise.resolve().then(() => order.push('micro'));
      });
      loop.setImmediate(() => { order.push('i2'); done.resolve(); });
      await done;
      assert.deepStrictEqual(order, ['i1', 'tick', 'micro', 'i2']);
    });
  });

  describe('TimerHeap', () => {
    it('pops in (deadline, sequence) order under random inserts and removals', () => {
      const heap = new TimerHeap();
      let seed = 7;
      const rand = (n) => { seed = (seed * 1103515245 + 12345) >>> 0; return seed % n; };
      const live = new Set();
      for (let i = 0; i < 3000; i++) {
        const t = { _when: rand(500), _seq: i, _idx: -1 };
        heap.push(t);
        live.add(t);
        if (rand(3) === 0) {
          const arr = [...live];
          const victim = arr[rand(arr.length)];
          heap.remove(victim);
          live.delete(victim);
        }
      }
      const expected = [...live].sort((a, b) => a._when - b._when || a._seq - b._seq);
      const got = [];
      while (heap.size > 0) got.push(heap.pop());
      assert.deepStrictEqual(got.map((t) => t._seq), expected.map((t) => t._seq));
      for (const t of got) assert.strictEqual(t._idx, -1);
    });
  });
});
