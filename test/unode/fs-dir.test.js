// test/unode: fs.opendir, fs.opendirSync, fs.promises.opendir and Dir
// (unode/internal/fs/dir.js) against Node's on the same directories: the
// entries and their order, Dirent fields, bufferSize and recursive (with
// Node 20.20's one-batch reading of subdirectories), the queue of
// operations, ERR_DIR_* errors, system errors, argument checks, fds.
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { execFileSync } = require('child_process');
const { describe: describeValue, runLog, sameLog, fdCount, nodeFs, ufs, box, resetBox } = require('./fs-events-parity');
const { cleanup } = require('./fs-parity');

const ent = (d) => (d === null ? null : [
  describeValue(d.name), describeValue(d.parentPath), describeValue(d.path), d.constructor.name,
  ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isCharacterDevice', 'isBlockDevice']
    .filter((k) => d[k]()).join(','),
]);

// A tree with every kind of entry the kernel reports, and 40 files in a
// subdirectory (more than one batch of the default bufferSize).
function tree(fs, box) {
  fs.mkdirSync(path.join(box, 'd/sub/deep'), { recursive: true });
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(box, `d/sub/f${i}`), '');
  fs.writeFileSync(path.join(box, 'd/sub/deep/x'), 'x');
  fs.writeFileSync(path.join(box, 'd/file'), 'f');
  fs.symlinkSync('file', path.join(box, 'd/link'));
  fs.symlinkSync('nowhere', path.join(box, 'd/dangling'));
  execFileSync('mkfifo', [path.join(box, 'd/fifo')]);
  fs.writeFileSync(path.join(box, 'd/\u00e9t\u00e9 ü.txt'), '');
}

// Reads a Dir to the end with readSync.
function drainSync(dir) {
  const out = [];
  let d;
  while ((d = dir.readSync()) !== null) out.push(ent(d));
  return out;
}

describe('fs.opendir and Dir against Node', function() {
  this.timeout(20000);
  let fdsBefore;
  let nodeHeld = 0; // fds of Node's own Dir handles that wait for the collector
  before((done) => { ufs.stat('.', () => { fdsBefore = fdCount(); done(); }); });
  after(() => {
    cleanup();
    const left = fdCount() - fdsBefore;
    assert.ok(left <= nodeHeld, `fds were not given back: ${left} more than before`);
  });

  it('the same entries in the same (kernel) order from the same directory', () => {
    resetBox();
    tree(nodeFs, box);
    for (const opts of [undefined, { bufferSize: 1 }, { bufferSize: 3 }, { bufferSize: 1000 }, { encoding: 'buffer' }, 'hex']) {
      const a = nodeFs.opendirSync(path.join(box, 'd/sub'), opts);
      const b = ufs.opendirSync(path.join(box, 'd/sub'), opts);
      assert.deepStrictEqual(drainSync(b), drainSync(a));
      a.closeSync();
      b.closeSync();
    }
  });

  it('Dirent types, names and parent paths for every kind of entry', () =>
    sameLog((fs, log, done) => {
      const dir = fs.opendirSync('d');
      log.push(['path', dir.path], ...drainSync(dir).sort());
      dir.closeSync();
      done();
    }, { setup: tree }));

  it('recursive: Node 20.20 reads one batch (bufferSize) of each subdirectory', async () => {
    for (const opts of [{ recursive: true }, { recursive: true, bufferSize: 100 }, { recursive: true, bufferSize: 2 }]) {
      await sameLog((fs, log, done) => {
        const dir = fs.opendirSync('d', opts);
        const all = drainSync(dir);
        log.push(['count', all.length], ...all.sort());
        dir.closeSync();
        done();
      }, { setup: tree });
      await sameLog(async (fs, log, done) => {
        const all = [];
        for await (const d of await fs.promises.opendir('d', opts)) all.push(ent(d));
        log.push(['count', all.length], ...all.sort());
        done();
      }, { setup: tree });
    }
  });

  it('read(callback), read() promises, async iteration, close(callback), close() promise', async () => {
    await sameLog((fs, log, done) => {
      const dir = fs.opendirSync('d/sub/deep');
      let sync = true;
      dir.read((err, d) => {
        log.push(['cb', describeValue(err), ent(d), 'sync', sync]);
        dir.read((err2, d2) => {
          log.push(['cb2', describeValue(err2), ent(d2)]);
          dir.close((err3) => {
            log.push(['closed', describeValue(err3)]);
            done();
          });
        });
      });
      sync = false;
    }, { setup: tree });
    await sameLog(async (fs, log, done) => {
      const dir = await fs.promises.opendir('d/sub/deep');
      log.push(['read', ent(await dir.read())], ['read', ent(await dir.read())]);
      log.push(['close', describeValue(await dir.close())]);
      done();
    }, { setup: tree });
    await sameLog(async (fs, log, done) => {
      const dir = fs.opendirSync('d/sub', { bufferSize: 4 });
      let n = 0;
      for await (const d of dir) if (++n === 3) { log.push(['break at', typeof d.name]); break; }
      log.push(['closed by break', await dir.close().catch((e) => describeValue(e))]);
      done();
    }, { setup: tree });
  });

  it('a read whose batch is already in the buffer still calls back later, as Node\'s', () =>
    sameLog((fs, log, done) => {
      const dir = fs.opendirSync('d/sub', { bufferSize: 2 });
      dir.readSync();
      dir.readSync(); // the first batch is used up; the kernel gave more than that
      let sync = true;
      // (Against setImmediate the order is a race with a worker thread, in
      // Node as in unode: not compared.)
      dir.read((err, d) => {
        log.push(['read', describeValue(err), d && typeof d.name, 'sync', sync]);
        dir.close(done);
      });
      sync = false;
      process.nextTick(() => log.push(['a tick after']));
    }, { setup: tree }));

  it('operations queue behind one in flight; sync work during it is refused', () =>
    sameLog((fs, log, done) => {
      const dir = fs.opendirSync('d/sub', { bufferSize: 5 });
      dir.read((err, d) => log.push(['read 1', describeValue(err), typeof d.name]));
      dir.read((err, d) => log.push(['read 2', describeValue(err), typeof d.name]));
      for (const f of ['readSync', 'closeSync']) {
        try {
          dir[f]();
          log.push([f, 'ok']);
        } catch (e) {
          log.push([f, describeValue(e)]);
        }
      }
      dir.close((err) => {
        log.push(['close', describeValue(err)]);
        done();
      });
      // (A read queued behind that close would throw ERR_DIR_CLOSED from a
      // nextTick, uncaught, in Node as in unode.)
    }, { setup: tree }));

  it('ERR_DIR_CLOSED from every method once closed', () =>
    sameLog(async (fs, log, done) => {
      const dir = fs.opendirSync('d');
      dir.closeSync();
      for (const [name, call] of [
        ['readSync', () => dir.readSync()], ['closeSync', () => dir.closeSync()],
        ['read()', () => dir.read()], ['read(cb)', () => dir.read(() => {})],
      ]) {
        try {
          call();
          log.push([name, 'ok']);
        } catch (e) {
          log.push([name, describeValue(e)]);
        }
      }
      log.push(['close() rejects', describeValue(await dir.close().catch((e) => e))]);
      dir.close((e) => {
        log.push(['close(cb)', describeValue(e)]);
        done();
      });
    }, { setup: tree }));

  it('system errors: opendirSync (no path, as Node 20.20), opendir, promises.opendir', async () => {
    for (const p of ['missing', 'd/file', 'd/dangling', 'd/link/x', '']) {
      await sameLog(async (fs, log, done) => {
        try {
          fs.opendirSync(p);
        } catch (e) {
          log.push(['sync', describeValue(e)]);
        }
        await new Promise((resolve) => fs.opendir(p, (e) => {
          log.push(['cb', describeValue(e)]);
          resolve();
        }));
        log.push(['promise', describeValue(await fs.promises.opendir(p).catch((e) => e))]);
        done();
      }, { setup: tree });
    }
  });

  it('argument checks', async () => {
    const cases = [
      [5], [null], [{}], ['a\0b'], ['d', 5], ['d', { encoding: 'nope' }], ['d', 'nope'],
      ['d', { bufferSize: 0 }], ['d', { bufferSize: -1 }], ['d', { bufferSize: 1.5 }],
      ['d', { bufferSize: '4' }], ['d', { bufferSize: undefined }], ['d', { bufferSize: 2 ** 32 }],
    ];
    for (const args of cases) {
      await sameLog(async (fs, log, done) => {
        try {
          const dir = fs.opendirSync(...args);
          log.push(['sync ok', drainSync(dir).length]);
          dir.closeSync();
        } catch (e) {
          log.push(['sync', describeValue(e)]);
        }
        // A bufferSize the Dir refuses throws from opendir's callback, uncaught,
        // and the promise never settles (Node's as unode's; tested below).
        if (!('bufferSize' in Object(args[1])))
          log.push(['promise', describeValue(await fs.promises.opendir(...args).then((d) => d.close(), (e) => e))]);
        try {
          fs.opendir(...args);
        } catch (e) {
          log.push(['no callback', describeValue(e)]);
        }
        done();
      }, { setup: tree });
    }
    await sameLog((fs, log, done) => {
      const dir = fs.opendirSync('d');
      for (const cb of [5, 'x', null]) {
        try {
          dir.read(cb);
        } catch (e) {
          log.push(['read', describeValue(e)]);
        }
        try {
          dir.close(cb);
        } catch (e) {
          log.push(['close', describeValue(e)]);
        }
      }
      dir.closeSync();
      done();
    }, { setup: tree });
  });

  it('the Dir class and the module members as Node has them', () => {
    resetBox();
    tree(nodeFs, box);
    const shape = (fs) => {
      const dir = fs.opendirSync(path.join(box, 'd'));
      const r = {
        proto: Object.getOwnPropertyNames(fs.Dir.prototype),
        asyncIterator: fs.Dir.prototype[Symbol.asyncIterator] === fs.Dir.prototype.entries,
        inspect: util.inspect(dir).replace(box, '<box>'),
        instance: dir instanceof fs.Dir,
        lengths: [fs.opendir.length, fs.opendirSync.length, fs.promises.opendir.length, fs.promises.opendir.name],
        noHandle: (() => { try { return new fs.Dir(); } catch (e) { return describeValue(e); } })(),
        descriptors: ['Dir', 'opendir', 'opendirSync'].map((k) => {
          const d = Object.getOwnPropertyDescriptor(fs, k);
          return d.get ? [d.get.name, d.set.name, d.enumerable] : ['value', d.enumerable];
        }),
      };
      dir.closeSync();
      return r;
    };
    assert.deepStrictEqual(shape(ufs), shape(nodeFs));
  });

  it('an opendir with a bufferSize it refuses throws from the callback, as Node (and keeps no fd)', async () => {
    const run = (fs) => new Promise((resolve) => {
      const listeners = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      process.once('uncaughtException', (e) => {
        for (const l of listeners) process.on('uncaughtException', l);
        resolve(describeValue(e));
      });
      fs.opendir(box, { bufferSize: 0 }, () => resolve('called back'));
    });
    const before = fdCount();
    const unodeGot = await run(ufs);
    assert.strictEqual(fdCount(), before, 'unode keeps no fd');
    assert.deepStrictEqual(unodeGot, await run(nodeFs));
    // Node's DirHandle stays until collected, which may be after this file's
    // last test: the fd count at the end allows for it.
    nodeHeld = fdCount() - before;
    assert.ok(nodeHeld <= 1);
  });

  it('a Dir dropped without close() has its fd closed when collected, with Node\'s warning', () => {
    const child = `
      const fs = require(${JSON.stringify(require.resolve('../../unode/lib/fs.js'))});
      const n = () => require('fs').readdirSync('/proc/self/fd').length;
      process.on('warning', (w) => console.log('warning', w.message));
      console.log('start'); // stdout's first use may open an fd of its own
      const before = n();
      (function () { fs.opendirSync('.'); })();
      const opened = n();
      setTimeout(() => { gc(); setTimeout(() => { gc(); setTimeout(() => console.log(opened - before, n() - before), 50); }, 50); }, 10);
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '-e', child], { cwd: box, encoding: 'utf8', timeout: 10000 });
    assert.deepStrictEqual(out.trim().split('\n'), ['start', 'warning Closing directory handle on garbage collection', '1 0']);
  });

  it('reads of a big directory through eloop give every entry once', async () => {
    resetBox();
    nodeFs.mkdirSync(path.join(box, 'big'));
    for (let i = 0; i < 3000; i++) nodeFs.writeFileSync(path.join(box, 'big', `n${i}-${'x'.repeat(i % 200)}`), '');
    const names = [];
    for await (const d of await ufs.promises.opendir(path.join(box, 'big'), { bufferSize: 7 })) names.push(d.name);
    assert.deepStrictEqual(names.slice().sort(), nodeFs.readdirSync(path.join(box, 'big')).sort());
    const a = [];
    const dir = nodeFs.opendirSync(path.join(box, 'big'));
    for (let d; (d = dir.readSync()) !== null;) a.push(d.name);
    dir.closeSync();
    assert.deepStrictEqual(names, a, 'the kernel order, as Node reads it');
  });

  it('runLog copes with a scenario that throws', async () => {
    const log = await runLog(() => { throw new Error('x'); }, ufs);
    assert.strictEqual(log[0][0], 'thrown');
  });
});
