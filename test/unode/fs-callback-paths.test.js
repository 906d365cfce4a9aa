// test/unode: unode/internal/fs/callback-paths.js and callback-dirs.js
// against Node's fs: mkdir (recursive), mkdtemp, rename, link, symlink,
// readlink, unlink, copyFile, readdir, rmdir, rm, realpath (and .native).
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { sameCb } = require('./fs-async-parity');
const { nodeFs, ufs, box, resetBox, cleanup, junk } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function tree(fs, b) {
  fs.writeFileSync(path.join(b, 'f'), 'abc');
  fs.mkdirSync(path.join(b, 'd/e/g'), { recursive: true });
  fs.writeFileSync(path.join(b, 'd/x'), 'x');
  fs.writeFileSync(path.join(b, 'd/e/y'), 'y');
  fs.symlinkSync('f', path.join(b, 'ln'));
  fs.symlinkSync('d', path.join(b, 'dln'));
  fs.symlinkSync('missing', path.join(b, 'dangling'));
  fs.symlinkSync('loop2', path.join(b, 'loop1'));
  fs.symlinkSync('loop1', path.join(b, 'loop2'));
}

// Everything in the box, recursively, sorted, with kinds.
function listing(fs, b) {
  const out = [];
  const walk = (dir, rel) => {
    for (const d of nodeFs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      out.push(`${r}${d.isDirectory() ? '/' : d.isSymbolicLink() ? '@' : ''}`);
      if (d.isDirectory()) walk(path.join(dir, d.name), r);
    }
  };
  walk(b, '');
  return out.sort();
}

describe('fs callback calls on names against Node', () => {
  after(cleanup);

  describe('mkdir', () => {
    it('plain, recursive, modes', async () => {
      const cases = [
        ['n', undefined], ['n', 0o700], ['n', '700'], ['n', { mode: 0o711 }], ['d', undefined], ['f', undefined],
        ['a/b/c', { recursive: true }], ['d/e/new', { recursive: true }], ['d', { recursive: true }],
        ['f', { recursive: true }], ['f/x', { recursive: true }], ['f/x/y', { recursive: true }],
        ['ln/x', { recursive: true }], ['dln/z', { recursive: true }], ['dangling', { recursive: true }],
        ['a/../b/./c', { recursive: true }], ['/', { recursive: true }], ['.', { recursive: true }],
        ['nope/x', undefined], ['n', { recursive: 'yes' }], ['n', { mode: 'abc' }], ['n', true], ['n', null],
        [Buffer.from('bf/é/g'), { recursive: true }], ['', { recursive: true }],
      ];
      for (const [p, o] of cases) {
        await sameCb((fs, cb) => (o === undefined ? fs.mkdir(p, cb) : fs.mkdir(p, o, cb)), { setup: tree, after: listing });
      }
    });
    it('bad paths and callbacks', async () => {
      for (const p of noSymbols) await sameCb((fs, cb) => fs.mkdir(p, cb));
      await sameCb((fs) => fs.mkdir('x'));
      await sameCb((fs) => fs.mkdir('x', {}));
    });
  });

  describe('mkdtemp', () => {
    it('creates a directory named after the prefix, in the encoding asked', async () => {
      for (const enc of [undefined, 'utf8', 'buffer', 'hex', { encoding: 'latin1' }]) {
        const shape = (cb) => (e, p) => {
          if (e) return cb(e);
          const s = Buffer.isBuffer(p) ? p.toString() : enc === 'hex' ? Buffer.from(p, 'hex').toString() : p;
          cb(null, typeof p, s.slice(0, -6), /^[A-Za-z0-9]{6}$/.test(s.slice(-6)), nodeFs.statSync(s).isDirectory(),
            (nodeFs.statSync(s).mode & 0o777).toString(8));
        };
        await sameCb((fs, cb) => (enc === undefined ? fs.mkdtemp('t-', shape(cb)) : fs.mkdtemp('t-', enc, shape(cb))));
      }
    });
    it('errors name the last name tried', async () => {
      // The six random characters differ from run to run: they are masked.
      const masked = (cb) => (e) => cb(e && [e.code, e.errno, e.syscall, Object.keys(e),
        e.message.replace(/t-[A-Za-z0-9]{6}'$/, "t-??????'"), e.path.replace(/[A-Za-z0-9]{6}$/, '??????')]);
      await sameCb((fs, cb) => fs.mkdtemp('nope/t-', masked(cb)));
      await sameCb((fs, cb) => fs.mkdtemp(Buffer.from('nope/t-'), masked(cb)));
      await sameCb((fs, cb) => fs.mkdtemp('f/t-', masked(cb)), { setup: tree });
      for (const p of [1, null, {}, 'a\0b']) await sameCb((fs, cb) => fs.mkdtemp(p, cb));
      await sameCb((fs, cb) => fs.mkdtemp('t-', { encoding: 'nope' }, cb));
      await sameCb((fs) => fs.mkdtemp('t-'));
    });
  });

  describe('rename, link, symlink, readlink, unlink', () => {
    it('rename', async () => {
      for (const [a, b] of [['f', 'g'], ['f', 'd'], ['d', 'f'], ['d', 'd/e/z'], ['nope', 'x'], ['f', 'nope/x'],
        ['ln', 'ln2'], ['f', 'f'], [1, 'x'], ['f', null]]) {
        await sameCb((fs, cb) => fs.rename(a, b, cb), { setup: tree, after: listing });
      }
    });
    it('link', async () => {
      for (const [a, b] of [['f', 'h'], ['f', 'd'], ['d', 'h'], ['nope', 'h'], ['ln', 'h'], ['f', {}]]) {
        await sameCb((fs, cb) => fs.link(a, b, cb), { setup: tree, after: listing });
      }
    });
    it('symlink with types', async () => {
      for (const [t, p, type] of [['f', 's', undefined], ['d', 's', 'dir'], ['x', 's', 'junction'], ['f', 's', 'file'],
        ['f', 's', 'bogus'], ['f', 'f', undefined], ['f', 'nope/s', undefined], ['f', 's', 5], [{}, 's', undefined]]) {
        await sameCb((fs, cb) => (type === undefined ? fs.symlink(t, p, cb) : fs.symlink(t, p, type, cb)),
          { setup: tree, after: listing });
      }
    });
    it('readlink with encodings', async () => {
      for (const enc of [undefined, 'utf8', 'buffer', 'base64', { encoding: 'hex' }, 'bogus']) {
        for (const p of ['ln', 'dangling', 'f', 'nope']) {
          await sameCb((fs, cb) => (enc === undefined ? fs.readlink(p, cb) : fs.readlink(p, enc, cb)), { setup: tree });
        }
      }
      await sameCb((fs, cb) => fs.readlink(5, cb));
    });
    it('unlink', async () => {
      for (const p of ['f', 'd', 'ln', 'nope', 'd/nope/x', 5]) {
        await sameCb((fs, cb) => fs.unlink(p, cb), { setup: tree, after: listing });
      }
    });
  });

  describe('copyFile', () => {
    const content = (name) => (fs, b) => nodeFs.readFileSync(path.join(b, name), 'latin1');
    it('copies, with modes', async () => {
      for (const mode of [undefined, 0, 1, 2, 3, 4, 8, -1, 1.5, '1', null]) {
        await sameCb((fs, cb) => (mode === undefined ? fs.copyFile('f', 'c', cb) : fs.copyFile('f', 'c', mode, cb)),
          { setup: tree, after: (fs, b) => (nodeFs.existsSync(path.join(b, 'c')) ? content('c')(fs, b) : 'none') });
        await sameCb((fs, cb) => fs.copyFile('f', 'd/x', mode ?? 0, cb), {
          setup: tree, after: (fs, b) => (nodeFs.existsSync(path.join(b, 'd/x')) ? content('d/x')(fs, b) : 'removed'),
        });
      }
    });
    it('keeps the mode, copies large files, the same file is left alone', async () => {
      const big = (fs, b) => {
        tree(fs, b);
        fs.writeFileSync(path.join(b, 'big'), Buffer.alloc(5 * 1024 * 1024 + 3, 'abcdefg'));
        fs.chmodSync(path.join(b, 'big'), 0o640);
      };
      await sameCb((fs, cb) => fs.copyFile('big', 'c', cb), {
        setup: big,
        after: (fs, b) => [nodeFs.statSync(path.join(b, 'c')).size, (nodeFs.statSync(path.join(b, 'c')).mode & 0o777).toString(8),
          nodeFs.readFileSync(path.join(b, 'c')).equals(nodeFs.readFileSync(path.join(b, 'big')))],
      });
      await sameCb((fs, cb) => fs.copyFile('f', 'f', cb), { setup: tree, after: content('f') });
      await sameCb((fs, cb) => fs.copyFile('f', 'ln', cb), { setup: tree, after: content('f') });
    });
    it('errors name both paths; dest removed after a failure', async () => {
      for (const [a, b] of [['nope', 'c'], ['d', 'c'], ['f', 'd'], ['f', 'nope/c'], ['dangling', 'c'], [1, 'c'], ['f', {}]]) {
        await sameCb((fs, cb) => fs.copyFile(a, b, cb), { setup: tree, after: listing });
      }
      await sameCb((fs, cb) => fs.copyFile('f', 'd/x', 1, cb), { setup: tree, after: listing });
      await sameCb((fs) => fs.copyFile('f', 'c'), { setup: tree });
    });
  });

  describe('readdir', () => {
    const names = (cb) => (e, l) => cb(e, l && l.map((d) => (typeof d === 'object' && !Buffer.isBuffer(d) ?
      [d.constructor.name, d.name, d.parentPath, d.path, d.isFile(), d.isDirectory(), d.isSymbolicLink()] : d)));
    it('names, encodings, file types, recursive', async () => {
      for (const o of [undefined, 'utf8', 'buffer', 'hex', { withFileTypes: true }, { encoding: 'buffer', withFileTypes: true },
        { recursive: true }, { recursive: true, withFileTypes: true }, { recursive: false }, { recursive: 1 }, 'bogus', 5]) {
        for (const p of ['.', 'd', 'dln', 'f', 'nope', Buffer.from('d')]) {
          await sameCb((fs, cb) => (o === undefined ? fs.readdir(p, names(cb)) : fs.readdir(p, o, names(cb))), { setup: tree });
        }
      }
    });
    it('sorted bytewise, as Node', async () => {
      const many = (fs, b) => {
        for (const n of ['b', 'B', 'a', '_', 'é', 'e', '10', '9', 'aa', 'a.b', 'Z']) fs.writeFileSync(path.join(b, n), '');
      };
      await sameCb((fs, cb) => fs.readdir('.', cb), { setup: many });
    });
    it('large directories', async () => {
      const many = (fs, b) => {
        for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(b, `file-with-a-long-name-${i}`), '');
      };
      await sameCb((fs, cb) => fs.readdir('.', (e, l) => cb(e, l && l.join(','))), { setup: many });
    });
    it('bad arguments', async () => {
      for (const p of noSymbols) await sameCb((fs, cb) => fs.readdir(p, cb));
      await sameCb((fs) => fs.readdir('.'));
    });
  });

  describe('rmdir and rm', () => {
    it('rmdir', async () => {
      for (const [p, o] of [['d/e/g', undefined], ['d', undefined], ['f', undefined], ['nope', undefined],
        ['d', { maxRetries: 'x' }], ['d', { retryDelay: -1 }], ['d', 5]]) {
        await sameCb((fs, cb) => (o === undefined ? fs.rmdir(p, cb) : fs.rmdir(p, o, cb)), { setup: tree, after: listing });
      }
    });
    it('rmdir recursive (deprecated)', async () => {
      for (const p of ['d', 'f', 'nope', 'dln']) {
        await sameCb((fs, cb) => fs.rmdir(p, { recursive: true }, cb), { setup: tree, after: listing });
      }
    });
    it('rm: files, trees, force, links, errors', async () => {
      for (const [p, o] of [['f', undefined], ['d', undefined], ['d', { recursive: true }], ['nope', undefined],
        ['nope', { force: true }], ['dln', { recursive: true }], ['ln', undefined], ['dangling', undefined],
        ['d/e', { recursive: true, force: true }], ['d', { recursive: true, maxRetries: 2, retryDelay: 1 }],
        ['d', { force: 'yes' }], ['d', { maxRetries: -1 }], ['d', 5], ['.', { recursive: true }]]) {
        await sameCb((fs, cb) => (o === undefined ? fs.rm(p, cb) : fs.rm(p, o, cb)), { setup: tree, after: listing });
      }
      for (const p of [1, null, {}]) await sameCb((fs, cb) => fs.rm(p, cb));
    });
    it('rm of a deep, wide tree', async () => {
      const wide = (fs, b) => {
        for (let i = 0; i < 20; i++) {
          const dir = path.join(b, 't', `d${i}`, 'sub', 'deeper');
          fs.mkdirSync(dir, { recursive: true });
          for (let j = 0; j < 10; j++) fs.writeFileSync(path.join(dir, `f${j}`), 'x');
        }
      };
      await sameCb((fs, cb) => fs.rm('t', { recursive: true }, cb), { setup: wide, after: listing });
    });
    it('retries EBUSY maxRetries times with growing delays, then fails as Node (a mount point)', async function() {
      this.timeout(20000);
      const { execFileSync } = require('child_process');
      const probe = path.join(box, 'probe');
      nodeFs.mkdirSync(probe, { recursive: true });
      try {
        execFileSync('mount', ['-t', 'tmpfs', 'none', probe], { stdio: 'ignore' });
        execFileSync('umount', [probe]);
      } catch {
        this.skip(); // mounting a tmpfs needs root and a mount namespace that allows it
      }
      // However the calls end (a callback that never comes included), nothing
      // stays mounted: every later test resets the box this mount is in.
      const unmount = () => {
        try {
          execFileSync('umount', ['-l', path.join(box, 't', 'm')], { stdio: 'ignore' });
        } catch {} // not mounted: the callback has unmounted it
      };
      try {
        await sameCb((fs, cb, b) => {
          const m = path.join(b, 't', 'm');
          nodeFs.mkdirSync(m, { recursive: true });
          nodeFs.writeFileSync(path.join(b, 't', 'other'), '');
          execFileSync('mount', ['-t', 'tmpfs', 'none', m]);
          const t0 = Date.now();
          fs.rm('t', { recursive: true, maxRetries: 2, retryDelay: 20 }, (e) => {
            const waited = Date.now() - t0;
            execFileSync('umount', [m]);
            // rimraf waits 1 * 20 then 2 * 20 ms before giving up at the top.
            cb(e, waited >= 60, nodeFs.readdirSync(path.join(b, 't')));
          });
        });
      } finally {
        unmount();
      }
    });
  });

  describe('realpath', () => {
    it('the JavaScript walk and native', async () => {
      for (const p of ['.', 'f', 'ln', 'dln', 'dln/e/y', 'd/../f', 'dangling', 'loop1', 'nope', 'f/x', '', '/',
        Buffer.from('ln')]) {
        for (const o of [undefined, 'buffer', { encoding: 'hex' }]) {
          await sameCb((fs, cb) => (o === undefined ? fs.realpath(p, cb) : fs.realpath(p, o, cb)), { setup: tree });
          await sameCb((fs, cb) => (o === undefined ? fs.realpath.native(p, cb) : fs.realpath.native(p, o, cb)),
            { setup: tree });
        }
      }
    });
    it('bad arguments', async () => {
      for (const p of [null, 'a\0b', new URL('file:///etc'), 5]) {
        await sameCb((fs, cb) => fs.realpath(p, cb));
        await sameCb((fs, cb) => fs.realpath.native(p, cb));
      }
      await sameCb((fs) => fs.realpath('.'));
      await sameCb((fs) => fs.realpath('.', {}));
      await sameCb((fs) => fs.realpath.native('.'));
    });
    it('native without /proc (a mount namespace with a tmpfs over it): the walk answers', function() {
      const { spawnSync } = require('child_process');
      resetBox();
      const script = `
        const u = require(${JSON.stringify(require.resolve('../../unode/lib/fs.js'))});
        const n = require('fs');
        const b = ${JSON.stringify(box)};
        n.mkdirSync(b + '/d/e', { recursive: true });
        n.symlinkSync('d', b + '/l');
        const out = [require('fs').existsSync('/proc/self/fd')];
        const one = (p, enc, done) => u.realpath.native(p, enc, (e, r) => n.realpath.native(p, enc, (e2, r2) => {
          out.push([String(e), String(r), String(e2), String(r2)]);
          done();
        }));
        one(b + '/l/e', undefined, () => one(b + '/l', 'buffer', () => one(b + '/nope', undefined, () =>
          u.promises.realpath(b + '/l/./e').then((r) => { out.push(r); console.log(JSON.stringify(out)); }))));
      `;
      const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c',
        `mount -t tmpfs none /proc && exec ${process.execPath} -e "$0"`, script], { encoding: 'utf8' });
      if (r.status !== 0 && /unshare|mount/.test(r.stderr)) this.skip(); // needs root and mount namespaces
      const out = JSON.parse(r.stdout);
      assert.strictEqual(out[0], false, '/proc is hidden');
      for (const [e, p, e2, p2] of out.slice(1, 4)) assert.deepStrictEqual([e, p], [e2, p2]);
      assert.strictEqual(out[4], path.join(box, 'd/e'));
    });
    it('util.promisify works as on Node\'s', async () => {
      assert.strictEqual(await util.promisify(ufs.realpath)(box), nodeFs.realpathSync(box));
    });
  });
});
