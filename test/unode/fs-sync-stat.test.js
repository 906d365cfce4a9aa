// test/unode: unode/internal/fs/sync-stat.js against Node's fs: stat, lstat,
// fstat (Number and BigInt forms, every field), statfs, access, exists, and
// the chmod, chown and utimes families.
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { same, sameError, nodeFs, ufs, box, resetBox, cleanup, junk } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function tree(fs, b) {
  fs.writeFileSync(path.join(b, 'f'), 'hello');
  fs.mkdirSync(path.join(b, 'd'));
  fs.symlinkSync('f', path.join(b, 'link'));
  fs.symlinkSync('nowhere', path.join(b, 'dangling'));
}

// Stats of the same object compared field by field (access times move only
// when read, and both sides stat without reading).
function statsPair(a, b) {
  assert.strictEqual(util.inspect(a), util.inspect(b));
  assert.deepStrictEqual(Object.keys(a), Object.keys(b));
  assert.strictEqual(Object.getPrototypeOf(a).constructor.name, Object.getPrototypeOf(b).constructor.name);
  for (const m of ['isFile', 'isDirectory', 'isBlockDevice', 'isCharacterDevice', 'isSymbolicLink', 'isFIFO', 'isSocket'])
    assert.strictEqual(a[m](), b[m](), m);
}

describe('fs sync metadata against Node', () => {
  after(cleanup);

  describe('statSync, lstatSync, fstatSync', () => {
    before(() => {
      resetBox();
      tree(nodeFs, box);
    });
    const targets = ['f', 'd', 'link', '', '/dev/null', '/dev/vda', '/proc/self/exe', '/tmp', '/'];
    for (const t of targets) {
      for (const bigint of [false, true]) {
        it(`${t || 'the box'} bigint=${bigint}`, () => {
          const p = path.isAbsolute(t) ? t : path.join(box, t);
          statsPair(ufs.statSync(p, { bigint }), nodeFs.statSync(p, { bigint }));
          statsPair(ufs.lstatSync(p, { bigint }), nodeFs.lstatSync(p, { bigint }));
          let fd;
          try {
            fd = nodeFs.openSync(p, 'r');
          } catch {
            return; // not readable (a disk): no fstat
          }
          try {
            statsPair(ufs.fstatSync(fd, { bigint }), nodeFs.fstatSync(fd, { bigint }));
          } finally {
            nodeFs.closeSync(fd);
          }
        });
      }
    }
    it('a fifo and a socket', function() {
      const fifo = path.join(box, 'fifo');
      try {
        require('child_process').execFileSync('mkfifo', [fifo]);
      } catch {
        this.skip();
      }
      statsPair(ufs.statSync(fifo), nodeFs.statSync(fifo));
      const net = require('net');
      const sock = path.join(box, 'sock');
      const server = net.createServer().listen(sock);
      return new Promise((resolve) => server.on('listening', resolve)).then(() => {
        statsPair(ufs.statSync(sock), nodeFs.statSync(sock));
        statsPair(ufs.lstatSync(sock, { bigint: true }), nodeFs.lstatSync(sock, { bigint: true }));
        server.close();
      });
    });
    it('birthtime comes from statx, as in Node', () => {
      const p = path.join(box, 'f');
      assert.strictEqual(ufs.statSync(p).birthtimeMs, nodeFs.statSync(p).birthtimeMs);
      assert.strictEqual(ufs.statSync(p, { bigint: true }).birthtimeNs, nodeFs.statSync(p, { bigint: true }).birthtimeNs);
    });
    it('options: bigint must be true, throwIfNoEntry false', () => {
      for (const opt of [undefined, {}, { bigint: 1 }, { bigint: 'yes' }, { bigint: true }, 5, 'x', { throwIfNoEntry: 0 }]) {
        same((fs, b) => fs.statSync(path.join(b, 'f'), opt).size, { setup: tree });
        same((fs, b) => fs.lstatSync(path.join(b, 'link'), opt).size, { setup: tree });
      }
      for (const opt of [{ throwIfNoEntry: false }, { throwIfNoEntry: 0 }, { throwIfNoEntry: null }, {}, null, 5]) {
        same((fs, b) => fs.statSync(path.join(b, 'nope'), opt), { setup: tree });
        same((fs, b) => fs.lstatSync(path.join(b, 'nope'), opt), { setup: tree });
        same((fs, b) => fs.statSync(path.join(b, 'f', 'x'), opt), { setup: tree });
        same((fs, b) => fs.statSync(path.join(b, 'dangling'), opt), { setup: tree });
      }
      same((fs) => fs.fstatSync(99999, null));
      same((fs) => fs.fstatSync(99999, { bigint: true }));
    });
    it('errors', () => {
      sameError((fs, b) => fs.statSync(path.join(b, 'nope')));
      sameError((fs, b) => fs.lstatSync(path.join(b, 'nope')));
      sameError((fs, b) => fs.statSync(path.join(b, 'dangling')), { setup: tree });
      sameError((fs, b) => fs.statSync(Buffer.from(path.join(b, 'nope'))));
      sameError((fs) => fs.fstatSync(99999));
      for (const p of junk) {
        same((fs) => fs.statSync(p));
        same((fs) => fs.lstatSync(p));
      }
      for (const fd of noSymbols) same((fs) => fs.fstatSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd));
    });
  });

  describe('statfsSync', () => {
    it('values', () => {
      for (const bigint of [false, true, 1]) {
        const a = ufs.statfsSync('/', { bigint });
        const b = nodeFs.statfsSync('/', { bigint });
        assert.strictEqual(util.inspect({ ...a, bfree: 0, bavail: 0, ffree: 0 }), util.inspect({ ...b, bfree: 0, bavail: 0, ffree: 0 }));
        assert.strictEqual(a.constructor.name, b.constructor.name);
        assert.deepStrictEqual(Object.keys(a), Object.keys(b));
      }
      assert.strictEqual(util.inspect(ufs.statfsSync('/proc')), util.inspect(nodeFs.statfsSync('/proc')));
    });
    it('errors', () => {
      sameError((fs, b) => fs.statfsSync(path.join(b, 'nope')));
      for (const p of junk) same((fs) => fs.statfsSync(p));
    });
  });

  describe('accessSync and existsSync', () => {
    const modes = [undefined, null, 0, 1, 2, 4, 7, 1.5, 7.9, -0.5, -1, 8, NaN, Infinity, 2 ** 31, '1', true, {}, 1n];
    for (const m of modes) {
      it(`mode ${String(m)}`, () => {
        same((fs, b) => fs.accessSync(path.join(b, 'f'), m), { setup: tree });
        same((fs, b) => fs.accessSync(path.join(b, 'd'), m), { setup: tree });
        same((fs, b) => fs.accessSync(path.join(b, 'nope'), m), { setup: tree });
      });
    }
    it('exists', () => {
      for (const p of ['f', 'd', 'link', 'dangling', 'nope', 'f/x']) same((fs, b) => fs.existsSync(path.join(b, p)), { setup: tree });
      for (const p of junk) same((fs) => fs.existsSync(p));
      same((fs) => fs.existsSync());
      same((fs, b) => fs.existsSync(new URL(`file://${b}/f`)), { setup: tree });
      same((fs, b) => fs.existsSync(Buffer.from(`${b}/f`)), { setup: tree });
    });
    it('path errors', () => {
      for (const p of junk) same((fs) => fs.accessSync(p));
    });
  });

  describe('chmod family', () => {
    const modeOf = (fs, b) => ['f', 'd'].map((n) => (nodeFs.statSync(path.join(b, n)).mode & 0o7777).toString(8));
    for (const m of [0o600, 0o4755, '644', '0777', '8', 'x', -1, 2 ** 32, 1.5, null, undefined, {}]) {
      it(`mode ${String(m)}`, () => {
        same((fs, b) => fs.chmodSync(path.join(b, 'f'), m), { setup: tree, after: modeOf });
        same((fs, b) => fs.chmodSync(path.join(b, 'link'), m), { setup: tree, after: modeOf });
        same((fs, b) => {
          const fd = fs.openSync(path.join(b, 'd'), 'r');
          try { return fs.fchmodSync(fd, m); } finally { fs.closeSync(fd); }
        }, { setup: tree, after: modeOf });
      });
    }
    it('errors', () => {
      sameError((fs, b) => fs.chmodSync(path.join(b, 'nope'), 0o600));
      sameError((fs) => fs.fchmodSync(99999, 0o600));
      for (const fd of noSymbols) same((fs) => fs.fchmodSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd, 0o600));
      for (const p of junk) same((fs) => fs.chmodSync(p, 0o600));
    });
    it('lchmod does not exist on Linux', () => {
      assert.strictEqual(ufs.lchmodSync, nodeFs.lchmodSync);
      assert.ok('lchmodSync' in ufs);
    });
  });

  describe('chown family', () => {
    const owner = (fs, b) => ['f', 'link'].map((n) => { const s = nodeFs.lstatSync(path.join(b, n)); return [s.uid, s.gid]; });
    for (const [u, g] of [[-1, -1], [0, 0], [1234, 5678], [-2, 0], [0, 2 ** 32], [1.5, 0], ['0', 0], [null, 0], [0, undefined]]) {
      it(`uid ${u}, gid ${g}`, () => {
        same((fs, b) => fs.chownSync(path.join(b, 'f'), u, g), { setup: tree, after: owner });
        same((fs, b) => fs.lchownSync(path.join(b, 'link'), u, g), { setup: tree, after: owner });
        same((fs, b) => {
          const fd = fs.openSync(path.join(b, 'f'), 'r');
          try { return fs.fchownSync(fd, u, g); } finally { fs.closeSync(fd); }
        }, { setup: tree, after: owner });
      });
    }
    it('errors', () => {
      sameError((fs, b) => fs.chownSync(path.join(b, 'nope'), 0, 0));
      sameError((fs, b) => fs.lchownSync(path.join(b, 'nope'), 0, 0));
      sameError((fs) => fs.fchownSync(99999, 0, 0));
      for (const fd of noSymbols) same((fs) => fs.fchownSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd, 0, 0));
    });
  });

  describe('utimes family', () => {
    const timesOf = (n) => (fs, b) => {
      const s = nodeFs.lstatSync(path.join(b, n), { bigint: true });
      return [String(s.atimeNs), String(s.mtimeNs)];
    };
    const values = [0, 1, 1.5, 1234567890.123456789, 1e9 + 0.000999, '1000', '1e3', ' 12 ', '', -5,
      new Date(1e12), new Date(-1e9), new Date(123.5), 'x', null, undefined, {}, NaN, Infinity, 'Infinity', '-Infinity', 5n];
    for (const t of values) {
      it(`time ${util.inspect(t)}`, () => {
        if (t === -5) {
          // "Now" on both sides (negative numbers): the times land within a
          // second of the clock.
          for (const fs of [nodeFs, ufs]) {
            resetBox();
            tree(nodeFs, box);
            fs.utimesSync(path.join(box, 'f'), t, t);
            assert.ok(Math.abs(nodeFs.statSync(path.join(box, 'f')).mtimeMs - Date.now()) < 1000);
          }
          return;
        }
        // After a refused call the entries keep the times they were made with.
        let valid = true;
        try { valid = Number.isFinite(nodeFs._toUnixTimestamp(t)); } catch { valid = false; }
        const on = (n) => (valid ? timesOf(n) : undefined);
        same((fs, b) => fs.utimesSync(path.join(b, 'f'), t, t), { setup: tree, after: on('f') });
        same((fs, b) => fs.lutimesSync(path.join(b, 'link'), t, 1), { setup: tree, after: on('link') });
        same((fs, b) => {
          const fd = fs.openSync(path.join(b, 'f'), 'r');
          try { return fs.futimesSync(fd, 2, t); } finally { fs.closeSync(fd); }
        }, { setup: tree, after: on('f') });
      });
    }
    it('errors', () => {
      sameError((fs, b) => fs.utimesSync(path.join(b, 'nope'), 1, 1));
      sameError((fs, b) => fs.lutimesSync(path.join(b, 'nope'), 1, 1));
      sameError((fs) => fs.futimesSync(99999, 1, 1));
      for (const fd of noSymbols) same((fs) => fs.futimesSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd, 1, 1));
      for (const p of junk) same((fs) => fs.utimesSync(p, 1, 1));
    });
  });
});
