// test/unode: unode/internal/fs/readdir.js against Node's fs: readdirSync
// (names, withFileTypes, encodings, recursive), bytewise order, errors.
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { same, sameError, nodeFs, ufs, box, resetBox, cleanup, junk } = require('./fs-parity');

function tree(fs, b) {
  for (const n of ['b', 'a', 'Z', '_', '10', '9', 'é', 'e', 'ß', '日本', '\u{1F600}', '\uFFFD', 'x'.repeat(255)])
    fs.writeFileSync(path.join(b, n), n);
  fs.mkdirSync(path.join(b, 'dir'));
  fs.mkdirSync(path.join(b, 'dir', 'sub'));
  fs.writeFileSync(path.join(b, 'dir', 'sub', 'deep'), '');
  fs.writeFileSync(path.join(b, 'dir', 'file'), '');
  fs.symlinkSync('dir', path.join(b, 'dirlink'));
  fs.symlinkSync('nowhere', path.join(b, 'dangling'));
  fs.writeFileSync(Buffer.from([...Buffer.from(b + '/'), 0x61, 0xff, 0xfe]), 'raw');
}

describe('fs readdirSync against Node', () => {
  after(cleanup);

  const options = [undefined, 'utf8', 'buffer', 'latin1', 'hex', 'base64', { withFileTypes: true },
    { withFileTypes: true, encoding: 'buffer' }, { recursive: true }, { recursive: true, withFileTypes: true },
    { recursive: false }, { encoding: null }, { withFileTypes: 1 }];
  for (const o of options) {
    it(`options ${JSON.stringify(o)}`, () => {
      same((fs, b) => fs.readdirSync(b, o), { setup: tree });
      same((fs, b) => fs.readdirSync(path.join(b, 'dir'), o), { setup: tree });
      same((fs, b) => fs.readdirSync(path.join(b, 'dirlink'), o), { setup: tree });
      same((fs, b) => fs.readdirSync(Buffer.from(path.join(b, 'dir')), o), { setup: tree });
      same((fs, b) => fs.readdirSync(new URL(`file://${b}/dir`), o), { setup: tree });
      same((fs) => fs.readdirSync('dir', o), { setup: tree });
    });
  }

  it('system directories, names and types', () => {
    for (const d of ['/', '/dev', '/proc/self', '/usr/lib', '/etc']) {
      const a = nodeFs.readdirSync(d, { withFileTypes: true });
      const b = ufs.readdirSync(d, { withFileTypes: true });
      assert.strictEqual(util.inspect(b), util.inspect(a), d);
      for (let i = 0; i < a.length; i++) {
        for (const m of ['isFile', 'isDirectory', 'isSymbolicLink', 'isCharacterDevice', 'isBlockDevice', 'isFIFO', 'isSocket'])
          assert.strictEqual(b[i][m](), a[i][m](), `${d} ${a[i].name} ${m}`);
      }
    }
  });

  it('10,000 entries in strcmp order, and names that share long prefixes', () => {
    resetBox();
    const names = [];
    for (let i = 0; i < 10000; i++) names.push(`file-${(i * 7919 % 10007).toString(36)}-${i}.txt`);
    for (let i = 0; i < 300; i++) names.push(`${'p'.repeat(40)}${'q'.repeat(i % 37)}${i}`);
    for (let i = 0; i < 64; i++) names.push(String.fromCharCode(0x21 + i) + 'z', 'ab'.repeat(i + 1));
    for (const n of new Set(names)) nodeFs.writeFileSync(path.join(box, n), '');
    assert.deepStrictEqual(ufs.readdirSync(box), nodeFs.readdirSync(box));
    assert.deepStrictEqual(ufs.readdirSync(box, 'buffer'), nodeFs.readdirSync(box, 'buffer'));
    const a = ufs.readdirSync(box, { withFileTypes: true });
    const b = nodeFs.readdirSync(box, { withFileTypes: true });
    assert.strictEqual(util.inspect(a, { maxArrayLength: Infinity }), util.inspect(b, { maxArrayLength: Infinity }));
  });

  it('random byte names (non-UTF-8 included) sort as Node sorts them', () => {
    resetBox();
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const made = new Set();
    for (let i = 0; i < 800; i++) {
      const len = 1 + (rand() % 12);
      const bytes = [];
      for (let k = 0; k < len; k++) {
        let c = 1 + (rand() % 255);
        if (c === 0x2f) c = 0x30;
        bytes.push(rand() % 3 === 0 ? 0x61 + (c % 3) : c);
      }
      const key = bytes.join(',');
      if (made.has(key) || (len === 1 && bytes[0] === 0x2e) || (len === 2 && bytes[0] === 0x2e && bytes[1] === 0x2e)) continue;
      made.add(key);
      nodeFs.writeFileSync(Buffer.concat([Buffer.from(box + '/'), Buffer.from(bytes)]), '');
    }
    assert.deepStrictEqual(ufs.readdirSync(box, 'buffer'), nodeFs.readdirSync(box, 'buffer'));
    assert.deepStrictEqual(ufs.readdirSync(box), nodeFs.readdirSync(box));
    assert.deepStrictEqual(ufs.readdirSync(box, 'latin1'), nodeFs.readdirSync(box, 'latin1'));
  });

  it('records that name an entry twice (a directory changing under getdents64) still sort', () => {
    // linux_dirent64 records: d_ino, d_off, d_reclen, d_type, d_name and its NUL.
    const { listFromRecords } = require('../../unode/internal/fs/readdir');
    const names = [];
    for (let i = 0; i < 40; i++) names.push('same-name', 'other-name', `n${i % 7}`);
    for (let i = 0; i < 100; i++) names.push(`entry-${i}`);
    const recs = names.map((n, i) => {
      const len = (19 + n.length + 1 + 7) & ~7;
      const r = Buffer.alloc(len, 0xee);
      r.writeBigUInt64LE(BigInt(i + 1), 0);
      r.writeBigInt64LE(BigInt(i + 1), 8);
      r.writeUInt16LE(len, 16);
      r[18] = 8;
      r.write(n, 19, 'latin1');
      r[19 + n.length] = 0;
      return r;
    });
    const buf = Buffer.concat(recs);
    const want = names.slice().sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    assert.deepStrictEqual(listFromRecords(buf, buf.length, 'utf8', false), want);
  });

  it('empty directories and directories emptied while listed', () => {
    same((fs, b) => fs.readdirSync(b));
    same((fs, b) => fs.readdirSync(b, { withFileTypes: true }));
    same((fs, b) => fs.readdirSync(b, { recursive: true }));
  });

  it('errors', () => {
    sameError((fs, b) => fs.readdirSync(path.join(b, 'nope')));
    sameError((fs, b) => fs.readdirSync(path.join(b, 'a')), { setup: tree });
    sameError((fs, b) => fs.readdirSync(path.join(b, 'dangling')), { setup: tree });
    sameError((fs, b) => fs.readdirSync(path.join(b, 'nope'), { withFileTypes: true }));
    sameError((fs, b) => fs.readdirSync(path.join(b, 'nope'), { recursive: true }));
    sameError((fs, b) => fs.readdirSync(b, { recursive: 1 }));
    sameError((fs, b) => fs.readdirSync(b, 'bogus'));
    sameError((fs, b) => fs.readdirSync(b, 5));
    sameError((fs, b) => fs.readdirSync(b, { recursive: true, encoding: 'buffer' }), { setup: tree });
    for (const p of junk) same((fs) => fs.readdirSync(p));
  });

  it('unreadable subdirectories stop a recursive listing as in Node', function() {
    if (process.getuid() === 0) {
      // root reads everything: check the walk still agrees with a symlink loop.
      same((fs, b) => fs.readdirSync(b, { recursive: true }).length, {
        setup: (fs, b) => { fs.mkdirSync(path.join(b, 'loop')); fs.symlinkSync('..', path.join(b, 'loop', 'up')); },
      });
      return;
    }
    sameError((fs, b) => fs.readdirSync(b, { recursive: true }), {
      setup: (fs, b) => { fs.mkdirSync(path.join(b, 'closed'), 0o000); },
    });
  });
});
