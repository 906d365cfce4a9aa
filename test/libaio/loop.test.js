'use strict';
const assert = require('assert');
const { getLoop, Loop } = require('libaio');
const { eventfd2, eventfd_write, eventfd_read } = require('libjs/eventfd');
const { close } = require('libjs/unistd');
const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const { EEXIST, ENOENT } = require('libjs/errno');
const { runChild, deferred, sleep, until } = require('./helpers');

const efd = () => eventfd2(0, C.EFD_NONBLOCK | C.EFD_CLOEXEC);
const drainEfd = (fd) => eventfd_read(fd, new BigUint64Array(1));

describe('libaio loop', () => {
  // Created when the tests run, not when mocha loads the files: other
  // layers' tests (eloop's attach tests) run first in the same process.
  let loop;
  before(() => {
    loop = getLoop();
  });

  it('is one instance for the process, hosted in Node', () => {
    assert.strictEqual(getLoop(), loop);
    assert.strictEqual(loop.hosted, true);
    assert.ok(loop.epfd >= 0);
  });

  it('add/modify/remove: callbacks get the events and the fd', async () => {
    const fd = efd();
    const got = deferred(2000, 'eventfd readiness');
    assert.strictEqual(loop.add(fd, C.EPOLLIN, (ev, f) => {
      drainEfd(fd);
      got.resolve([ev, f]);
    }), 0);
    assert.strictEqual(loop.add(fd, C.EPOLLIN, () => {}), -EEXIST);
    eventfd_write(fd, 1);
    const [ev, f] = await got;
    assert.strictEqual(ev & C.EPOLLIN, C.EPOLLIN);
    assert.strictEqual(f, fd);
    // Unwatched: the fd is ready but nothing is delivered.
    let calls = 0;
    loop.remove(fd);
    assert.strictEqual(loop.add(fd, 0, () => { calls++; }), 0);
    eventfd_write(fd, 1);
    await sleep(30);
    assert.strictEqual(calls, 0);
    assert.strictEqual(loop.modify(fd, C.EPOLLIN), 0);
    await sleep(30);
    assert.ok(calls > 0, 'level-triggered: readiness is reported once watched');
    assert.strictEqual(loop.remove(fd), 0);
    assert.strictEqual(loop.remove(fd), -ENOENT);
    assert.strictEqual(loop.modify(fd, C.EPOLLIN), -ENOENT);
    close(fd);
  });

  it('counts watched, referenced fds toward keeping the process alive', () => {
    const fd = efd();
    const base = loop.refCount;
    loop.add(fd, C.EPOLLIN, () => {});
    assert.strictEqual(loop.refCount, base + 1);
    loop.setRef(fd, false);
    assert.strictEqual(loop.refCount, base);
    loop.setRef(fd, true);
    loop.modify(fd, 0);
    assert.strictEqual(loop.refCount, base, 'an fd with no interest keeps nothing alive');
    loop.modify(fd, C.EPOLLIN);
    assert.strictEqual(loop.refCount, base + 1);
    loop.remove(fd);
    assert.strictEqual(loop.refCount, base);
    close(fd);
  });

  it('drops the events of an fd removed earlier in the same batch', async () => {
    const a = efd(), b = efd();
    const calls = [];
    const done = deferred(2000, 'batch');
    const first = (name, other) => () => {
      calls.push(name);
      // Whichever runs first removes and closes the other, and opens a new
      // fd that may well get the same number: no stale event may reach it.
      loop.remove(other.fd);
      close(other.fd);
      const c = efd();
      loop.add(c, C.EPOLLIN, () => calls.push('reused'));
      loop.remove(a === other.fd ? b : a);
      setTimeout(() => {
        loop.remove(c);
        close(c);
        done.resolve();
      }, 30);
    };
    const A = { fd: a }, B = { fd: b };
    loop.add(a, C.EPOLLIN, first('a', B));
    loop.add(b, C.EPOLLIN, first('b', A));
    eventfd_write(a, 1);
    eventfd_write(b, 1);
    await done;
    assert.strictEqual(calls.length, 1, `calls: ${calls}`);
    close(calls[0] === 'a' ? a : b);
  });

  it('runs nextTick and microtasks between two I/O callbacks of one batch', async () => {
    const a = efd(), b = efd();
    const order = [];
    const done = deferred(2000, 'batch');
    const cb = (name, fd) => () => {
      loop.remove(fd);
      order.push(name);
      process.nextTick(() => order.push(`${name}:tick`));
      Promise.resolve().then(() => order.push(`${name}:micro`));
      if (order.length === 4) done.resolve();
    };
    loop.add(a, C.EPOLLIN, cb('x', a));
    loop.add(b, C.EPOLLIN, cb('y', b));
    eventfd_write(a, 1);
    eventfd_write(b, 1);
    await done;
    await sleep(1);
    assert.strictEqual(order.length, 6);
    assert.deepStrictEqual(order.slice(1, 3), [`${order[0]}:tick`, `${order[0]}:micro`]);
    close(a);
    close(b);
  });

  it('drains eloop completions (attached to this loop) and counts pending jobs as work', async () => {
    const eloop = require('eloop');
    const base = loop.refCount;
    const done = deferred(5000, 'eloop job');
    eloop.submit(nr.getpid, (r) => done.resolve(r));
    assert.ok(loop.refCount > base, 'a pending eloop job keeps the loop alive');
    assert.strictEqual(await done, process.pid);
    await sleep(1);
    assert.strictEqual(loop.refCount, base);
    const buf = Buffer.alloc(16);
    const fd = require('fs').openSync(__filename, 'r');
    const n = await eloop.promise(nr.pread64, fd, buf, 16, 0);
    require('fs').closeSync(fd);
    assert.strictEqual(n, 16);
    assert.strictEqual(buf.toString(), "'use strict';\nco");
  });

  it('a callback that throws reaches uncaughtException and the loop goes on', async () => {
    const r = await runChild(`
      const aio = require('libaio');
      const C = require('libjs/constants');
      const { eventfd2, eventfd_write, eventfd_read } = require('libjs/eventfd');
      const loop = aio.getLoop();
      let seen = 0;
      process.on('uncaughtException', (e) => { console.log('caught', e.message); });
      const a = eventfd2(0, C.EFD_NONBLOCK), b = eventfd2(0, C.EFD_NONBLOCK);
      loop.add(a, C.EPOLLIN, () => { eventfd_read(a, new BigUint64Array(1)); loop.remove(a); throw new Error('boom'); });
      loop.add(b, C.EPOLLIN, () => { eventfd_read(b, new BigUint64Array(1)); loop.remove(b); console.log('b ran'); });
      eventfd_write(a, 1); eventfd_write(b, 1);
      aio.setTimeout(() => { throw new Error('timer boom'); }, 5);
      aio.setTimeout(() => console.log('later timer ran'), 20);
    `);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').sort();
    assert.deepStrictEqual(lines, ['b ran', 'caught boom', 'caught timer boom', 'later timer ran']);
  });

  it('a close callback that throws does not lose the others (nor the process\'s exit)', async () => {
    const r = await runChild(`
      const aio = require('libaio');
      process.on('uncaughtException', (e) => console.log('caught', e.message));
      const [a, b] = aio.pipe();
      const [c, d] = aio.pipe();
      a.onClose = () => { throw new Error('a'); };
      b.onClose = () => console.log('b closed');
      c.onClose = () => { throw new Error('c'); };
      d.onClose = () => console.log('d closed');
      for (const s of [a, b, c, d]) s.close();
    `);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.stdout.trim().split('\n'), ['caught a', 'b closed', 'caught c', 'd closed']);
  });

  it('a chain of immediates runs one per pass without growing the queue', async () => {
    let n = 0;
    const done = deferred(10000, 'chain');
    const step = () => {
      if (++n === 5000) done.resolve();
      else loop.setImmediate(step);
    };
    loop.setImmediate(step);
    await done;
    assert.ok(loop._imm.length < 2048, `queue array holds ${loop._imm.length} slots`);
  });

  it('a process whose only handle is unref\'d exits at once', async () => {
    const r = await runChild(`
      const aio = require('libaio');
      const s = aio.listen({ host: '127.0.0.1', port: 0 }, () => {});
      s.unref();
      const u = aio.createSocket('udp4');
      u.onMessage = () => {};
      u.bind({ address: '127.0.0.1' });
      u.unref();
      aio.setTimeout(() => console.log('never'), 10000).unref();
      console.log('listening', s.address().port > 0);
    `);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, 'listening true\n');
    assert.ok(r.ms < 5000, `exit took ${r.ms} ms`);
    // The same with a referenced server stays up until it is closed.
    const held = await runChild(`
      const aio = require('libaio');
      const s = aio.listen({ host: '127.0.0.1', port: 0 }, () => {});
      const t0 = Date.now();
      setTimeout(() => { s.close(() => console.log('closed after', Date.now() - t0 >= 400)); }, 400).unref();
    `);
    assert.strictEqual(held.stdout, 'closed after true\n', held.stderr);
  });

  it('an idle process with listeners, a 10 s timer and a started eloop pool uses < 20 ms of CPU over 2 s', async () => {
    const r = await runChild(`
      const fs = require('fs');
      const aio = require('libaio');
      const cpu = () => {
        const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
        return (Number(f[11]) + Number(f[12])) * 1000 / 100; // utime + stime, clock ticks of 10 ms
      };
      const servers = [
        aio.listen({ host: '127.0.0.1', port: 0 }, () => {}),
        aio.listen({ host: '::1', port: 0 }, () => {}),
        aio.listen({ path: '\\0libaio-idle-' + process.pid }, () => {}),
      ];
      const u = aio.createSocket('udp4');
      u.onMessage = () => {};
      u.bind({ address: '127.0.0.1' });
      aio.setTimeout(() => {}, 10000);
      // The pool's threads start, run jobs, linger (ELOOP_SPIN_US) and sleep.
      const eloop = require('eloop');
      const nr = require('libjs/sysnr');
      for (let i = 0; i < 64; i++) eloop.submit(nr.getppid, () => {});
      aio.setTimeout(() => {
        const c0 = cpu();
        const r0 = process.resourceUsage();
        // One more job inside the window: its worker lingers, then sleeps.
        eloop.submit(nr.getppid, () => {});
        aio.setTimeout(() => {
          const r1 = process.resourceUsage();
          const us = (r1.userCPUTime - r0.userCPUTime) + (r1.systemCPUTime - r0.systemCPUTime);
          console.log(JSON.stringify({ statMs: cpu() - c0, rusageMs: us / 1000 }));
          process.exit(0);
        }, 2000);
      }, 300);
    `, { timeout: 20000 });
    assert.strictEqual(r.code, 0, r.stderr);
    const { statMs, rusageMs } = JSON.parse(r.stdout);
    assert.ok(statMs < 20, `utime+stime grew by ${statMs} ms over 2 s (rusage: ${rusageMs} ms)`);
    assert.ok(rusageMs < 20, `rusage: ${rusageMs} ms over 2 s`);
  });

  it('works in a Worker (its own loop and eloop queue) and closes its fds when the Worker ends', async () => {
    const { Worker } = require('worker_threads');
    const fs = require('fs');
    const count = () => fs.readdirSync('/proc/self/fd').length;
    const before = count();
    const w = new Worker(`
      const aio = require('libaio');
      const { parentPort } = require('worker_threads');
      const srv = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => {
        s.onData = (d) => { s.write(d); s.pause(); };
        s.resume();
      });
      const c = aio.connect({ host: '127.0.0.1', port: srv.address().port }, () => {
        c.onData = (d) => {
          parentPort.postMessage('echo ' + d);
          // Leave everything open but idle: the Worker ends, its fds must go.
          c.pause();
          srv.unref();
        };
        c.resume();
        c.write('from a worker');
      });
    `, { eval: true });
    const msg = await new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
    assert.strictEqual(msg, 'echo from a worker');
    const code = await new Promise((res) => w.once('exit', res));
    assert.strictEqual(code, 0);
    // Node and eloop release the Worker's own descriptors (its libuv loop,
    // its completion eventfd) asynchronously; libaio's go in its 'exit'.
    await until(() => count() === before, 5000, `fd count back to ${before} (now ${count()})`).catch(() => {});
    assert.strictEqual(count(), before);
  });

  it('closes a Worker\'s fds when the Worker is terminated (no JavaScript runs then)', async () => {
    const { Worker } = require('worker_threads');
    const fs = require('fs');
    const count = () => fs.readdirSync('/proc/self/fd').length;
    const before = count();
    const w = new Worker(`
      const aio = require('libaio');
      const { parentPort } = require('worker_threads');
      const srv = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => { s.onData = () => {}; s.resume(); });
      const [r, wr] = aio.pipe();
      const u = aio.createSocket('udp4');
      u.bind({ port: 0, address: '127.0.0.1' });
      const c = aio.connect({ host: '127.0.0.1', port: srv.address().port }, () => {
        parentPort.postMessage('open');
      });
    `, { eval: true });
    const msg = await new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
    assert.strictEqual(msg, 'open');
    assert.ok(count() > before + 5, 'the Worker holds its sockets, pipe and loop fds');
    await w.terminate();
    await until(() => count() === before, 5000, `fd count back to ${before} (now ${count()})`).catch(() => {});
    assert.strictEqual(count(), before);
  });

  describe('standalone', () => {
    it('run() drives the loop on its own thread and returns when no referenced work is left', async () => {
      const r = await runChild(`
        const aio = require('libaio');
        const loop = aio.getLoop();
        const out = [];
        const srv = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => {
          s.onData = (d) => s.write(d);
          s.onEnd = () => s.end(() => s.close());
          s.resume();
        });
        const c = aio.connect({ host: '127.0.0.1', port: srv.address().port }, async (err) => {
          out.push('connect ' + err);
          await Promise.resolve(); // microtasks run under run()
          out.push('after await');
          let got = '';
          c.onData = (d) => { got += d; };
          c.onEnd = () => { out.push('echo ' + got); c.close(); srv.close(); };
          c.resume();
          c.write('ping');
          c.end();
        });
        loop.setTimeout(() => out.push('timer'), 5);
        loop.setImmediate(() => out.push('immediate'));
        loop.setTimeout(() => out.push('unrefd never'), 60000).unref();
        const t0 = Date.now();
        loop.run();
        out.push('run returned');
        console.log(JSON.stringify({ out, ms: Date.now() - t0 }));
      `);
      assert.strictEqual(r.code, 0, r.stderr);
      const { out, ms } = JSON.parse(r.stdout);
      assert.strictEqual(out[out.length - 1], 'run returned');
      for (const x of ['connect 0', 'after await', 'echo ping', 'timer', 'immediate'])
        assert.ok(out.includes(x), `missing ${x} in ${out}`);
      assert.ok(!out.includes('unrefd never'));
      assert.ok(ms < 5000, `run() took ${ms} ms`);
    });

    it('a separate Loop({ hosted: false }) runs with runOnce/run and closes its fds', async () => {
      const fs = require('fs');
      const before = fs.readdirSync('/proc/self/fd').length;
      const l = new Loop({ hosted: false });
      let n = 0;
      l.setTimeout(() => { n++; }, 1);
      l.setImmediate(() => { n++; });
      l.run();
      assert.strictEqual(n, 2);
      assert.strictEqual(l.alive(), false);
      l.close();
      assert.strictEqual(fs.readdirSync('/proc/self/fd').length, before);
    });
  });
});
