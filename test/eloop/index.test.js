'use strict';
const assert = require('assert');
const sys = require('libsys');
const eloop = require('eloop');
const h = require('./helpers');

const { nr } = h;

describe('eloop API', () => {
  it('runs a system call off the main thread and calls back asynchronously', (done) => {
    let sync = true;
    const id = eloop.submit(nr.gettid, (tid) => {
      assert.strictEqual(sync, false);
      assert.strictEqual(typeof tid, 'number');
      assert.notStrictEqual(tid, process.pid); // a pool thread, not the main thread
      done();
    });
    assert.strictEqual(typeof id, 'number');
    sync = false;
  });

  it('passes numbers, buffers and strings as libsys.syscall does, and returns -errno', async () => {
    const { file, data } = h.makeFile(1);
    try {
      const fd = await eloop.promise(nr.openat, h.AT_FDCWD, file, h.O_CLOEXEC);
      assert.ok(fd >= 0, String(fd));
      const buf = Buffer.alloc(100);
      assert.strictEqual(await eloop.promise(nr.pread64, fd, buf, 100, 4096), 100);
      assert.ok(buf.equals(data.subarray(4096, 4196)));
      // BigInt offset, a Uint32Array and a DataView at an offset into an ArrayBuffer.
      const u32 = new Uint32Array(4);
      assert.strictEqual(await eloop.promise(nr.pread64, fd, u32, 16, 8192n), 16);
      assert.ok(Buffer.from(u32.buffer).equals(data.subarray(8192, 8208)));
      const ab = new ArrayBuffer(64);
      const dv = new DataView(ab, 32, 8);
      assert.strictEqual(await eloop.promise(nr.pread64, fd, dv, 8, 12), 8);
      assert.ok(Buffer.from(ab, 32, 8).equals(data.subarray(12, 20)));
      assert.strictEqual(await eloop.promise(nr.pread64, fd, ab, 64, 0), 64);
      assert.ok(Buffer.from(ab).equals(data.subarray(0, 64)));
      const sab = new SharedArrayBuffer(32);
      assert.strictEqual(await eloop.promise(nr.pread64, fd, sab, 32, 64), 32);
      assert.ok(Buffer.from(sab).equals(data.subarray(64, 96)));
      assert.strictEqual(await eloop.promise(nr.close, fd), 0);
      assert.strictEqual(await eloop.promise(nr.close, fd), -9); // EBADF
      assert.strictEqual(await eloop.promise(nr.openat, h.AT_FDCWD, '/nonexistent/eloop', 0), -2); // ENOENT
      // A path longer than the inline scratch area (a heap copy) still works.
      const long = '/' + './'.repeat(1500) + file.slice(1);
      const fd2 = await eloop.submitAsync(nr.openat, h.AT_FDCWD, long, h.O_CLOEXEC);
      assert.ok(fd2 >= 0, String(fd2));
      assert.strictEqual(sys.syscall(nr.close, fd2), 0);
    } finally {
      require('fs').rmSync(file);
    }
  });

  it('rejects bad arguments with TypeError before anything is queued', async () => {
    const before = eloop.pending();
    const cb = () => assert.fail('called');
    assert.throws(() => eloop.submit(), TypeError);
    assert.throws(() => eloop.submit(nr.getpid), TypeError);
    assert.throws(() => eloop.submit(nr.getpid, 'not a function'), TypeError);
    assert.throws(() => eloop.submit(nr.getpid, 1, 2, 3, 4, 5, 6, 7, cb), TypeError);
    assert.throws(() => eloop.submit(-1, cb), TypeError);
    assert.throws(() => eloop.submit(1.5, cb), TypeError);
    assert.throws(() => eloop.submit('39', cb), TypeError);
    assert.throws(() => eloop.submit(nr.read, 0, {}, 1, cb), TypeError);
    assert.throws(() => eloop.submit(nr.read, 0.5, cb), TypeError);
    assert.throws(() => eloop.submit(nr.read, Symbol('x'), cb), TypeError);
    assert.throws(() => eloop.submit(nr.read, () => {}, 0, cb), TypeError);
    assert.throws(() => eloop.submit(nr.read, 2n ** 64n, cb), TypeError);
    assert.throws(() => eloop.submit(nr.openat, h.AT_FDCWD, 'a\0b', 0, cb), TypeError);
    assert.throws(() => eloop.submit(nr.read, [1], cb), TypeError);
    assert.throws(() => eloop.cancel('1'), TypeError);
    assert.throws(() => eloop.attach(42), TypeError);
    await assert.rejects(eloop.promise(nr.read, {}, 0, 0), TypeError);
    assert.strictEqual(eloop.pending(), before);
    try {
      eloop.submit(nr.read, 0, {}, 1, cb);
    } catch (e) {
      assert.strictEqual(e.code, 'ERR_INVALID_ARG_TYPE');
    }
  });

  it('runs process.nextTick and promise reactions after each batch, as Node does for its callbacks', (done) => {
    const order = [];
    eloop.submit(nr.getpid, () => {
      order.push('first');
      process.nextTick(() => order.push('tick'));
      Promise.resolve().then(() => order.push('microtask'));
      // Submitted from a callback: completes in a later turn, after the ticks.
      eloop.submit(nr.getpid, () => {
        order.push('second');
        assert.deepStrictEqual(order, ['first', 'tick', 'microtask', 'second']);
        done();
      });
    });
  });

  it('a chain of jobs that resubmit from their callbacks does not starve timers', (done) => {
    // Once the chain runs, a timer and an immediate must still get their turn
    // while it goes on (if it starved them, this test would time out).
    let jobs = 0;
    let turns = 0;
    const again = () => {
      if (++jobs === 20) {
        setTimeout(() => { turns++; }, 5);
        setImmediate(() => { turns++; });
      }
      if (turns < 2) eloop.submit(nr.getpid, again);
      else done();
    };
    eloop.submit(nr.getpid, again);
  });

  it('runs many jobs submitted from one callback (held, then sent in groups)', async () => {
    const results = await new Promise((resolve) => {
      eloop.submit(nr.getpid, () => {
        const all = [];
        for (let i = 0; i < 300; i++) all.push(eloop.promise(nr.getpid));
        resolve(Promise.all(all));
      });
    });
    assert.strictEqual(results.length, 300);
    assert.ok(results.every((r) => r === process.pid));
  });

  it('counts pending jobs until their callbacks have run', async () => {
    const before = eloop.pending();
    const p = [eloop.promise(nr.getpid), eloop.promise(nr.getpid)];
    assert.strictEqual(eloop.pending(), before + 2);
    await Promise.all(p);
    assert.strictEqual(eloop.pending(), before);
  });

  it('keeps the process alive exactly while jobs are pending', () => {
    // A read that waits 300 ms for data keeps the process up; once it is
    // delivered nothing does, and the process exits at once.
    const r = h.runChild(`const [rd, wr] = h.pipe(); const buf = Buffer.alloc(8);
      const t0 = Date.now();
      eloop.submit(h.nr.read, rd, buf, 8, (n) => console.log('read', n, buf.toString('latin1', 0, n)));
      // An unref'd timer does not hold the process: only the job does.
      setTimeout(() => sys.syscall(h.nr.write, wr, Buffer.from('hello'), 5), 300).unref();
      process.on('exit', () => console.log('exit', Date.now() - t0 >= 290));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'read 5 hello\nexit true\n');
    assert.ok(r.ms < 3000, `took ${r.ms} ms`);
  });

  it('delivers the rest of a batch after a callback throws, through uncaughtException', () => {
    const r = h.runChild(`const [rd, wr] = h.pipe(); const got = [];
      process.on('uncaughtException', (e) => got.push('caught ' + e.message));
      // Three jobs that complete together, in one batch.
      for (let i = 0; i < 3; i++) eloop.submit(h.nr.read, rd, Buffer.alloc(1), 1, (n) => {
        got.push('cb ' + n);
        if (got.length === 1) throw new Error('boom');
      });
      h.until(() => h.workersIn(h.nr.read) === 3, 'three blocked reads').then(() => {
        sys.syscall(h.nr.write, wr, Buffer.from('abc'), 3);
        // Let all three complete before the loop looks: one batch.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      });
      process.on('exit', () => console.log(got.join(',')));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'cb 1,caught boom,cb 1,cb 1\n');
  });

  it('lets another loop watch the eventfd and drain it (attach/detach)', async () => {
    // In a child: eloop has one attachment per environment, and this mocha
    // process may already have given it to libaio's loop (another test file).
    const r = await h.runChildAsync(`const assert = require('assert');
      (async () => {
        const refs = [];
        const fd = eloop.attach((on) => refs.push(on));
        try {
          assert.strictEqual(fd, eloop.fd());
          let woke = 0;
          const handle = sys.pollOpen(fd, 1, () => {
            woke++;
            eloop.drain();
          });
          try {
            const results = await Promise.all([eloop.promise(h.nr.getpid), eloop.promise(h.nr.getpid)]);
            assert.deepStrictEqual(results, [process.pid, process.pid]);
            assert.ok(woke >= 1);
            assert.deepStrictEqual(refs, [true, false]);
            assert.throws(() => eloop.attach(() => {}), /already attached/);
          } finally {
            sys.pollClose(handle);
          }
        } finally {
          eloop.detach();
        }
        // Standalone again.
        assert.strictEqual(await eloop.promise(h.nr.getpid), process.pid);
        console.log('ok');
      })().catch((e) => { console.error(e); process.exitCode = 1; });`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'ok\n');
  });

  it('works under an edge-triggered watcher, a throwing callback included', () => {
    // What libaio may do: the eventfd in an epoll set with EPOLLET, drained
    // on each edge. The first callback submits a job and throws; the rest of
    // its batch and the new job must still arrive.
    const r = h.runChild(`const x64 = process.arch === 'x64', size = x64 ? 12 : 16;
      const ep = sys.syscall(h.nr.epoll_create1, h.O_CLOEXEC);
      const efd = eloop.attach(() => {});
      const ev = Buffer.alloc(size); ev.writeUInt32LE((1 | 1 << 31) >>> 0, 0); // EPOLLIN | EPOLLET
      if (sys.syscall(h.nr.epoll_ctl, ep, 1, efd, ev) !== 0) throw new Error('epoll_ctl');
      const out = Buffer.alloc(size * 8), got = [];
      const watch = sys.pollOpen(ep, 1, () => {
        if (sys.syscall(h.nr.epoll_pwait, ep, out, 8, 0, null, 8) <= 0) return;
        try { eloop.drain(); } catch (e) { got.push('caught ' + e.message); }
        if (got.length === 5) sys.pollClose(watch);
      });
      const [rd, wr] = h.pipe();
      for (let i = 0; i < 3; i++) eloop.submit(h.nr.read, rd, Buffer.alloc(1), 1, (n) => {
        got.push('cb ' + n);
        if (got.length === 1) {
          eloop.submit(h.nr.getpid, (pid) => got.push('getpid ' + (pid === process.pid)));
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // it completes meanwhile
          throw new Error('boom');
        }
      });
      h.until(() => h.workersIn(h.nr.read) === 3, 'three blocked reads').then(() => {
        sys.syscall(h.nr.write, wr, Buffer.from('abc'), 3);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      });
      process.on('exit', () => console.log(got.join(',')));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'cb 1,caught boom,cb 1,cb 1,getpid true\n');
  });

  it('drain() returns 0 when nothing has completed', () => {
    assert.strictEqual(eloop.drain(), 0);
  });

  it('reports the pool size', () => {
    assert.strictEqual(eloop.poolSize(), Number(process.env.ELOOP_THREADPOOL_SIZE || 4));
  });
});
