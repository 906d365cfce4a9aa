// test/unode: unode/internal/fs/callback-stat.js against Node's fs: stat,
// lstat, fstat, statfs, access, exists, chmod/fchmod, chown/fchown/lchown,
// utimes/futimes/lutimes. Results, errors, argument checks, callback shape.
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { sameCb } = require('./fs-async-parity');
const { nodeFs, ufs, cleanup, junk } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function tree(fs, box) {
  fs.writeFileSync(path.join(box, 'f'), 'abc');
  fs.mkdirSync(path.join(box, 'd'));
  fs.symlinkSync('f', path.join(box, 'ln'));
  fs.symlinkSync('missing', path.join(box, 'dangling'));
}

const times = (name) => (fs, box) => {
  const s = nodeFs.lstatSync(path.join(box, name), { bigint: true });
  return [s.atimeNs, s.mtimeNs].map(String);
};
const mode = (name) => (fs, box) => (nodeFs.lstatSync(path.join(box, name)).mode & 0o7777).toString(8);
const owner = (name) => (fs, box) => {
  const s = nodeFs.lstatSync(path.join(box, name));
  return [s.uid, s.gid];
};

describe('fs callback metadata calls against Node', () => {
  after(cleanup);

  describe('stat, lstat, fstat', () => {
    it('files, directories, links, with and without bigint', async () => {
      for (const name of ['f', 'd', 'ln', 'dangling', 'nope', 'f/x', '']) {
        for (const opts of [undefined, {}, { bigint: true }, { bigint: false }, { bigint: 1 }]) {
          const args = opts === undefined ? [] : [opts];
          await sameCb((fs, cb) => fs.stat(name, ...args, cb), { setup: tree });
          await sameCb((fs, cb) => fs.lstat(name, ...args, cb), { setup: tree });
        }
      }
    });
    it('Stats are Node\'s classes, with the same fields', async () => {
      const s = await util.promisify(ufs.stat)(__filename);
      const n = nodeFs.statSync(__filename);
      assert.strictEqual(s.constructor.name, 'Stats');
      assert.deepStrictEqual(Object.keys(s), Object.keys(n));
      for (const k of ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks', 'mtimeMs', 'ctimeMs', 'birthtimeMs'])
        assert.strictEqual(s[k], n[k], k);
      const b = await util.promisify(ufs.lstat)(__filename, { bigint: true });
      const nb = nodeFs.lstatSync(__filename, { bigint: true });
      assert.strictEqual(b.constructor.name, 'BigIntStats');
      for (const k of ['dev', 'ino', 'size', 'mtimeNs', 'ctimeNs', 'birthtimeNs']) assert.strictEqual(b[k], nb[k], k);
    });
    it('fstat of open fds; EBADF; fd checks', async () => {
      for (const opts of [undefined, { bigint: true }]) {
        await sameCb((fs, cb) => {
          const fd = fs.openSync('f', 'r');
          const done = (...a) => {
            fs.closeSync(fd);
            cb(...a);
          };
          if (opts) fs.fstat(fd, opts, done);
          else fs.fstat(fd, done);
        }, { setup: tree });
      }
      await sameCb((fs, cb) => fs.fstat(99999, cb));
      for (const fd of [-1, 1.5, 'x', null, 2 ** 31]) await sameCb((fs, cb) => fs.fstat(fd, cb));
    });
    it('without statx (ENOSYS): stat(2) and fstat(2), the ctime standing in for the birthtime, as libuv', () => {
      // A child whose statx jobs go to a number the kernel does not know: the
      // first gets ENOSYS, as on a kernel without statx, and every later call
      // goes straight to newfstatat/fstat.
      const out = require('child_process').execFileSync(process.execPath, ['-e', `
        const eloop = require('eloop');
        const statx = require('libjs/sysnr').statx;
        const submit = eloop.submit;
        let refused = 0;
        eloop.submit = (nr, ...rest) => (nr === statx ? (refused++, submit(511, ...rest.slice(-1))) : submit(nr, ...rest));
        process.on('exit', () => { if (refused !== 1) throw new Error('statx asked ' + refused + ' times'); });
        const fs = require(${JSON.stringify(require.resolve('../../unode/lib/fs.js'))});
        const nodeFs = require('fs');
        const f = ${JSON.stringify(__filename)};
        const pick = (s) => [s.constructor.name, s.ino, s.size, s.mode, s.nlink, s.mtimeMs, s.ctimeMs, s.birthtimeMs];
        fs.stat(f, (e1, a) => fs.lstat(f, { bigint: true }, (e2, b) => {
          const fd = nodeFs.openSync(f, 'r');
          fs.fstat(fd, (e3, c) => fs.stat('/nonexistent', (e4) => fs.promises.stat(f).then((d) => {
            const n = nodeFs.statSync(f);
            console.log(JSON.stringify({
              errors: [e1, e2, e3].map(String), enoent: e4.message,
              stat: pick(a), lstat: [b.constructor.name, String(b.ino), String(b.birthtimeNs === b.ctimeNs)],
              fstat: pick(c), promise: pick(d),
              node: [n.constructor.name, n.ino, n.size, n.mode, n.nlink, n.mtimeMs, n.ctimeMs, n.ctimeMs],
            }));
          })));
        }));
      `], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
      const r = JSON.parse(out);
      assert.deepStrictEqual(r.errors, ['null', 'null', 'null']);
      assert.strictEqual(r.enoent, "ENOENT: no such file or directory, stat '/nonexistent'");
      assert.deepStrictEqual(r.stat, r.node);
      assert.deepStrictEqual(r.fstat, r.node);
      assert.deepStrictEqual(r.promise, r.node);
      assert.deepStrictEqual(r.lstat, ['BigIntStats', String(r.node[1]), 'true']);
    });
    it('bad paths, options and callbacks', async () => {
      for (const p of noSymbols) await sameCb((fs, cb) => fs.stat(p, cb));
      await sameCb((fs, cb) => fs.stat('f', null, cb), { setup: tree });
      await sameCb((fs) => fs.stat('f'));
      await sameCb((fs) => fs.lstat('f', {}));
      await sameCb((fs) => fs.fstat(0, 'x'));
    });
  });

  describe('statfs', () => {
    it('numbers and bigints; errors', async () => {
      const pick = (cb) => (e, s) => cb(e, s && [s.constructor.name, s.type, s.bsize]);
      await sameCb((fs, cb) => fs.statfs('.', pick(cb)));
      await sameCb((fs, cb) => fs.statfs('.', { bigint: true }, pick(cb)));
      await sameCb((fs, cb) => fs.statfs('nope', cb));
      await sameCb((fs) => fs.statfs('.'));
      await sameCb((fs, cb) => fs.statfs(1, cb));
    });
  });

  describe('access and exists', () => {
    it('modes and errors', async () => {
      for (const m of [undefined, 0, 1, 2, 4, 7, 8, -1, 1.5, '1', null, NaN, Infinity]) {
        for (const name of ['f', 'd', 'nope']) {
          await sameCb((fs, cb) => (m === undefined ? fs.access(name, cb) : fs.access(name, m, cb)), { setup: tree });
        }
      }
      await sameCb((fs) => fs.access('f', 0), { setup: tree });
      for (const p of noSymbols) await sameCb((fs, cb) => fs.access(p, cb));
    });
    it('exists never fails, whatever it gets', async () => {
      for (const p of ['f', 'nope', 'ln', 'dangling', ...noSymbols]) {
        await sameCb((fs, cb) => fs.exists(p, cb), { setup: tree });
      }
      await sameCb((fs) => fs.exists('f'));
      assert.strictEqual(await util.promisify(ufs.exists)(__filename), true);
      assert.strictEqual(await util.promisify(ufs.exists)('/nonexistent/x'), false);
    });
  });

  describe('chmod family', () => {
    it('chmod and fchmod', async () => {
      for (const m of [0o600, '755', 0o4755, 'abc', -1, 2 ** 32, 1.5, null]) {
        await sameCb((fs, cb) => fs.chmod('f', m, cb), { setup: tree, after: mode('f') });
        await sameCb((fs, cb) => {
          const fd = fs.openSync('f', 'r');
          fs.fchmod(fd, m, (...a) => {
            fs.closeSync(fd);
            cb(...a);
          });
        }, { setup: tree, after: mode('f') });
      }
      await sameCb((fs, cb) => fs.chmod('nope', 0o600, cb));
      await sameCb((fs, cb) => fs.chmod('ln', 0o600, cb), { setup: tree, after: mode('f') });
      await sameCb((fs, cb) => fs.fchmod(99999, 0o600, cb));
      await sameCb((fs, cb) => fs.fchmod(-2, 0o600, cb));
      assert.strictEqual(ufs.lchmod, undefined);
    });
  });

  describe('chown family', () => {
    it('chown, lchown, fchown', async () => {
      for (const [u, g] of [[0, 0], [1, 2], [-1, -1], [-1, 5], [-2, 0], [2 ** 32, 0], [1.5, 0], ['0', 0]]) {
        await sameCb((fs, cb) => fs.chown('f', u, g, cb), { setup: tree, after: owner('f') });
        await sameCb((fs, cb) => fs.lchown('ln', u, g, cb), { setup: tree, after: owner('ln') });
        await sameCb((fs, cb) => {
          const fd = fs.openSync('f', 'r');
          fs.fchown(fd, u, g, (...a) => {
            fs.closeSync(fd);
            cb(...a);
          });
        }, { setup: tree, after: owner('f') });
      }
      await sameCb((fs, cb) => fs.chown('nope', 0, 0, cb));
      await sameCb((fs, cb) => fs.lchown('nope', 0, 0, cb));
      await sameCb((fs, cb) => fs.fchown(99999, 0, 0, cb));
    });
  });

  describe('utimes family', () => {
    // Times that move (now) are not compared; the others are, to the nanosecond.
    const fixed = (a) => (typeof a === 'number' && (a < 0 || !Number.isFinite(a)) ? () => 'now' : null);
    it('utimes, lutimes, futimes with numbers, strings and Dates', async () => {
      for (const [a, m] of [[1, 2], [1.5, 2.25], ['100', '200'], [new Date(5000), new Date(6000)], [-1, 3],
        [1e9 + 0.123456789, 0], [NaN, 5], [Infinity, 7], [2 ** 40, 1]]) {
        await sameCb((fs, cb) => fs.utimes('f', a, m, cb), { setup: tree, after: fixed(a) || times('f') });
        await sameCb((fs, cb) => fs.lutimes('ln', a, m, cb), { setup: tree, after: fixed(a) || times('ln') });
        await sameCb((fs, cb) => {
          const fd = fs.openSync('f', 'r');
          fs.futimes(fd, a, m, (...args) => {
            fs.closeSync(fd);
            cb(...args);
          });
        }, { setup: tree, after: fixed(a) || times('f') });
      }
    });
    it('bad times, errors, a missing callback', async () => {
      for (const [a, m] of [['x', 1], [{}, 1], [1, null], [undefined, 1], [1n, 1]]) {
        await sameCb((fs, cb) => fs.utimes('f', a, m, cb), { setup: tree });
        await sameCb((fs, cb) => fs.lutimes('f', a, m, cb), { setup: tree });
        await sameCb((fs, cb) => fs.futimes(0, a, m, cb), { setup: tree });
      }
      await sameCb((fs, cb) => fs.utimes('nope', 1, 1, cb));
      await sameCb((fs, cb) => fs.futimes(99999, 1, 1, cb));
      await sameCb((fs) => fs.utimes('f', 1, 1), { setup: tree });
    });
  });
});
