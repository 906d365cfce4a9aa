'use strict';
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const L = require('../../libjs');
const { tmpdir } = require('./helpers');

const { E } = L;

// linux_dirent64: d_ino u64 @0, d_off i64 @8, d_reclen u16 @16, d_type u8 @18, d_name @19.
function* records(buf, n) {
  for (let at = 0; at < n;) {
    const reclen = buf.readUInt16LE(at + 16);
    const type = buf[at + 18];
    const end = buf.indexOf(0, at + 19);
    yield { name: buf.toString('utf8', at + 19, end), type, ino: buf.readBigUInt64LE(at) };
    at += reclen;
  }
}

const DT = { 1: 'fifo', 2: 'chr', 4: 'dir', 6: 'blk', 8: 'file', 10: 'link', 12: 'sock' };
function kind(d) {
  if (d.isFIFO()) return 'fifo';
  if (d.isCharacterDevice()) return 'chr';
  if (d.isDirectory()) return 'dir';
  if (d.isBlockDevice()) return 'blk';
  if (d.isFile()) return 'file';
  if (d.isSymbolicLink()) return 'link';
  if (d.isSocket()) return 'sock';
  return '?';
}

describe('libjs/dirent', () => {
  let t;
  before(() => {
    t = tmpdir();
  });
  after(() => t.cleanup());

  it('getdents64 lists what fs.readdirSync(withFileTypes) lists, in small batches too', async () => {
    for (let i = 0; i < 50; i++) fs.writeFileSync(t.file(`f${i}-${'é'.repeat(i % 5)}`), '');
    fs.mkdirSync(t.file('dir'));
    fs.symlinkSync('nowhere', t.file('link'));
    L.mkfifo(t.file('fifo'), 0o600);
    const srv = net.createServer().listen(t.file('sock'));
    await new Promise((r) => srv.once('listening', r));
    try {
      const fd = L.open(t.dir, L.O_RDONLY | L.O_DIRECTORY);
      const got = new Map();
      try {
        const buf = Buffer.alloc(512);
        let n, calls = 0;
        while ((n = L.getdents64(fd, buf, buf.length)) > 0) {
          calls++;
          for (const d of records(buf, n)) got.set(d.name, d);
        }
        assert.strictEqual(n, 0);
        assert.ok(calls > 1, 'several batches');
      } finally {
        L.close(fd);
      }
      got.delete('.');
      got.delete('..');
      const want = fs.readdirSync(t.dir, { withFileTypes: true });
      assert.strictEqual(got.size, want.length);
      for (const d of want) {
        assert.ok(got.has(d.name), d.name);
        assert.strictEqual(DT[got.get(d.name).type], kind(d), d.name);
        assert.strictEqual(got.get(d.name).ino, fs.lstatSync(t.file(d.name), { bigint: true }).ino);
      }
    } finally {
      srv.close();
    }
  });

  it('at a buffer offset; EBADF, ENOTDIR, EINVAL for a buffer too small for one record', () => {
    const fd = L.open(t.dir, L.O_RDONLY | L.O_DIRECTORY);
    try {
      const buf = Buffer.alloc(1024, 0xee);
      const n = L.getdents64(fd, buf, 1000, 24);
      assert.ok(n > 0);
      assert.strictEqual(buf[0], 0xee);
      assert.ok([...records(buf.subarray(24), n)].length > 0);
      assert.strictEqual(L.getdents64(fd, buf, 8), -E.EINVAL);
      assert.throws(() => L.getdents64(fd, buf, 1001, 24), TypeError);
    } finally {
      L.close(fd);
    }
    assert.strictEqual(L.getdents64(-1, Buffer.alloc(64), 64), -E.EBADF);
    const f = L.open(__filename, L.O_RDONLY);
    try {
      assert.strictEqual(L.getdents64(f, Buffer.alloc(1024), 1024), -E.ENOTDIR);
    } finally {
      L.close(f);
    }
  });
});
