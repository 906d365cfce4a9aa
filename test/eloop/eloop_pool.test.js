'use strict';
const assert = require('assert');
const fs = require('fs');
const sys = require('libsys');
const eloop = require('eloop');
const h = require('./helpers');

const { nr } = h;

// 100,000 preads of random lengths at random offsets (some running past the
// end of the file), `depth` in flight, each checked against the file's bytes.
// Used here and, with gc() running in a loop, in a child process.
const preadStress = `async function preadStress({ mib, reads, depth, gc }) {
  const { file, data } = h.makeFile(mib);
  const fd = h.openRead(file);
  const size = data.length;
  let seed = 0x2545f491;
  const rand = (n) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
  let next = 0, done = 0, bad = 0, collected = 0;
  const weak = gc ? [] : null;
  await new Promise((resolve) => {
    const one = () => {
      const len = 1 + rand(8192);
      const off = rand(16) === 0 ? size - rand(len) : rand(size - len);
      // With gc, only the job holds the buffer: the callback reaches it
      // through a WeakRef, which must still find it, filled.
      let buf = Buffer.allocUnsafe(len);
      const ref = gc ? new WeakRef(buf) : null;
      const keep = gc ? null : buf;
      if (gc && weak.length < 2000) weak.push(ref);
      eloop.submit(h.nr.pread64, fd, buf, len, off, (n) => {
        const b = gc ? ref.deref() : keep;
        if (b === undefined) collected++;
        else if (n !== Math.min(len, size - off) || !b.subarray(0, n).equals(data.subarray(off, off + n))) bad++;
        if (++done === reads) resolve();
        else if (next < reads) { next++; one(); }
      });
      buf = null;
    };
    for (; next < depth; next++) one();
    if (gc) {
      const loop = () => { if (done < reads) { globalThis.gc(); setImmediate(loop); } };
      setImmediate(loop);
    }
  });
  sys.syscall(h.nr.close, fd);
  fs.rmSync(file);
  let leaked = 0;
  if (gc) {
    // Delivered jobs let go of their buffers.
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 3; i++) globalThis.gc();
    leaked = weak.filter((w) => w.deref() !== undefined).length;
  }
  return { done, bad, collected, leaked };
}
`;

describe('eloop pool', function () {
  this.timeout(60000);

  it('100,000 preads at random offsets of a 64 MiB file return the right bytes', async () => {
    const fn = new Function('h', 'eloop', 'sys', 'fs', `${preadStress}; return preadStress;`)(h, eloop, sys, fs);
    const r = await fn({ mib: 64, reads: 100000, depth: 64, gc: false });
    assert.deepStrictEqual(r, { done: 100000, bad: 0, collected: 0, leaked: 0 });
  });

  it('the same with gc() in a loop while reads are in flight and their buffers are otherwise unreferenced', () => {
    const r = h.runChild(`const fs = require('fs'); ${preadStress}
      preadStress({ mib: 64, reads: 100000, depth: 64, gc: true }).then((r) => console.log(JSON.stringify(r)));`,
    { args: ['--expose-gc'], timeout: 55000 });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), { done: 100000, bad: 0, collected: 0, leaked: 0 });
  });

  it('keeps every kind of buffer alive and in place through GCs while reads wait in the kernel', () => {
    // 16 reads on empty pipes: 4 blocked in workers, 12 queued. Their buffers
    // (on-heap small typed arrays included, which V8 could move) are reachable
    // only from the jobs while the heap is collected and churned.
    const r = h.runChild(`
      const kinds = [
        () => new Uint8Array(8), () => new Uint16Array(4), () => Buffer.allocUnsafe(8), () => Buffer.alloc(8),
        () => new ArrayBuffer(8), () => new DataView(new ArrayBuffer(16), 4, 8), () => new SharedArrayBuffer(8),
        () => new Float64Array(1),
      ];
      const bytes = (x) => x instanceof ArrayBuffer || x instanceof SharedArrayBuffer ? new Uint8Array(x)
        : new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
      const pipes = [], refs = [], got = [];
      for (let i = 0; i < 16; i++) {
        const p = h.pipe(); pipes.push(p);
        const ref = new WeakRef(kinds[i % kinds.length]());
        refs.push(ref);
        eloop.submit(h.nr.read, p[0], ref.deref(), 8, (n) => {
          const b = ref.deref();
          got[i] = b === undefined ? 'collected' : n + ':' + Buffer.from(bytes(b)).toString('latin1', 0, n);
        });
      }
      setTimeout(() => {
        for (let k = 0; k < 5; k++) { const junk = []; for (let j = 0; j < 20000; j++) junk.push({ j }, new Uint8Array(16)); gc(); }
        pipes.forEach(([, w], i) => sys.syscall(h.nr.write, w, Buffer.from(('abcdefgh' + i).slice(-8)), 8));
      }, 50);
      process.on('exit', () => console.log(got.join(' ')));`, { args: ['--expose-gc'] });
    assert.strictEqual(r.status, 0, r.stderr);
    const want = Array.from({ length: 16 }, (_, i) => `8:${('abcdefgh' + i).slice(-8)}`).join(' ');
    assert.strictEqual(r.stdout.trim(), want);
  });

  it('cancels queued jobs with -ECANCELED; running jobs finish normally', async () => {
    const size = eloop.poolSize();
    const pipes = Array.from({ length: size }, () => h.pipe());
    const blocked = [];
    const running = pipes.map(([rd], i) => eloop.submit(nr.read, rd, Buffer.alloc(4), 4, (n) => { blocked[i] = n; }));
    await h.until(() => h.workersIn(nr.read) === size, 'every worker blocked in read');
    const queued = [];
    const ids = Array.from({ length: 10 }, (_, i) => eloop.submit(nr.getpid, (r) => { queued[i] = r; }));
    assert.strictEqual(eloop.cancel(running[0]), false); // running
    for (const id of ids.slice(0, 8)) assert.strictEqual(eloop.cancel(id), true);
    assert.strictEqual(eloop.cancel(ids[0]), false); // already cancelled
    assert.strictEqual(eloop.cancel(123456789), false); // unknown
    await h.until(() => queued.filter((r) => r !== undefined).length === 8, 'cancelled callbacks');
    assert.deepStrictEqual(queued.slice(0, 8), Array(8).fill(-h.ECANCELED));
    assert.strictEqual(blocked.length, 0);
    // Unblock: the running reads complete with their data, then the two
    // queued jobs that were not cancelled run.
    for (const [, wr] of pipes) assert.strictEqual(sys.syscall(nr.write, wr, Buffer.from('data'), 4), 4);
    await h.until(() => blocked.filter((n) => n === 4).length === size && queued.length === 10, 'the rest');
    assert.deepStrictEqual(queued.slice(8), [process.pid, process.pid]);
    assert.strictEqual(eloop.cancel(running[1]), false); // finished
    assert.strictEqual(eloop.cancel(ids[9]), false);
    for (const [rd, wr] of pipes) h.close(rd, wr);
  });

  it('cancels a job submitted from a callback before it reaches the pool', async () => {
    const r = await new Promise((resolve) => {
      eloop.submit(nr.getpid, () => {
        const id = eloop.submit(nr.getpid, resolve);
        assert.strictEqual(eloop.cancel(id), true);
      });
    });
    assert.strictEqual(r, -h.ECANCELED);
  });

  it('a job id from a finished job cannot cancel the job that reuses its slot', async () => {
    let id1;
    await new Promise((resolve) => { id1 = eloop.submit(nr.getpid, resolve); });
    const [rd, wr] = h.pipe();
    let got;
    const id2 = eloop.submit(nr.read, rd, Buffer.alloc(1), 1, (n) => { got = n; });
    assert.notStrictEqual(id1, id2);
    assert.strictEqual(eloop.cancel(id1), false);
    sys.syscall(nr.write, wr, Buffer.from('x'), 1);
    await h.until(() => got !== undefined, 'read');
    assert.strictEqual(got, 1);
    h.close(rd, wr);
  });

  it('starts ELOOP_THREADPOOL_SIZE threads, lazily, on first use', () => {
    const env = { ...process.env };
    delete env.ELOOP_THREADPOOL_SIZE;
    const cases = [[undefined, 4], ['3', 3], ['7', 7], ['1', 1], ['0', 1], ['-5', 1], ['abc', 4], ['5000', 1024]];
    for (const [value, want] of cases) {
      const r = h.runChild(`console.log(h.poolThreads());
        eloop.submit(h.nr.getpid, () => console.log(h.poolThreads(), eloop.poolSize()));`,
      { env: value === undefined ? { ELOOP_THREADPOOL_SIZE: '' } : { ELOOP_THREADPOOL_SIZE: value } });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, `0\n${want} ${want}\n`, `ELOOP_THREADPOOL_SIZE=${value}`);
    }
  });

  it('a worker thread that cannot start is a JavaScript error, and a later submit retries', () => {
    // RLIMIT_NPROC at 1: no thread can start (as root, the limit holds only
    // once the child is another user). A limit on memory instead would leave
    // V8 nothing to make the error with once some stacks were mapped.
    const r = h.runChild(`const RLIMIT_NPROC = 6;
      if (process.getuid() === 0) {
        process.setgid(65534);
        process.setuid(65534);
      }
      const old = new BigUint64Array(2);
      if (sys.syscall(h.nr.prlimit64, 0, RLIMIT_NPROC, null, old) !== 0) throw new Error('prlimit');
      const err = (() => {
        sys.syscall(h.nr.prlimit64, 0, RLIMIT_NPROC, new BigUint64Array([1n, old[1]]), null);
        try { eloop.submit(h.nr.getpid, () => console.log('wrong')); return null; } catch (e) { return e; }
        finally { sys.syscall(h.nr.prlimit64, 0, RLIMIT_NPROC, old, null); }
      })();
      console.log(err && err.constructor.name, err && err.code, err && err.syscall, err && err.errno, eloop.pending(),
        eloop.poolSize() > sys.eloop.poolThreads());
      eloop.submit(h.nr.getpid, (r) => console.log('then', r === process.pid, h.poolThreads()));`,
    { env: { ELOOP_THREADPOOL_SIZE: '128' } });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'Error EAGAIN pthread_create -11 0 true\nthen true 128\n', r.stderr);
  });
});
