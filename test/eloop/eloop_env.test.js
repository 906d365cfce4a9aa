'use strict';
const assert = require('assert');
const { Worker } = require('worker_threads');
const sys = require('libsys');
const eloop = require('eloop');
const h = require('./helpers');

const { nr } = h;

// A worker_threads Worker running `body` with eloop, h and sys loaded.
function worker(body) {
  const w = new Worker(`${h.prelude}const { parentPort } = require('worker_threads');\n${body}`, { eval: true });
  const messages = [];
  w.on('message', (m) => messages.push(m));
  const exited = new Promise((resolve, reject) => {
    w.once('error', reject);
    w.once('exit', resolve);
  });
  const message = (pred) => h.until(() => messages.some(pred), 'a message from the worker')
    .then(() => messages.find(pred));
  return { w, exited, message, messages };
}

// A child that blocks every pool thread in a read on an empty pipe and queues
// more behind them, then ends as `how` says; prints when it started to end.
function blockedChild(how) {
  return `const pipes = []; for (let i = 0; i < 12; i++) pipes.push(h.pipe());
    for (const [rd] of pipes) eloop.submit(h.nr.read, rd, Buffer.alloc(16), 16, () => console.log('delivered?'));
    h.until(() => h.workersIn(h.nr.read) === eloop.poolSize(), 'blocked workers').then(() => {
      console.log(Date.now());
      ${how}
    });`;
}

describe('eloop environments, teardown and exit', function () {
  this.timeout(30000);

  it('a process with jobs blocked in the kernel exits at once on process.exit()', () => {
    const r = h.runChild(blockedChild('process.exit(3);'));
    const end = Date.now();
    assert.strictEqual(r.status, 3, r.stderr);
    assert.ok(end - Number(r.stdout) < 1000, `exit took ${end - Number(r.stdout)} ms`);
  });

  it('... and on an uncaught exception', () => {
    const r = h.runChild(blockedChild("throw new Error('bye');"));
    const end = Date.now();
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /Error: bye/);
    assert.ok(end - Number(r.stdout) < 1000, `exit took ${end - Number(r.stdout)} ms`);
  });

  it('... and when its loop ends while jobs run that do not hold it (teardown interrupts them)', () => {
    // Attached to a loop that never drains and ignores keep-alive: Node's loop
    // empties, the environment is torn down with reads blocked in workers.
    const r = h.runChild(`eloop.attach(() => {});\n${blockedChild("process.on('exit', () => console.error('exit event'));")}`);
    const end = Date.now();
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /exit event/);
    assert.doesNotMatch(r.stdout, /delivered/);
    assert.ok(end - Number(r.stdout.split('\n')[0]) < 1000, `exit took ${end - Number(r.stdout)} ms`);
  });

  it('completes jobs submitted in a worker thread, on the one process-wide pool', async () => {
    const { file, data } = h.makeFile(1);
    try {
      const { exited, message } = worker(`const fd = h.openRead(${JSON.stringify(file)});
        const buf = Buffer.alloc(64);
        eloop.submit(h.nr.pread64, fd, buf, 64, 1000, (n) => {
          eloop.submit(h.nr.gettid, (tid) => {
            parentPort.postMessage({ n, bytes: buf, tid, threads: h.poolThreads() });
            sys.syscall(h.nr.close, fd);
          });
        });`);
      const m = await message(() => true);
      assert.strictEqual(m.n, 64);
      assert.ok(Buffer.from(m.bytes).equals(data.subarray(1000, 1064)));
      assert.ok(m.tid > 0);
      assert.strictEqual(m.threads, eloop.poolSize()); // not a second pool
      assert.strictEqual(await exited, 0);
    } finally {
      require('fs').rmSync(file);
    }
  });

  it('workers and the main thread share the pool, each with its own completions', async () => {
    const { file, data } = h.makeFile(4);
    try {
      const job = `async function reads(file, count) {
        const fd = h.openRead(file);
        const data = require('fs').readFileSync(file);
        let bad = 0;
        for (let i = 0; i < count; i += 16) {
          await Promise.all(Array.from({ length: 16 }, async (_, k) => {
            const off = ((i + k) * 7919) % (4 << 20) & ~3, buf = Buffer.alloc(256);
            const n = await eloop.promise(h.nr.pread64, fd, buf, 256, off);
            const want = data.subarray(off, off + 256);
            if (n !== want.length || !buf.subarray(0, n).equals(want)) bad++;
          }));
        }
        sys.syscall(h.nr.close, fd);
        return bad;
      }`;
      const ws = Array.from({ length: 3 }, () => worker(`${job}
        reads(${JSON.stringify(file)}, 400).then((bad) => parentPort.postMessage({ bad }));`));
      const fd = h.openRead(file);
      let bad = 0;
      for (let i = 0; i < 2000; i += 32) {
        await Promise.all(Array.from({ length: 32 }, async (_, k) => {
          const off = ((i + k) * 104729) % (4 << 20) & ~3;
          const buf = Buffer.alloc(512);
          const n = await eloop.promise(nr.pread64, fd, buf, 512, off);
          if (!buf.subarray(0, n).equals(data.subarray(off, off + 512))) bad++;
        }));
      }
      h.close(fd);
      assert.strictEqual(bad, 0);
      for (const w of ws) {
        assert.deepStrictEqual(await w.message(() => true), { bad: 0 });
        assert.strictEqual(await w.exited, 0);
      }
    } finally {
      require('fs').rmSync(file);
    }
  });

  it('a worker terminated with jobs blocked and queued does not crash or hang, nor disturb the main thread\'s jobs', async () => {
    const size = eloop.poolSize();
    assert.ok(size >= 2);
    // The main thread blocks one worker; the worker thread blocks the rest and
    // queues more.
    const [rd, wr] = h.pipe();
    const mainBuf = Buffer.alloc(8);
    let mainResult;
    eloop.submit(nr.read, rd, mainBuf, 8, (n) => { mainResult = n; });
    await h.until(() => h.workersIn(nr.read) === 1, 'the main thread\'s read');
    const { w, exited, message } = worker(`const pipes = []; for (let i = 0; i < 10; i++) pipes.push(h.pipe());
      for (const [rd] of pipes) eloop.submit(h.nr.read, rd, Buffer.alloc(64), 64, () => {});
      parentPort.postMessage({ fds: pipes.flat() });`);
    const { fds } = await message((m) => m.fds);
    await h.until(() => h.workersIn(nr.read) === size, 'every pool thread blocked');
    const t0 = Date.now();
    await w.terminate();
    assert.strictEqual(await exited, 1);
    assert.ok(Date.now() - t0 < 1000, `terminate took ${Date.now() - t0} ms`);
    // The worker's reads were interrupted; the main thread's was not.
    await h.until(() => h.workersIn(nr.read) === 1, 'the worker\'s reads to end');
    assert.strictEqual(mainResult, undefined);
    assert.strictEqual(sys.syscall(nr.write, wr, Buffer.from('survived'), 8), 8);
    await h.until(() => mainResult !== undefined, 'the main thread\'s read');
    assert.strictEqual(mainResult, 8);
    assert.strictEqual(mainBuf.toString(), 'survived');
    // Every pool thread is free again.
    const pids = await Promise.all(Array.from({ length: size * 2 }, () => eloop.promise(nr.getpid)));
    assert.deepStrictEqual(pids, Array(size * 2).fill(process.pid));
    h.close(rd, wr, ...fds); // a worker's fds are the process's

  });

  it('a worker that exits by itself with jobs in flight is torn down cleanly', async () => {
    const { exited, message } = worker(`const pipes = []; for (let i = 0; i < 6; i++) pipes.push(h.pipe());
      for (const [rd] of pipes) eloop.submit(h.nr.read, rd, Buffer.alloc(64), 64, () => {});
      parentPort.postMessage({ fds: pipes.flat() });
      h.until(() => h.workersIn(h.nr.read) === eloop.poolSize(), 'blocked').then(() => process.exit(7));`);
    const t0 = Date.now();
    const { fds } = await message((m) => m.fds);
    assert.strictEqual(await exited, 7);
    assert.ok(Date.now() - t0 < 5000);
    await h.until(() => h.workersIn(nr.read) === 0, 'the worker\'s reads to end');
    assert.strictEqual(await eloop.promise(nr.getpid), process.pid);
    h.close(...fds);
  });

  it('survives workers terminated at random moments while they submit, cancel and block', async () => {
    eloop.fd(); // the main thread's own eventfd exists before the count
    const eventfds = h.eventfdCount();
    const all = h.fdCount();
    for (let round = 0; round < 12; round++) {
      const { w, exited, message } = worker(`const pipes = [h.pipe(), h.pipe()];
        const fd = h.openRead('/proc/self/exe');
        let n = 0;
        const spin = () => {
          for (let i = 0; i < 50; i++) {
            const ids = [eloop.submit(h.nr.pread64, fd, Buffer.alloc(4096), 4096, (n++ * 4096) % 65536, () => {}),
              eloop.submit(h.nr.getpid, spin.bind(null, 0)), eloop.submit(h.nr.openat, -100, 'x'.repeat(i * 40), 0, () => {})];
            if (i % 2) eloop.cancel(ids[i % 3]);
          }
          if (n === 50) for (const [rd] of pipes) eloop.submit(h.nr.read, rd, Buffer.alloc(8), 8, () => {});
          if (n === 50) parentPort.postMessage({ fds: [...pipes.flat(), fd] });
        };
        spin();`);
      const { fds } = await message((m) => m.fds);
      await new Promise((r) => setTimeout(r, round % 4 * 3));
      await w.terminate();
      assert.strictEqual(await exited, 1);
      h.close(...fds);
    }
    await h.until(() => h.workersIn(nr.read) === 0, 'no worker left blocked');
    const pids = await Promise.all(Array.from({ length: 8 }, () => eloop.promise(nr.getpid)));
    assert.ok(pids.every((p) => p === process.pid));
    await h.until(() => h.eventfdCount() === eventfds && h.fdCount() === all, 'fds closed', 3000);
  });

  it('closes each environment\'s eventfd when it is torn down', async () => {
    eloop.fd(); // the main thread's own eventfd exists before the count
    const eventfds = h.eventfdCount();
    const fds = h.fdCount();
    for (let round = 0; round < 2; round++) {
      const ws = Array.from({ length: 4 }, () => worker(`const fd = eloop.fd();
        eloop.submit(h.nr.getpid, () => parentPort.postMessage({ fd, link: require('fs').readlinkSync('/proc/self/fd/' + fd) }));`));
      for (const w of ws) {
        const m = await w.message(() => true);
        assert.strictEqual(m.link, 'anon_inode:[eventfd]');
        assert.strictEqual(await w.exited, 0);
      }
    }
    await h.until(() => h.eventfdCount() === eventfds && h.fdCount() === fds, 'fd counts back to where they were', 3000);
  });
});
