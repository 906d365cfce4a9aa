// test/unode: unode/internal/fs/realpath.js against Node's fs: realpathSync
// (the JavaScript walk, with the CommonJS loader's cache) and .native.
'use strict';

const assert = require('assert');
const path = require('path');
const { same, sameError, nodeFs, ufs, box, resetBox, cleanup, junk } = require('./fs-parity');

function tree(fs, b) {
  fs.mkdirSync(path.join(b, 'real', 'deep'), { recursive: true });
  fs.writeFileSync(path.join(b, 'real', 'deep', 'f'), '');
  fs.symlinkSync('real', path.join(b, 'rel'));
  fs.symlinkSync(path.join(b, 'real', 'deep'), path.join(b, 'abs'));
  fs.symlinkSync('../rel/deep/f', path.join(b, 'real', 'up'));
  fs.symlinkSync('chain2', path.join(b, 'chain1'));
  fs.symlinkSync('chain3', path.join(b, 'chain2'));
  fs.symlinkSync('real', path.join(b, 'chain3'));
  fs.symlinkSync('loopB', path.join(b, 'loopA'));
  fs.symlinkSync('loopA', path.join(b, 'loopB'));
  fs.symlinkSync('nowhere', path.join(b, 'dangling'));
  fs.writeFileSync(path.join(b, 'file'), '');
}

const targets = ['', '.', 'real', 'real/deep/f', 'rel', 'rel/deep', 'abs/f', 'real/up', 'chain1/deep/./f',
  'chain1/../real', 'loopA', 'loopA/x', 'dangling', 'dangling/x', 'nope', 'nope/x', 'file/x', 'file/', 'real//deep/',
  '/', '/proc/self/exe', '/proc/self/cwd', '/dev/stdin'];

describe('fs realpathSync against Node', () => {
  after(cleanup);

  for (const t of targets) {
    for (const o of [undefined, 'buffer', { encoding: 'hex' }, 'bogus']) {
      it(`${t || '(empty)'} ${JSON.stringify(o)}`, () => {
        same((fs, b) => fs.realpathSync(t.startsWith('/') ? t : path.join(b, t), o), { setup: tree });
        same((fs, b) => fs.realpathSync.native(t.startsWith('/') ? t : path.join(b, t), o), { setup: tree });
        same((fs) => fs.realpathSync(t, o), { setup: tree });
        same((fs) => fs.realpathSync.native(t, o), { setup: tree });
      });
    }
  }

  it('Buffer and URL paths', () => {
    same((fs, b) => fs.realpathSync(Buffer.from(path.join(b, 'rel'))), { setup: tree });
    same((fs, b) => fs.realpathSync.native(Buffer.from(path.join(b, 'rel'))), { setup: tree });
    same((fs, b) => fs.realpathSync(new URL(`file://${b}/chain1`)), { setup: tree });
    same((fs, b) => fs.realpathSync.native(new URL(`file://${b}/chain1`)), { setup: tree });
  });

  it('uses and fills a cache passed under a realpathCacheKey symbol, as the CommonJS loader does', () => {
    resetBox();
    tree(nodeFs, box);
    const key = Symbol('realpathCacheKey');
    const cache = new Map();
    const p = path.join(box, 'chain1', 'deep', 'f');
    assert.strictEqual(ufs.realpathSync(p, { [key]: cache }), nodeFs.realpathSync(p));
    assert.strictEqual(cache.get(p), path.join(box, 'real', 'deep', 'f'));
    assert.strictEqual(cache.get(path.join(box, 'chain1')), path.join(box, 'chain2')); // one hop, as Node
    // A cached answer is returned without asking the file system.
    cache.set(path.join(box, 'nope'), '/cached/answer');
    assert.strictEqual(ufs.realpathSync(path.join(box, 'nope'), { [key]: cache }), '/cached/answer');
  });

  it('non-path values (Node turns them into strings)', () => {
    for (const p of junk) {
      same((fs) => fs.realpathSync(p));
      same((fs) => fs.realpathSync.native(p));
    }
    sameError((fs) => fs.realpathSync('a\0b'));
    sameError((fs) => fs.realpathSync.native('a\0b'));
  });

  // Past a page, /proc cannot name the directory. Node's realpath(3) answers
  // '.' by glibc's own walk up the tree; unode reports ENAMETOOLONG, and in
  // every form as an error to the caller (the callback form once threw from
  // inside eloop's drain and took the process down).
  it('a working directory longer than a page: realpath.native reports an error, never throws from the loop', async function() {
    this.timeout(20000);
    const { execFileSync } = require('child_process');
    const out = execFileSync(process.execPath, ['-e', `
      const fs = require(${JSON.stringify(path.join(__dirname, '../../unode/lib/fs.js'))});
      const nfs = require('fs');
      const top = nfs.mkdtempSync(require('os').tmpdir() + '/long-');
      process.chdir(top);
      const name = 'a'.repeat(200);
      for (let i = 0; i < 25; i++) { nfs.mkdirSync(name); process.chdir(name); }
      let sync;
      try { fs.realpathSync.native('.'); } catch (e) { sync = e.code; }
      fs.realpath.native('.', (e) => {
        fs.promises.realpath('.').catch((p) => {
          for (let i = 0; i < 25; i++) { process.chdir('..'); nfs.rmdirSync(name); }
          nfs.rmdirSync(top);
          console.log(sync, e && e.code, p.code);
        });
      });
    `], { encoding: 'utf8' });
    assert.strictEqual(out.trim(), 'ENAMETOOLONG ENAMETOOLONG ENAMETOOLONG');
  });
});
