// test/unode: the asynchronous fs under load and against Node's event
// ordering: 1,000 concurrent readFile calls, reads racing gc() in a child
// (--expose-gc), callbacks' order against nextTick, microtasks and
// setImmediate, and the process's fd count after all of it.
'use strict';

const assert = require('assert');
const path = require('path');
const { execFileSync } = require('child_process');
const { nodeFs, ufs, box, resetBox, cleanup } = require('./fs-parity');
const { fdCount } = require('./fs-async-parity');

describe('fs async under load, and its ordering, against Node', () => {
  let fdsAtStart;
  before(async () => {
    // The first job opens eloop's completion eventfd, which stays open.
    await ufs.promises.stat(__filename);
    fdsAtStart = fdCount();
  });
  after(cleanup);

  it('1,000 concurrent readFile calls of small files give what Node gives', async function() {
    this.timeout(30000);
    resetBox();
    const names = [];
    for (let i = 0; i < 1000; i++) {
      const name = path.join(box, `s${i}`);
      nodeFs.writeFileSync(name, `content of file number ${i}\n`.repeat(1 + (i % 7)));
      names.push(name);
    }
    names.push(path.join(box, 'missing'));
    const all = (fs, enc) => Promise.all(names.map((n) => new Promise((resolve) => {
      fs.readFile(n, enc, (e, d) => resolve(e ? `${e.code} ${e.message}` : Buffer.isBuffer(d) ? d.toString('hex') : d));
    })));
    assert.deepStrictEqual(await all(ufs, 'utf8'), await all(nodeFs, 'utf8'));
    assert.deepStrictEqual(await all(ufs), await all(nodeFs));
    const viaPromises = (fsp) => Promise.all(names.map((n) => fsp.readFile(n, 'utf8').catch((e) => e.message)));
    assert.deepStrictEqual(await viaPromises(ufs.promises), await viaPromises(nodeFs.promises));
  });

  it('reads racing gc(): no corruption, no buffer kept, no fd left (child with --expose-gc)', function() {
    this.timeout(120000);
    resetBox();
    const out = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'fs-async-gc-child.js'), box],
      { encoding: 'utf8' });
    const r = JSON.parse(out);
    assert.strictEqual(r.bad, 0, 'bytes read differ from the file');
    assert.ok(r.done >= 28000, `${r.done} reads done`);
    assert.strictEqual(r.alive, 0, `${r.alive} of ${r.weak} finished buffers still alive`);
    assert.strictEqual(r.fdsAfter, r.fdsBefore);
  });

  // Each script logs the order of events; run under node with Node's fs and unode's.
  function orderOf(fs, script) {
    return new Promise((resolve) => {
      const log = [];
      // From a macrotask of its own, as a program's top level (not inside a microtask).
      setImmediate(() => script(fs, log, () => setTimeout(() => resolve(log), 20)));
    });
  }

  async function sameOrder(script, repeat = 5) {
    resetBox();
    nodeFs.writeFileSync(path.join(box, 'f'), 'data');
    for (let i = 0; i < repeat; i++) {
      const expected = await orderOf(nodeFs, script);
      const actual = await orderOf(ufs, script);
      assert.deepStrictEqual(actual, expected);
    }
  }

  it('a callback is never called synchronously; its ticks and microtasks run right after it', async () => {
    await sameOrder((fs, log, done) => {
      const f = path.join(box, 'f');
      fs.stat(f, () => {
        log.push('stat cb');
        process.nextTick(() => log.push('tick in cb'));
        Promise.resolve().then(() => log.push('micro in cb'));
        fs.readFile(f, 'utf8', (e, d) => {
          log.push(`readFile cb ${d}`);
          process.nextTick(() => log.push('tick in readFile cb'));
          done();
        });
      });
      process.nextTick(() => log.push('tick'));
      Promise.resolve().then(() => log.push('micro'));
      log.push('sync');
    });
  });

  it('several completions in one batch: each callback\'s ticks run before the next callback', async () => {
    await sameOrder((fs, log, done) => {
      let n = 0;
      for (let i = 0; i < 8; i++) {
        fs.stat(box, () => {
          log.push(`cb ${n}`);
          process.nextTick(() => log.push(`tick ${n}`));
          Promise.resolve().then(() => log.push(`micro ${n}`));
          if (++n === 8) done();
        });
      }
    });
  });

  it('promises: an await resumes before the next completion is delivered', async () => {
    await sameOrder((fs, log, done) => {
      let n = 0;
      const one = async (i) => {
        await fs.promises.stat(box);
        log.push(`resumed ${n}`);
        process.nextTick(() => log.push(`tick ${n}`));
        if (++n === 6) done();
      };
      for (let i = 0; i < 6; i++) one(i);
    });
  });

  it('setImmediate from a callback runs after the callbacks of that turn, as Node', async () => {
    await sameOrder((fs, log, done) => {
      fs.stat(box, () => {
        setImmediate(() => {
          log.push('immediate');
          done();
        });
        process.nextTick(() => log.push('tick'));
        log.push('cb');
      });
    });
  });

  it('the fd count is back where it started', () => {
    assert.strictEqual(fdCount(), fdsAtStart);
  });
});
