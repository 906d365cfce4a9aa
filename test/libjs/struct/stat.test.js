'use strict';
// struct stat and struct statx against Node's own fs.statSync(..., { bigint: true }).
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { syscall } = require('libsys');
const nr = require('../../../libjs/sysnr');
const c = require('../../../libjs/constants');
const { stat, statx, makedev, makedevBigInt, major, minor } = require('../../../libjs/struct');

describe('libjs/struct stat, statx', () => {
  let dir, file, sub, link;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-stat-'));
    file = path.join(dir, 'file');
    fs.writeFileSync(file, Buffer.alloc(12345, 7));
    // Times with nanoseconds and before the epoch exercise every part of the decode.
    fs.utimesSync(file, new Date(1234567890123), -86400.5);
    sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    link = path.join(dir, 'link');
    fs.symlinkSync('file', link);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function kernelStat(p, flags = 0) {
    const buf = Buffer.alloc(stat.SIZE);
    assert.strictEqual(syscall(nr.newfstatat, c.AT_FDCWD, p, buf, flags), 0);
    return buf;
  }

  const NUM = ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs'];
  const BIG = [...NUM, 'atimeNs', 'mtimeNs', 'ctimeNs'];

  function compare(p, buf, node, nodeBig) {
    const s = stat.decode(buf);
    for (const k of NUM) assert.strictEqual(s[k], node[k], `${p}: ${k}`);
    const b = stat.decodeBigInt(buf);
    for (const k of BIG) assert.strictEqual(b[k], nodeBig[k], `${p}: ${k} (BigInt)`);
    for (const t of ['atime', 'mtime', 'ctime']) {
      assert.strictEqual(BigInt(s[`${t}Sec`]) * 1000000000n + BigInt(s[`${t}Nsec`]), nodeBig[`${t}Ns`], `${p}: ${t}Sec/Nsec`);
      assert.strictEqual(b[`${t}Sec`] * 1000000000n + b[`${t}Nsec`], nodeBig[`${t}Ns`]);
    }
  }

  it('newfstatat decodes to what fs.statSync reports: file, directory', () => {
    for (const p of [file, sub, dir]) compare(p, kernelStat(p), fs.statSync(p), fs.statSync(p, { bigint: true }));
  });

  it('a symlink without following it (lstat)', () => {
    const buf = kernelStat(link, c.AT_SYMLINK_NOFOLLOW);
    compare(link, buf, fs.lstatSync(link), fs.lstatSync(link, { bigint: true }));
    assert.strictEqual(stat.mode(buf) & c.S_IFMT, c.S_IFLNK);
  });

  it('fstat, and the one-field readers', () => {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(stat.SIZE);
      assert.strictEqual(syscall(nr.fstat, fd, buf), 0);
      compare(file, buf, fs.fstatSync(fd), fs.fstatSync(fd, { bigint: true }));
      assert.strictEqual(stat.size(buf), 12345);
      assert.strictEqual(stat.mode(buf), fs.fstatSync(fd).mode);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('a character device: rdev', () => {
    compare('/dev/null', kernelStat('/dev/null'), fs.statSync('/dev/null'), fs.statSync('/dev/null', { bigint: true }));
    const s = stat.decode(kernelStat('/dev/null'));
    assert.deepStrictEqual([major(s.rdev), minor(s.rdev)], [1, 3]);
  });

  it('decodes at an offset, from an unaligned buffer, and alternating buffers', () => {
    const good = kernelStat(file);
    const big = Buffer.alloc(stat.SIZE + 24);
    good.copy(big, 8);
    assert.deepStrictEqual(stat.decode(big, 8), stat.decode(good));
    const odd = Buffer.alloc(stat.SIZE + 3).subarray(3);
    good.copy(odd);
    assert.deepStrictEqual(stat.decode(odd), stat.decode(good));
    assert.deepStrictEqual(stat.decodeBigInt(odd), stat.decodeBigInt(good));
    const other = kernelStat(sub);
    for (let k = 0; k < 3; k++) {
      assert.strictEqual(stat.decode(good).size, 12345);
      assert.strictEqual(stat.decode(other).ino, fs.statSync(sub).ino);
    }
    // A Uint8Array over a fresh ArrayBuffer, and a DataView, decode the same.
    const u8 = new Uint8Array(stat.SIZE);
    u8.set(good);
    assert.deepStrictEqual(stat.decode(u8), stat.decode(good));
    assert.deepStrictEqual(stat.decode(new DataView(u8.buffer)), stat.decode(good));
  });

  it('rejects short buffers and non-buffers with a TypeError', () => {
    assert.throws(() => stat.decode(Buffer.alloc(stat.SIZE - 1)), TypeError);
    assert.throws(() => stat.decode(Buffer.alloc(stat.SIZE), 1), TypeError);
    assert.throws(() => stat.decode({ byteLength: 1000 }), TypeError);
    assert.throws(() => stat.decode(null), TypeError);
    assert.throws(() => stat.decodeBigInt(new ArrayBuffer(200)), TypeError);
  });

  it('64-bit fields are exact in the BigInt form beyond 2**53', () => {
    const buf = kernelStat(file);
    const F = stat.layout.fields;
    buf.writeBigUInt64LE(0xfedcba9876543210n, F.st_ino[0]);
    buf.writeBigInt64LE(-5n, F.st_size[0]);
    buf.writeBigInt64LE(-2n, F.st_mtim[0]); // before the epoch
    buf.writeBigUInt64LE(999999999n, F.st_mtim[0] + 8);
    const b = stat.decodeBigInt(buf);
    assert.strictEqual(b.ino, 0xfedcba9876543210n);
    assert.strictEqual(b.size, -5n);
    assert.strictEqual(b.mtimeNs, -1000000001n);
    assert.strictEqual(b.mtimeMs, -1000n); // truncated like BigIntStats
    const s = stat.decode(buf);
    assert.strictEqual(s.ino, Number(0xfedcba9876543210n));
    assert.strictEqual(s.size, -5);
    assert.strictEqual(s.mtimeMs, -2000 + 999.999999);
  });

  it('makedev, major and minor follow glibc, in Numbers and BigInts', () => {
    for (const [M, m] of [[0, 0], [8, 1], [259, 65536], [0xfffff, 0xffffffff], [4095, 255], [4096, 256]]) {
      const d = makedevBigInt(M, m);
      assert.strictEqual(major(d), M);
      assert.strictEqual(minor(d), m);
      if (d < 2n ** 53n) {
        assert.strictEqual(makedev(M, m), Number(d));
        assert.strictEqual(major(Number(d)), M);
        assert.strictEqual(minor(Number(d)), m);
      }
    }
    assert.strictEqual(makedevBigInt(0xfffff000, 0), 0xfffff000n << 32n);
  });

  describe('statx', () => {
    function kernelStatx(p, flags = 0) {
      const buf = Buffer.alloc(statx.SIZE);
      const mask = 0x7ff | 0x800; // STATX_BASIC_STATS | STATX_BTIME
      assert.strictEqual(syscall(nr.statx, c.AT_FDCWD, p, flags, mask, buf), 0);
      return buf;
    }

    it('decodes to what fs.statSync reports, birth time included where Node has it', () => {
      for (const [p, flags, f] of [[file, 0, fs.statSync], [sub, 0, fs.statSync], [link, c.AT_SYMLINK_NOFOLLOW, fs.lstatSync]]) {
        const buf = kernelStatx(p, flags);
        const s = statx.decode(buf), b = statx.decodeBigInt(buf);
        const node = f(p), nodeBig = f(p, { bigint: true });
        for (const k of NUM) assert.strictEqual(s[k], node[k], `${p}: ${k}`);
        for (const k of BIG) assert.strictEqual(b[k], nodeBig[k], `${p}: ${k} (BigInt)`);
        assert.strictEqual(s.mask & 0x7ff, 0x7ff);
        if (nodeBig.birthtimeNs !== 0n) {
          assert.strictEqual(b.btimeNs, nodeBig.birthtimeNs);
          assert.strictEqual(s.btimeMs, node.birthtimeMs);
        } else if (s.mask & 0x800) {
          // This Node fills birthtime from stat, not statx: compare with the
          // file's creation as seen by ctime bounds instead.
          assert.ok(b.btimeNs <= nodeBig.ctimeNs, 'btime precedes ctime');
        }
      }
    });

    it('stx_dev and stx_rdev rebuild the dev_t values stat reports', () => {
      const s = statx.decode(kernelStatx('/dev/null'));
      const st = stat.decode(kernelStat('/dev/null'));
      assert.strictEqual(s.dev, st.dev);
      assert.strictEqual(s.rdev, st.rdev);
      assert.deepStrictEqual([s.rdevMajor, s.rdevMinor], [1, 3]);
      assert.strictEqual(statx.decodeBigInt(kernelStatx('/dev/null')).rdev, BigInt(st.rdev));
    });

    it('rejects a short buffer', () => {
      assert.throws(() => statx.decode(Buffer.alloc(100)), TypeError);
    });
  });
});
