'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const L = require('../../libjs');
const raw = require('../../libjs/raw');
const errno = require('../../libjs/errno');
const constants = require('../../libjs/constants');

describe('libjs (index)', () => {
  it('exports every wrapper, errno constant and constant, plus nr, errno, constants', () => {
    for (const k of Object.keys(raw)) assert.strictEqual(L[k], raw[k], k);
    for (const [k, v] of Object.entries(errno.E)) assert.strictEqual(L[k], v, k);
    for (const [k, v] of Object.entries(constants)) assert.strictEqual(L[k], v, k);
    assert.strictEqual(L.nr, require('../../libjs/sysnr'));
    assert.strictEqual(L.errno, errno);
    assert.strictEqual(L.E, errno.E);
    assert.strictEqual(L.strerror(-2), 'no such file or directory');
    assert.strictEqual(L.errname(-2), 'ENOENT');
    assert.strictEqual(L.syscall(L.nr.getpid), process.pid);
    assert.strictEqual(typeof L.syscall64(L.nr.getpid), 'bigint');
    assert.deepStrictEqual([...L.cstring(Buffer.from('ab'))], [97, 98, 0]);
    assert.ok(Object.isFrozen(L));
  });

  it('struct, vdso and checked load on first use', () => {
    assert.strictEqual(L.checked, require('../../libjs/checked'));
    if (fs.existsSync(path.join(__dirname, '../../libjs/struct/index.js'))) {
      assert.strictEqual(L.struct, require('../../libjs/struct'));
    }
    if (fs.existsSync(path.join(__dirname, '../../libjs/vdso.js'))) {
      assert.strictEqual(L.vdso, require('../../libjs/vdso'));
    }
  });

  it('index.d.ts declares every export (with the files it re-exports)', () => {
    const dir = path.join(__dirname, '../../libjs');
    const declared = new Set();
    for (const f of ['index.d.ts', 'constants/index.d.ts', 'errno-names.d.ts']) {
      const dts = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of dts.matchAll(/export (?:declare )?(?:function|const|let|namespace) (\w+)/g)) declared.add(m[1]);
      for (const m of dts.matchAll(/export \{([^}]*)\} from/g)) for (const n of m[1].split(',')) declared.add(n.trim());
    }
    const missing = Object.keys(L).filter((k) => !declared.has(k));
    assert.deepStrictEqual(missing, []);
  });

  it('the generated declarations are up to date (libjs/scripts/gen-dts.js)', () => {
    const gen = require('../../libjs/scripts/gen-dts');
    const dir = path.join(__dirname, '../../libjs');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'constants/index.d.ts'), 'utf8'), gen.constantsDts());
    assert.strictEqual(fs.readFileSync(path.join(dir, 'errno.d.ts'), 'utf8'), gen.errnoDts());
    assert.strictEqual(fs.readFileSync(path.join(dir, 'errno-names.d.ts'), 'utf8'), gen.errnoNamesDts());
  });

  it('docs/libjs.md lists every wrapper', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/libjs.md'), 'utf8');
    const missing = Object.keys(raw).filter((k) => !doc.includes(`\`${k}(`));
    assert.deepStrictEqual(missing, []);
  });
});
