'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const sys = require('libsys');
const nr = require('./nr');

function pipe() {
  const fds = new Int32Array(2);
  assert.strictEqual(sys.syscall(nr.pipe2, fds, 0o4000 /* O_NONBLOCK */), 0);
  return [fds[0], fds[1]];
}

describe('libsys poll hook', () => {
  it('wakes JavaScript when an fd is readable, then runs nextTick and microtasks', (done) => {
    const [r, w] = pipe();
    const order = [];
    const h = sys.pollOpen(r, 1, (events) => {
      order.push(`ready:${events}`);
      const buf = Buffer.alloc(16);
      assert.strictEqual(sys.syscall(nr.read, r, buf, 16), 3);
      process.nextTick(() => order.push('tick'));
      Promise.resolve().then(() => order.push('microtask'));
      sys.pollClose(h);
      setImmediate(() => {
        assert.deepStrictEqual(order, ['ready:1', 'tick', 'microtask']);
        sys.syscall(nr.close, r);
        sys.syscall(nr.close, w);
        done();
      });
    });
    assert.strictEqual(sys.syscall(nr.write, w, Buffer.from('abc'), 3), 3);
  });

  it('pollAgain enters the callback again in a scope of its own; after() runs once, after the last', (done) => {
    const [r, w] = pipe();
    const order = [];
    let entries = 0;
    const h = sys.pollOpen(r, 1, () => {
      const k = ++entries;
      order.push(`entry ${k}`);
      process.nextTick(() => order.push(`tick ${k}`));
      Promise.resolve().then(() => order.push(`microtask ${k}`));
      if (k < 3) sys.pollAgain(h);
      else sys.syscall(nr.read, r, Buffer.alloc(16), 16); // drained: no wake-up after this one
    }, () => {
      order.push('after');
      sys.pollClose(h);
      setImmediate(() => {
        assert.deepStrictEqual(order, ['entry 1', 'tick 1', 'microtask 1', 'entry 2', 'tick 2', 'microtask 2',
          'entry 3', 'tick 3', 'microtask 3', 'after']);
        sys.syscall(nr.close, r);
        sys.syscall(nr.close, w);
        done();
      });
    });
    assert.strictEqual(sys.syscall(nr.write, w, Buffer.from('x'), 1), 1);
  });

  it('pollSet changes the watched events', (done) => {
    const [r, w] = pipe();
    const h = sys.pollOpen(w, 0, () => {
      sys.pollClose(h);
      sys.syscall(nr.close, r);
      sys.syscall(nr.close, w);
      done();
    });
    sys.pollSet(h, 2); // writable at once
  });

  it('an unref\'d handle does not keep the process alive; a ref\'d one does', () => {
    const script = (ref) => `const s = require('libsys'); const fds = new Int32Array(2);
      s.syscall(${nr.pipe2}, fds, 0); const h = s.pollOpen(fds[0], 1, () => {});
      s.pollRef(h, ${ref}); setTimeout(() => { console.log('timer'); ${ref ? 's.pollClose(h);' : ''} }, 300);`;
    let t0 = Date.now();
    let r = spawnSync(process.execPath, ['-e', script(false)], { encoding: 'utf8', timeout: 5000 });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'timer\n');
    t0 = Date.now();
    r = spawnSync(process.execPath, ['-e', script(true)], { encoding: 'utf8', timeout: 5000 });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'timer\n'); // closed by the timer, then exits
    // Without any timer, an unref'd handle lets the process exit at once.
    t0 = Date.now();
    r = spawnSync(process.execPath, ['-e', `const s = require('libsys'); const fds = new Int32Array(2);
      s.syscall(${nr.pipe2}, fds, 0); s.pollRef(s.pollOpen(fds[0], 1, () => {}), false);`], { timeout: 5000 });
    assert.strictEqual(r.status, 0);
    assert.ok(Date.now() - t0 < 2000);
  });

  it('an exception in the callback reaches uncaughtException', () => {
    const r = spawnSync(process.execPath, ['-e', `const s = require('libsys'); const fds = new Int32Array(2);
      s.syscall(${nr.pipe2}, fds, 0); const h = s.pollOpen(fds[1], 2, () => { s.pollClose(h); throw new Error('boom'); });
      process.on('uncaughtException', (e) => console.log('caught', e.message));`], { encoding: 'utf8', timeout: 5000 });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'caught boom\n');
  });

  it('closes open handles when a worker thread ends', async () => {
    const { Worker } = require('worker_threads');
    const w = new Worker(`const s = require('libsys'); const fds = new Int32Array(2);
      s.syscall(${nr.pipe2}, fds, 0); s.pollOpen(fds[0], 1, () => {});
      require('worker_threads').parentPort.postMessage('open'); setTimeout(() => process.exit(0), 50);`, { eval: true });
    const msg = await new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
    assert.strictEqual(msg, 'open');
    const code = await new Promise((resolve) => w.once('exit', resolve));
    assert.strictEqual(code, 0);
  });

  it('rejects bad arguments with TypeError', () => {
    assert.throws(() => sys.pollOpen(-1, 1, () => {}), TypeError);
    assert.throws(() => sys.pollOpen(0, 4, () => {}), TypeError);
    assert.throws(() => sys.pollOpen(0, 1, 'no'), TypeError);
    assert.throws(() => sys.pollClose({}), TypeError);
    assert.throws(() => sys.pollRef(1, true), TypeError);
    assert.throws(() => sys.pollOpen(0, 1, () => {}, 'no'), /argument 4 \(after\)/);
    assert.throws(() => sys.pollAgain(), /pollAgain: handle required/);
    assert.throws(() => sys.pollAgain({}), TypeError);
    assert.throws(() => sys.pollSet(), /pollSet: handle required/);
  });
});
