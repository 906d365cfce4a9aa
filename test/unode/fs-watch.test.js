// test/unode: fs.watch and fs.promises.watch (unode/internal/fs/watch.js,
// inotify.js, watch-recursive.js) against Node's on the same changes: the
// events ('rename'/'change', file names as Node reports them for files and
// directories, encodings), close, errors, argument checks, keep-alive
// (persistent, ref/unref) and the inotify fd given back.
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { execFileSync, spawnSync } = require('child_process');
const { describe: describeValue, record, sameLog, fdCount, nodeFs, ufs, box, resetBox } = require('./fs-events-parity');
const { cleanup } = require('./fs-parity');
const { FSEvent } = require('../../unode/internal/fs/watch');

const ms = (n) => new Promise((resolve) => setTimeout(resolve, n));

// Runs `steps` one after the other, `gap` ms apart (inotify events of one
// step are all delivered before the next), then done().
function steps(list, done, gap = 40) {
  return (async () => {
    for (const step of list) {
      await ms(gap);
      step();
    }
    await ms(gap);
    done();
  })();
}

const withTree = (fs, box) => {
  fs.mkdirSync(path.join(box, 'w/sub'), { recursive: true });
  fs.writeFileSync(path.join(box, 'w/a.txt'), 'a');
  fs.writeFileSync(path.join(box, 'file.txt'), 'f');
};

describe('fs.watch against Node', function() {
  this.timeout(30000);
  let fdsBefore;
  // Counted once eloop's eventfd, libaio's loop (its epoll, timerfd, eventfd
  // and spare fd) and libuv's inotify fd (Node's watchers) exist: they stay
  // for the life of the process. unode's inotify fd is not among them.
  before((done) => {
    require('libaio').getLoop();
    nodeFs.watch('.').close();
    ufs.stat('.', () => { fdsBefore = fdCount(); done(); });
  });
  afterEach(() => {
    assert.strictEqual(require('../../unode/internal/fs/inotify').state().handles, 0, 'a watcher was left open');
  });
  after(async () => {
    await ms(50);
    cleanup();
    assert.strictEqual(fdCount(), fdsBefore, 'fds were not given back (the inotify fd among them?)');
  });

  it('a directory: create, write, rename, chmod, delete of entries', () =>
    sameLog((fs, log, done) => {
      const w = record(fs.watch('w'), log, 'w');
      log.push(['class', w.constructor.name]);
      steps([
        () => fs.writeFileSync('w/new.txt', 'x'),
        () => fs.appendFileSync('w/a.txt', 'more'),
        () => fs.renameSync('w/new.txt', 'w/moved.txt'),
        () => fs.chmodSync('w/a.txt', 0o600),
        () => fs.mkdirSync('w/dir2'),
        () => fs.rmdirSync('w/dir2'),
        () => fs.unlinkSync('w/moved.txt'),
        () => fs.writeFileSync('w/sub/inner.txt', 'not seen: a subdirectory'),
        () => w.close(),
      ], done);
    }, { setup: withTree }));

  it('a file: change, then the double rename when it goes; the name is its basename', () =>
    sameLog((fs, log, done) => {
      const a = record(fs.watch('file.txt'), log, 'w');
      const b = record(fs.watch('./w/../file.txt'), log, 'same inode, other spelling');
      steps([
        () => fs.appendFileSync('file.txt', '1'),
        () => fs.utimesSync('file.txt', 1, 2),
        () => fs.unlinkSync('file.txt'),
        () => { a.close(); b.close(); },
      ], done);
    }, { setup: withTree, settle: 50 }));

  it('a directory with a trailing slash, removed: the empty name', () =>
    sameLog((fs, log, done) => {
      const w = record(fs.watch('w/sub/'), log, 'w');
      steps([() => fs.rmSync('w/sub', { recursive: true }), () => w.close()], done);
    }, { setup: withTree }));

  it('encodings: buffer, hex, latin1, and names that are not ASCII', () =>
    sameLog((fs, log, done) => {
      const ws = ['buffer', 'hex', 'latin1', 'utf8'].map((encoding) => record(fs.watch('w', { encoding }), log, encoding));
      ws.push(record(fs.watch('w', 'base64'), log, 'string option'));
      steps([() => fs.writeFileSync('w/\u00e9t\u00e9 \u{1f600}.txt', ''), () => ws.forEach((w) => w.close())], done);
    }, { setup: withTree }));

  it('the listener argument, close() from inside it, close twice, events after close', () =>
    sameLog((fs, log, done) => {
      const w = fs.watch('w', (type, name) => {
        log.push(['listener', type, name]);
        w.close();
        w.close();
      });
      record(w, log, 'w');
      const other = record(fs.watch('w'), log, 'other');
      steps([
        () => fs.writeFileSync('w/one', '1'),
        () => fs.writeFileSync('w/two', '2'),
        () => other.close(),
        () => fs.writeFileSync('w/three', '3'),
      ], done);
    }, { setup: withTree }));

  it('a signal: aborted before, aborted later', () =>
    sameLog((fs, log, done) => {
      record(fs.watch('w', { signal: AbortSignal.abort() }), log, 'pre');
      const ac = new AbortController();
      record(fs.watch('w', { signal: ac.signal }), log, 'later');
      steps([() => fs.writeFileSync('w/x', ''), () => ac.abort(), () => fs.writeFileSync('w/y', '')], done);
    }, { setup: withTree }));

  it('errors: ENOENT, ENOTDIR (syscall watch, filename), and argument checks', async () => {
    const cases = [
      ['missing'], [Buffer.from('missing')], ['file.txt/x'], [new URL('file:///nonexistent-unode')],
      ['missing', { recursive: true }], [5], [null], ['a\0b'], ['w', 5], ['w', { encoding: 'zz' }],
      ['w', { recursive: 'yes' }], ['w', { recursive: true, encoding: 5 }], ['w', { signal: {} }],
      ['w', { persistent: 'x' }], ['w', { recursive: true, persistent: 1 }],
    ];
    for (const args of cases) {
      await sameLog((fs, log, done) => {
        try {
          const w = fs.watch(...args);
          log.push(['ok', w.constructor.name]);
          w.close();
        } catch (e) {
          log.push(['thrown', describeValue(e)]);
        }
        done();
      }, { setup: withTree });
    }
  });

  it('a listener that is not a function: Node\'s error; the watcher Node leaks is closed', async () => {
    // In children: Node's leaked watcher would keep this process alive.
    const errorOf = (fsPath) => spawnSync(process.execPath, ['-e', `
      const fs = require(${JSON.stringify(fsPath)});
      try { fs.watch('.', 'utf8', 5); } catch (e) { console.log(e.name, e.code, e.message); }
      setTimeout(() => process.exit(0), 50);`], { cwd: box, encoding: 'utf8', timeout: 5000 }).stdout;
    const expected = errorOf('fs');
    assert.match(expected, /ERR_INVALID_ARG_TYPE/);
    assert.strictEqual(errorOf(require.resolve('../../unode/lib/fs.js')), expected);
    const ends = spawnSync(process.execPath, ['-e', `
      const fs = require(${JSON.stringify(require.resolve('../../unode/lib/fs.js'))});
      try { fs.watch('.', 'utf8', 5); } catch {}`], { cwd: box, timeout: 3000 });
    assert.strictEqual(ends.signal, null, 'the process should end: nothing is watched');
  });

  it('recursive: Node\'s JavaScript watcher, event for event', () =>
    sameLog((fs, log, done) => {
      const w = record(fs.watch('w', { recursive: true }), log, 'rec');
      const f = record(fs.watch('file.txt', { recursive: true }), log, 'rec file');
      steps([
        () => fs.writeFileSync('w/sub/b.txt', 'b'),
        () => fs.writeFileSync('w/c.txt', 'c'),
        () => fs.mkdirSync('w/sub/deeper'),
        () => fs.writeFileSync('w/sub/deeper/d.txt', 'd'),
        () => fs.appendFileSync('w/a.txt', 'a'),
        () => fs.appendFileSync('file.txt', 'x'),
        () => fs.unlinkSync('w/c.txt'),
        () => fs.rmSync('w/sub', { recursive: true }),
        () => { w.close(); f.close(); },
      ], done, 60);
    }, { setup: withTree, timeout: 8000 }));

  it('fs.promises.watch: events as an async iterator, abort, recursive, errors', async () => {
    await sameLog(async (fs, log, done) => {
      const ac = new AbortController();
      const stepping = steps([() => fs.writeFileSync('w/p1', ''), () => fs.appendFileSync('w/a.txt', '+'), () => ac.abort()], () => {});
      try {
        for await (const e of fs.promises.watch('w', { signal: ac.signal, encoding: 'latin1' })) log.push(['event', describeValue(e)]);
      } catch (e) {
        log.push(['ended', describeValue(e)]);
      }
      await stepping;
      done();
    }, { setup: withTree });
    await sameLog(async (fs, log, done) => {
      const ac = new AbortController();
      const stepping = steps([() => fs.writeFileSync('w/sub/r1', ''), () => ac.abort()], () => {}, 60);
      try {
        for await (const e of fs.promises.watch('w', { signal: ac.signal, recursive: true })) log.push(['event', describeValue(e)]);
      } catch (e) {
        log.push(['ended', describeValue(e)]);
      }
      await stepping;
      done();
    }, { setup: withTree });
    await sameLog(async (fs, log, done) => {
      const it = fs.promises.watch('w');
      const stepping = steps([() => fs.writeFileSync('w/q', '')], () => {});
      log.push(['first', describeValue(await it.next())]);
      log.push(['return', describeValue(await it.return())]);
      log.push(['after', describeValue(await it.next())]);
      await stepping;
      done();
    }, { setup: withTree });
    const bad = [
      ['missing'], [new URL('file:///nonexistent-unode')], ['w', 5], ['w', { encoding: 'zz' }], ['w', { encoding: 'buffer' }],
      ['w', { persistent: 1 }], ['w', { recursive: 1 }], ['w', { signal: 1 }], ['w', { signal: AbortSignal.abort() }],
      [5], ['missing', { recursive: true }], ['w', { recursive: true, encoding: 5 }],
    ];
    for (const args of bad) {
      await sameLog(async (fs, log, done) => {
        try {
          const it = fs.promises.watch(...args);
          log.push(['made', Object.prototype.toString.call(it)]);
          log.push(['next', describeValue(await it.next())]);
          await it.return();
        } catch (e) {
          log.push(['error', describeValue(e)]);
        }
        done();
      }, { setup: withTree });
    }
  });

  it('the classes and functions as Node has them', () => {
    resetBox();
    withTree(nodeFs, box);
    const shape = (fs) => {
      const w = fs.watch(path.join(box, 'w'));
      const r = {
        inspect: util.inspect(w, { depth: 0 }),
        proto: Object.getOwnPropertyNames(Object.getPrototypeOf(w)),
        ref: w.ref() === w && w.unref() === w,
        lengths: [fs.watch.length, fs.promises.watch.length, fs.promises.watch.name],
        handle: [w._handle.constructor.name, Object.keys(w._handle), w._handle.initialized],
      };
      w.close();
      r.closedHandle = w._handle;
      r.refAfterClose = w.ref() === w;
      return r;
    };
    assert.deepStrictEqual(shape(ufs), shape(nodeFs));
  });

  describe('keep-alive', () => {
    // A child that watches the sandbox and says whether it ended by itself
    // within the time given (killed otherwise).
    function ends(fsPath, body, timeout = 1500) {
      const code = `const fs = require(${JSON.stringify(fsPath)}); ${body}`;
      const r = spawnSync(process.execPath, ['-e', code], { cwd: box, timeout, encoding: 'utf8' });
      return { ended: r.signal === null, status: r.status, out: r.stdout, err: r.stderr };
    }
    const cases = [
      ['persistent (default): stays', "fs.watch('.');"],
      ['persistent: false: exits', "fs.watch('.', { persistent: false });"],
      ['unref(): exits', "fs.watch('.').unref();"],
      ['unref() then ref(): stays', "fs.watch('.').unref().ref();"],
      ['one unref\'d, one not: stays', "fs.watch('.').unref(); fs.watch('.');"],
      ['closed: exits', "fs.watch('.').close();"],
      ['closed later from a change: exits', "const w = fs.watch('.', () => { w.close(); console.log('changed'); }); setTimeout(() => fs.writeFileSync('k', ''), 100);"],
      ['recursive, unref() does nothing (Node\'s): stays', "fs.watch('.', { recursive: true }).unref();"],
    ];
    for (const [name, body] of cases) {
      it(name, () => {
        resetBox();
        const a = ends('fs', body);
        resetBox();
        const b = ends(require.resolve('../../unode/lib/fs.js'), body);
        assert.deepStrictEqual(b, a);
      });
    }
  });

  it('a listener that throws: uncaughtException, and the other watchers still get the event', () => {
    resetBox();
    nodeFs.mkdirSync(path.join(box, 'w'));
    const body = `
      process.on('uncaughtException', (e) => console.log('uncaught', e.message));
      const a = fs.watch('w', (t, n) => { console.log('a', t, n); throw new Error('from a ' + t); });
      const b = fs.watch('w', (t, n) => console.log('b', t, n));
      setTimeout(() => fs.writeFileSync('w/x', 'data'), 50);
      setTimeout(() => { a.close(); b.close(); }, 250);`;
    const run = (fsPath) => {
      nodeFs.rmSync(path.join(box, 'w/x'), { force: true });
      return spawnSync(process.execPath, ['-e', `const fs = require(${JSON.stringify(fsPath)}); ${body}`],
        { cwd: box, encoding: 'utf8', timeout: 5000 }).stdout;
    };
    const expected = run('fs');
    assert.match(expected, /b change x/);
    assert.strictEqual(run(require.resolve('../../unode/lib/fs.js')), expected);
  });

  it('a Worker terminated with watchers and Dirs open leaves no fd behind', async () => {
    resetBox();
    nodeFs.mkdirSync(path.join(box, 'd'));
    const { Worker } = require('worker_threads');
    const once = () => new Promise((resolve, reject) => {
      const w = new Worker(`
        const fs = require(${JSON.stringify(require.resolve('../../unode/lib/fs.js'))});
        globalThis.keep = [fs.watch(${JSON.stringify(box)}), fs.opendirSync(${JSON.stringify(path.join(box, 'd'))})];
        require('worker_threads').parentPort.postMessage('ready');`, { eval: true });
      w.on('message', () => setTimeout(() => w.terminate(), 20));
      w.on('error', reject);
      w.on('exit', resolve);
    });
    await once(); // the first Worker's own setup (libsys, Node's) is not counted
    const before = fdCount();
    for (let i = 0; i < 3; i++) await once();
    assert.strictEqual(fdCount(), before);
  });

  it('FSEvent: start twice, close before start, ref/unref before start', () => {
    resetBox();
    const h = new FSEvent();
    h.onchange = () => {};
    h.unref();
    h.ref();
    assert.strictEqual(h.start(box, true, false, 'utf8'), 0);
    assert.strictEqual(h.start(box, true, false, 'utf8'), -22);
    assert.strictEqual(h.hasRef(), true);
    h.close();
    h.close();
    assert.strictEqual(h.hasRef(), false);
    const g = new FSEvent();
    g.close();
    assert.strictEqual(g.start(box, true, false, 'utf8'), -22);
  });

  it('many watchers on many paths, then all closed: the inotify fd goes', async () => {
    resetBox();
    const before = fdCount();
    const ws = [];
    for (let i = 0; i < 200; i++) {
      nodeFs.writeFileSync(path.join(box, `m${i}`), '');
      ws.push(ufs.watch(path.join(box, `m${i}`)), ufs.watch(box));
    }
    let seen = 0;
    ws[0].on('change', () => { seen++; });
    nodeFs.appendFileSync(path.join(box, 'm0'), 'x');
    await ms(50);
    assert.ok(seen >= 1);
    assert.strictEqual(fdCount(), before + 1);
    for (const w of ws) w.close();
    assert.strictEqual(fdCount(), before);
  });

  it('a change made by a child process is seen', () =>
    sameLog((fs, log, done) => {
      const w = record(fs.watch('w'), log, 'w');
      steps([() => execFileSync('touch', ['w/from-child']), () => w.close()], done);
    }, { setup: withTree }));
});
