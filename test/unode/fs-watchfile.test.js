// test/unode: fs.watchFile and fs.unwatchFile (unode/internal/fs/watchfile.js)
// against Node's on the same changes: listener(curr, prev) calls, zeroed
// Stats for a missing file, bigint, shared StatWatchers, 'stop', argument
// checks, and keep-alive (persistent, ref/unref counting).
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { spawnSync } = require('child_process');
const { describe: describeValue, record, sameLog, nodeFs, ufs, box, resetBox } = require('./fs-events-parity');
const { cleanup } = require('./fs-parity');

const ms = (n) => new Promise((resolve) => setTimeout(resolve, n));

// The fields of a Stats that do not move between two runs.
function st(s) {
  const zero = Number(s.mtimeMs) === 0;
  return [s.constructor.name, typeof s.size, String(s.size), String(s.nlink), s.isFile(), s.isDirectory(),
    (Number(s.mode) & 0o777).toString(8), zero ? 'epoch' : 'time', s.mtime instanceof Date,
    zero ? String(s.ino) : 'ino', s.birthtime.getTime() === 0];
}

// Runs each step `gap` ms after the last; a step that returns a promise
// (grow) is waited for first, so a loaded machine, where a poll comes late
// under node or under unode, does not reorder the log.
function steps(list, done, gap = 60) {
  return (async () => {
    for (const step of list) {
      await ms(gap);
      await step();
    }
    await ms(gap);
    done();
  })();
}

// Resolves once `log` has `n` more entries than now (or after `limit` ms,
// leaving the difference to the comparison).
async function grow(log, n, limit = 3000) {
  const want = log.length + n;
  const end = Date.now() + limit;
  while (log.length < want && Date.now() < end) await ms(5);
}

// A change a poll sees whole: writeFileSync truncates, then writes, and a
// stat between the two would report a change of its own.
function replace(fs, name, text) {
  fs.writeFileSync(`${name}.tmp`, text);
  fs.renameSync(`${name}.tmp`, name);
}

describe('fs.watchFile against Node', function() {
  this.timeout(30000);
  after(cleanup);

  it('changes to a file: (curr, prev), only when something changed', () =>
    sameLog((fs, log, done) => {
      fs.writeFileSync('f', 'a');
      const listener = (curr, prev) => log.push(['change', st(curr), st(prev), curr.mtimeMs >= prev.mtimeMs]);
      const w = fs.watchFile('f', { interval: 10 }, listener);
      log.push(['returns', w.constructor.name]);
      steps([
        () => { replace(fs, 'f', 'abc'); return grow(log, 1); },
        () => {}, // nothing changes: no call
        () => { fs.chmodSync('f', 0o600); return grow(log, 1); },
        () => { fs.unlinkSync('f'); return grow(log, 1); },
        () => { replace(fs, 'f', 'back again'); return grow(log, 1); },
        () => fs.unwatchFile('f', listener),
      ], done);
    }));

  it('a missing file: one call with zeroed Stats at once, none while it stays missing', () =>
    sameLog((fs, log, done) => {
      fs.watchFile('gone', { interval: 10 }, (curr, prev) => log.push(['change', st(curr), st(prev)]));
      steps([() => grow(log, 1), () => {}, () => fs.unwatchFile('gone')], done);
    }));

  it('bigint', () =>
    sameLog((fs, log, done) => {
      fs.writeFileSync('b', '1');
      fs.watchFile('b', { interval: 10, bigint: true }, (curr, prev) => {
        log.push(['change', st(curr), st(prev), typeof curr.mtimeNs]);
      });
      steps([() => { replace(fs, 'b', '1234'); return grow(log, 1); }, () => fs.unwatchFile('b')], done);
    }));

  it('one StatWatcher per resolved path; unwatchFile by listener and all; stop event', () =>
    sameLog((fs, log, done, box) => {
      fs.writeFileSync('s', 'x');
      const a = () => log.push(['a']);
      const b = () => log.push(['b']);
      const w1 = fs.watchFile('s', { interval: 10 }, a);
      const w2 = fs.watchFile(path.join(box, 's'), { interval: 5000 }, b);
      const w3 = fs.watchFile('./s', a);
      log.push(['same object', w1 === w2, w2 === w3, w1.listenerCount('change')]);
      record(w1, log, 'w', { skip: ['change'] });
      steps([
        () => { replace(fs, 's', 'xy'); return grow(log, 3); },
        () => { fs.unwatchFile('s', a); log.push(['after one', w1.listenerCount('change')]); },
        () => { replace(fs, 's', 'xyz'); return grow(log, 2); },
        () => { fs.unwatchFile('s', () => {}); fs.unwatchFile('nothing-watched'); },
        () => { fs.unwatchFile('s'); log.push(['after all', w1.listenerCount('change')]); },
        () => fs.writeFileSync('s', 'not seen'),
      ], done);
    }));

  it('argument checks', async () => {
    const cases = [
      ['f'], ['f', {}], ['f', { interval: 10 }, 5], [5, () => {}], [null, () => {}], ['a\0b', () => {}],
      ['f', { interval: -1 }, () => {}], ['f', { interval: 1.5 }, () => {}], ['f', { interval: 'x' }, () => {}],
      [Buffer.from('f'), () => {}], [new URL('file:///nonexistent-unode'), () => {}],
    ];
    for (const args of cases) {
      await sameLog((fs, log, done) => {
        try {
          const w = fs.watchFile(...args);
          log.push(['ok', w.constructor.name]);
          fs.unwatchFile(args[0]);
        } catch (e) {
          log.push(['thrown', describeValue(e)]);
        }
        for (const u of [[5], [null], ['f', 5]]) {
          try {
            fs.unwatchFile(...u);
            log.push(['unwatch ok']);
          } catch (e) {
            log.push(['unwatch thrown', describeValue(e)]);
          }
        }
        done();
      });
    }
  });

  it('the StatWatcher object as Node\'s', () => {
    resetBox();
    const shape = (fs) => {
      const f = path.join(box, 'shape');
      const w = fs.watchFile(f, () => {});
      const r = {
        inspect: util.inspect(w, { depth: 0 }).replace(/\[Function[^\]]*\]/g, 'fn'),
        proto: Object.getOwnPropertyNames(Object.getPrototypeOf(w)),
        ref: [w.ref() === w, w.unref() === w, w.ref() === w],
        lengths: [fs.watchFile.length, fs.unwatchFile.length],
      };
      fs.unwatchFile(f);
      return r;
    };
    assert.deepStrictEqual(shape(ufs), shape(nodeFs));
  });

  describe('keep-alive', () => {
    function ends(fsPath, body, timeout = 1500) {
      const code = `const fs = require(${JSON.stringify(fsPath)}); ${body}`;
      const r = spawnSync(process.execPath, ['-e', code], { cwd: box, timeout, encoding: 'utf8' });
      return { ended: r.signal === null, status: r.status, out: r.stdout, err: r.stderr };
    }
    const cases = [
      ['persistent (default): stays', "fs.watchFile('x', { interval: 50 }, () => {});"],
      ['persistent: false: exits', "fs.watchFile('x', { persistent: false, interval: 50 }, () => {});"],
      ['unref(): exits', "fs.watchFile('x', { interval: 50 }, () => {}).unref();"],
      ['unref() then ref(): stays', "fs.watchFile('x', { interval: 50 }, () => {}).unref().ref();"],
      ['two listeners, one unref(): stays', "fs.watchFile('x', () => {}); fs.watchFile('x', () => {}).unref();"],
      ['two listeners, two unref(): exits', "fs.watchFile('x', () => {}).unref(); fs.watchFile('x', () => {}).unref();"],
      ['unwatched: exits', "fs.watchFile('x', () => {}); fs.unwatchFile('x');"],
      ['unwatched from its listener: exits', "fs.writeFileSync('x', ''); fs.watchFile('x', { interval: 20 }, () => { fs.unwatchFile('x'); console.log('seen'); }); setTimeout(() => fs.writeFileSync('x', 'more'), 100);"],
      ['the listener of a missing file runs before exit', "fs.watchFile('missing', { persistent: false }, (c) => console.log('called', c.size));"],
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

  it('polls at the interval: about 1 + 300 / 50 stats in 300 ms, all on eloop', async () => {
    resetBox();
    const f = path.join(box, 'poll');
    nodeFs.writeFileSync(f, '');
    let polls = 0;
    const jobs = require('../../unode/internal/fs/jobs');
    const submitIn = jobs.submitIn; // a poll runs in its watcher's scope, not as a request
    jobs.submitIn = function(scope, cb, n, nr, ...rest) {
      if (rest[1] === f) polls++;
      return Reflect.apply(submitIn, this, [scope, cb, n, nr, ...rest]);
    };
    try {
      ufs.watchFile(f, { interval: 50 }, () => {});
      await ms(320);
      ufs.unwatchFile(f);
    } finally {
      jobs.submitIn = submitIn;
    }
    // A loaded machine polls less often, never more.
    assert.ok(polls >= 3 && polls <= 8, `${polls} polls`);
  });
});
