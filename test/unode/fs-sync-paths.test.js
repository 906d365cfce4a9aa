// test/unode: unode/internal/fs/sync-paths.js against Node's fs: mkdir
// (recursive), mkdtemp, rename, link, symlink, readlink, unlink, rmdir,
// copyFile with its flags.
'use strict';

const assert = require('assert');
const path = require('path');
const { same, sameError, nodeFs, ufs, box, resetBox, cleanup, junk } = require('./fs-parity');

function tree(fs, b) {
  fs.writeFileSync(path.join(b, 'f'), 'hello');
  fs.writeFileSync(path.join(b, 'g'), 'other content');
  fs.mkdirSync(path.join(b, 'd'));
  fs.writeFileSync(path.join(b, 'd', 'inner'), 'x');
  fs.mkdirSync(path.join(b, 'empty'));
  fs.symlinkSync('f', path.join(b, 'link'));
  fs.symlinkSync('nowhere', path.join(b, 'dangling'));
  fs.symlinkSync('d', path.join(b, 'dirlink'));
  fs.chmodSync(path.join(b, 'g'), 0o640);
}

// The box's entries with their kind, mode and content, to compare side effects.
function listing(fs, b) {
  const out = [];
  const walk = (dir, rel) => {
    for (const name of nodeFs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const s = nodeFs.lstatSync(p);
      const kind = s.isDirectory() ? 'dir' : s.isSymbolicLink() ? `link->${nodeFs.readlinkSync(p)}` : 'file';
      out.push(`${rel}${name} ${kind} ${(s.mode & 0o7777).toString(8)}${kind === 'file' ? ` ${nodeFs.readFileSync(p, 'latin1')}` : ''}`);
      if (kind === 'dir') walk(p, `${rel}${name}/`);
    }
  };
  walk(b, '');
  return out;
}

describe('fs sync path calls against Node', () => {
  after(cleanup);

  describe('mkdirSync', () => {
    const targets = ['new', 'd', 'f', 'a/b/c', 'a/b/c/', 'f/x', 'f/x/y', 'link', 'dangling/x', 'dirlink/n',
      'a/b/../c', '.', 'd/inner/z'];
    const options = [undefined, { recursive: true }, 0o700, '755', { mode: 0o711 }, { recursive: true, mode: '0700' },
      { recursive: 1 }, { mode: 'q' }, 'x', -1, { recursive: false }, null, true];
    for (const t of targets) {
      for (const o of options) {
        it(`${t} ${JSON.stringify(o)}`, () => {
          same((fs, b) => fs.mkdirSync(path.join(b, t), o), { setup: tree, after: listing });
        });
      }
    }
    it('relative paths, Buffers, URLs', () => {
      same((fs) => fs.mkdirSync('rel/x/y', { recursive: true }), { after: listing });
      same((fs) => fs.mkdirSync('rel', { recursive: true }), { after: listing });
      same((fs) => fs.mkdirSync('f/x', { recursive: true }), { setup: tree, after: listing });
      same((fs, b) => fs.mkdirSync(Buffer.from(path.join(b, 'é', 'ü')), { recursive: true }), { after: listing });
      same((fs, b) => fs.mkdirSync(new URL(`file://${b}/u/v`), { recursive: true }), { after: listing });
    });
    it('path values of every kind', () => {
      for (const p of junk) {
        same((fs) => fs.mkdirSync(p));
        same((fs) => fs.mkdirSync(p, { recursive: true }));
      }
    });
  });

  describe('mkdtempSync', () => {
    it('creates a 0700 directory with six characters added', () => {
      for (const fs of [nodeFs, ufs]) {
        resetBox();
        const d = fs.mkdtempSync(path.join(box, 'tmp-'));
        assert.match(d, new RegExp(`^${box}/tmp-[A-Za-z0-9]{6}$`));
        assert.strictEqual(nodeFs.statSync(d).mode & 0o777, 0o700);
        const b = fs.mkdtempSync(Buffer.from(path.join(box, 'b-')), 'buffer');
        assert.ok(Buffer.isBuffer(b) && b.length === path.join(box, 'b-').length + 6);
        const h = fs.mkdtempSync(path.join(box, 'h-'), { encoding: 'hex' });
        assert.ok(nodeFs.statSync(Buffer.from(h, 'hex')).isDirectory());
      }
      const names = new Set();
      for (let i = 0; i < 50; i++) names.add(ufs.mkdtempSync(path.join(box, 'many-')));
      assert.strictEqual(names.size, 50);
    });
    it('errors', () => {
      sameError((fs, b) => fs.mkdtempSync(path.join(b, 'nope', 'x')));
      sameError((fs, b) => fs.mkdtempSync(path.join(b, 'f', 'x')), { setup: tree });
      sameError((fs, b) => fs.mkdtempSync(path.join(b, 'x'), 'bogus'));
      sameError((fs, b) => fs.mkdtempSync(Buffer.from(path.join(b, 'nope', 'é'))));
      for (const p of junk) {
        if (typeof p === 'string' || p instanceof Uint8Array) continue; // would create directories
        same((fs) => fs.mkdtempSync(p));
      }
    });
  });

  describe('renameSync, linkSync, symlinkSync, unlinkSync, rmdirSync', () => {
    const pairs = [['f', 'new'], ['f', 'g'], ['f', 'd'], ['d', 'f'], ['d', 'empty'], ['empty', 'd'], ['nope', 'x'],
      ['f', 'nope/x'], ['link', 'l2'], ['d', 'd/sub'], ['f', 'f'], ['dangling', 'x'], ['f', 'dirlink/x']];
    for (const [a, b2] of pairs) {
      it(`${a} -> ${b2}`, () => {
        same((fs, b) => fs.renameSync(path.join(b, a), path.join(b, b2)), { setup: tree, after: listing });
        same((fs, b) => fs.linkSync(path.join(b, a), path.join(b, b2)), { setup: tree, after: listing });
        same((fs, b) => fs.symlinkSync(a, path.join(b, b2)), { setup: tree, after: listing });
        same((fs, b) => fs.symlinkSync(path.join(b, a), path.join(b, b2), 'dir'), { setup: tree, after: listing });
      });
    }
    it('symlink types', () => {
      for (const t of ['file', 'dir', 'junction', 'bad', '', null, undefined, 5, {}]) {
        same((fs, b) => fs.symlinkSync('target', path.join(b, 's'), t), { setup: tree, after: listing });
        same((fs, b) => fs.symlinkSync('target', path.join(b, 'f'), t), { setup: tree, after: listing });
        same((fs, b) => fs.symlinkSync(5, path.join(b, 'f'), t), { setup: tree });
      }
    });
    for (const n of ['f', 'd', 'empty', 'link', 'dangling', 'dirlink', 'nope', 'f/x', 'd/']) {
      it(`unlink and rmdir ${n}`, () => {
        same((fs, b) => fs.unlinkSync(path.join(b, n)), { setup: tree, after: listing });
        same((fs, b) => fs.rmdirSync(path.join(b, n)), { setup: tree, after: listing });
        for (const o of [{}, { maxRetries: -1 }, { retryDelay: 'x' }, 5, null, { recursive: false }])
          same((fs, b) => fs.rmdirSync(path.join(b, n), o), { setup: tree, after: listing });
      });
    }
    it('path values of every kind', () => {
      for (const p of junk) {
        same((fs, b) => fs.renameSync(p, path.join(b, 'x')));
        same((fs, b) => fs.renameSync(path.join(b, 'nope'), p));
        same((fs, b) => fs.linkSync(p, path.join(b, 'x')));
        same((fs, b) => fs.symlinkSync(path.join(b, 'x'), p));
        same((fs) => fs.unlinkSync(p));
        same((fs) => fs.rmdirSync(p));
      }
    });
  });

  describe('readlinkSync', () => {
    for (const n of ['link', 'dangling', 'dirlink', 'f', 'd', 'nope', 'link/x']) {
      for (const o of [undefined, 'utf8', 'buffer', 'hex', { encoding: 'latin1' }, 'bogus', 5]) {
        it(`${n} ${JSON.stringify(o)}`, () => {
          same((fs, b) => fs.readlinkSync(path.join(b, n), o), { setup: tree });
        });
      }
    }
    it('long and non-UTF-8 targets', () => {
      const long = 'x/'.repeat(1500) + 'end';
      same((fs, b) => fs.readlinkSync(path.join(b, 'long')), { setup: (fs, b) => fs.symlinkSync(long, path.join(b, 'long')) });
      const raw = Buffer.from([0x61, 0xff, 0x62]);
      same((fs, b) => [fs.readlinkSync(path.join(b, 'raw'), 'buffer'), fs.readlinkSync(path.join(b, 'raw'))],
        { setup: (fs, b) => fs.symlinkSync(raw, path.join(b, 'raw')) });
      same((fs) => fs.readlinkSync('/proc/self/cwd') === process.cwd());
    });
    it('path values of every kind', () => {
      for (const p of junk) same((fs) => fs.readlinkSync(p));
    });
  });

  describe('copyFileSync', () => {
    const pairs = [['f', 'new'], ['f', 'g'], ['g', 'f'], ['f', 'f'], ['f', 'link'], ['link', 'new'], ['f', 'd'],
      ['d', 'new'], ['nope', 'new'], ['f', 'nope/x'], ['dangling', 'x'], ['f', 'dangling']];
    for (const [a, b2] of pairs) {
      for (const mode of [undefined, 0, 1, 2, 3, 4, 5, 7, 8, -1, 1.5, '1', null]) {
        it(`${a} -> ${b2} mode ${String(mode)}`, () => {
          same((fs, b) => fs.copyFileSync(path.join(b, a), path.join(b, b2), mode), { setup: tree, after: listing });
        });
      }
    }
    it('large, empty and special files', () => {
      const big = Buffer.alloc(5 * 1024 * 1024 + 3, 'xyz');
      same((fs, b) => fs.copyFileSync(path.join(b, 'big'), path.join(b, 'copy')), {
        setup: (fs, b) => fs.writeFileSync(path.join(b, 'big'), big),
        after: (fs, b) => nodeFs.readFileSync(path.join(b, 'copy')).equals(big),
      });
      same((fs, b) => fs.copyFileSync(path.join(b, 'e'), path.join(b, 'copy')), {
        setup: (fs, b) => fs.writeFileSync(path.join(b, 'e'), ''), after: listing,
      });
      same((fs, b) => fs.copyFileSync('/proc/self/status', path.join(b, 'copy')), { after: listing });
      same((fs, b) => fs.copyFileSync('/dev/null', path.join(b, 'copy')), { after: listing });
      // (No copy onto a device here: a failed copy removes its destination, in
      // libuv as here, and as root that would be /dev/null itself.)
    });
    it('keeps the source mode, and COPYFILE_EXCL leaves an existing file alone', () => {
      same((fs, b) => fs.copyFileSync(path.join(b, 'g'), path.join(b, 'g2')), { setup: tree, after: listing });
      same((fs, b) => fs.copyFileSync(path.join(b, 'g'), path.join(b, 'f'), fs.constants.COPYFILE_EXCL), { setup: tree, after: listing });
    });
    it('path values of every kind', () => {
      for (const p of junk) {
        same((fs, b) => fs.copyFileSync(p, path.join(b, 'x')));
        same((fs, b) => fs.copyFileSync(path.join(b, 'nope'), p));
      }
    });
  });
});
