'use strict';
// getdents64 through the dirent64 codec against fs.readdirSync(dir, { withFileTypes: true }).
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { syscall } = require('libsys');
const nr = require('../../../libjs/sysnr');
const c = require('../../../libjs/constants');
const { dirent64, sockaddr_un } = require('../../../libjs/struct');

const { DT } = dirent64;

function readAll(dir, size, each) {
  const fd = syscall(nr.openat, c.AT_FDCWD, dir, c.O_RDONLY | c.O_DIRECTORY | c.O_CLOEXEC);
  assert.ok(fd >= 0, `openat: ${fd}`);
  const buf = Buffer.alloc(size);
  try {
    for (;;) {
      const n = syscall(nr.getdents64, fd, buf, buf.length);
      assert.ok(n >= 0, `getdents64: ${n}`);
      if (n === 0) break;
      each(buf, n);
    }
  } finally {
    syscall(nr.close, fd);
  }
}

function nodeType(d) {
  if (d.isFile()) return DT.REG;
  if (d.isDirectory()) return DT.DIR;
  if (d.isSymbolicLink()) return DT.LNK;
  if (d.isFIFO()) return DT.FIFO;
  if (d.isSocket()) return DT.SOCK;
  if (d.isCharacterDevice()) return DT.CHR;
  if (d.isBlockDevice()) return DT.BLK;
  return DT.UNKNOWN;
}

describe('libjs/struct dirent64', () => {
  let dir, sockFd;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-dirent-'));
    for (let k = 0; k < 300; k++) fs.writeFileSync(path.join(dir, `file-${k}`), '');
    fs.mkdirSync(path.join(dir, 'a-directory'));
    fs.symlinkSync('file-1', path.join(dir, 'a-link'));
    fs.symlinkSync('nowhere', path.join(dir, 'dangling'));
    fs.writeFileSync(path.join(dir, 'café ünïcødé ✓'), '');
    fs.writeFileSync(path.join(dir, 'x'.repeat(255)), '');
    assert.strictEqual(syscall(nr.mknodat, c.AT_FDCWD, path.join(dir, 'a-fifo'), c.S_IFIFO | 0o600, 0), 0);
    sockFd = syscall(nr.socket, c.AF_UNIX, c.SOCK_STREAM | c.SOCK_CLOEXEC, 0);
    const sa = Buffer.alloc(sockaddr_un.SIZE);
    const len = sockaddr_un.encode(sa, path.join(dir, 'a-socket'));
    assert.strictEqual(syscall(nr.bind, sockFd, sa, len), 0);
  });
  after(() => {
    syscall(nr.close, sockFd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function expected() {
    return new Map(fs.readdirSync(dir, { withFileTypes: true }).map((d) => [d.name, nodeType(d)]));
  }

  it('list() gives the names and types readdirSync gives (file, dir, symlink, fifo, socket, UTF-8)', () => {
    for (const size of [1024, 4096, 65536]) {
      const names = [], types = [];
      let count = 0;
      readAll(dir, size, (buf, n) => { count += dirent64.list(buf, n, names, types); });
      assert.strictEqual(count, names.length);
      const got = new Map(names.map((nm, k) => [nm, types[k]]));
      assert.strictEqual(got.size, names.length, 'no duplicates');
      assert.deepStrictEqual(got, expected(), `buffer of ${size}`);
      for (const t of [DT.REG, DT.DIR, DT.LNK, DT.FIFO, DT.SOCK]) assert.ok(types.includes(t), `type ${t} seen`);
    }
  });

  it('iterate() yields every record, . and .. included, with inode numbers', () => {
    const seen = new Map();
    readAll(dir, 8192, (buf, n) => {
      for (const e of dirent64.iterate(buf, n)) seen.set(e.name, e);
    });
    assert.ok(seen.has('.') && seen.has('..'));
    assert.strictEqual(seen.get('.').type, DT.DIR);
    for (const [name, type] of expected()) {
      const e = seen.get(name);
      assert.ok(e, name);
      assert.strictEqual(e.type, type, name);
      assert.strictEqual(e.ino, fs.lstatSync(path.join(dir, name)).ino, name);
    }
    assert.strictEqual(seen.size, expected().size + 2);
  });

  it('iterate() with encoding buffer and bigint: raw name bytes, exact inode', () => {
    const bytes = Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe]); // not UTF-8
    const p = Buffer.concat([Buffer.from(dir + '/'), bytes, Buffer.from([0])]);
    const fd = syscall(nr.openat, c.AT_FDCWD, p, c.O_CREAT | c.O_WRONLY | c.O_CLOEXEC, 0o600);
    assert.ok(fd >= 0);
    syscall(nr.close, fd);
    try {
      let found = null;
      readAll(dir, 4096, (buf, n) => {
        for (const e of dirent64.iterate(buf, n, { encoding: 'buffer', bigint: true }))
          if (Buffer.compare(e.name, bytes) === 0) found = e;
      });
      assert.ok(found, 'the raw name is found byte for byte');
      assert.strictEqual(typeof found.ino, 'bigint');
      const nodeNames = fs.readdirSync(dir, { encoding: 'buffer' });
      assert.ok(nodeNames.some((b) => b.equals(bytes)));
      assert.strictEqual(found.ino, fs.statSync(Buffer.concat([Buffer.from(dir + '/'), bytes]), { bigint: true }).ino);
    } finally {
      fs.unlinkSync(Buffer.concat([Buffer.from(dir + '/'), bytes]));
    }
  });

  it('an empty directory lists nothing but . and ..', () => {
    const empty = path.join(dir, 'a-directory');
    const names = [];
    let all = 0;
    readAll(empty, 4096, (buf, n) => {
      dirent64.list(buf, n, names);
      all += [...dirent64.iterate(buf, n)].length;
    });
    assert.deepStrictEqual(names, []);
    assert.strictEqual(all, 2);
  });

  it('list(): a kept name does not keep its chunk\'s string alive (child, --expose-gc)', function() {
    this.timeout(60000);
    // 600 names of 40+ bytes fill ~38 KiB of records; keeping one long and
    // one short name from each of 1,000 listings must not hold 1,000 chunks.
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-dirent-keep-'));
    try {
      for (let k = 0; k < 600; k++) fs.writeFileSync(path.join(big, `a-rather-long-file-name-number-${k}.txt`), '');
      fs.writeFileSync(path.join(big, 'short'), '');
      const code = `
        const L = require(${JSON.stringify(path.join(__dirname, '../../../libjs'))});
        const c = require(${JSON.stringify(path.join(__dirname, '../../../libjs/constants'))});
        const { dirent64 } = require(${JSON.stringify(path.join(__dirname, '../../../libjs/struct'))});
        const buf = Buffer.alloc(65536);
        const keep = [];
        const listing = () => {
          const d = L.openat(c.AT_FDCWD, ${JSON.stringify(big)}, c.O_RDONLY | c.O_DIRECTORY | c.O_CLOEXEC, 0);
          const names = [];
          for (let n; (n = L.getdents64(d, buf, buf.length)) > 0;) dirent64.list(buf, n, names);
          L.close(d);
          return names;
        };
        gc();
        const before = process.memoryUsage().heapUsed;
        for (let r = 0; r < 1000; r++) {
          const names = listing();
          keep.push(names.find((x) => x.length > 13), names.find((x) => x === 'short'));
        }
        gc();
        process.stdout.write(JSON.stringify({ grew: process.memoryUsage().heapUsed - before, kept: keep.length }));`;
      const r = require('child_process').spawnSync(process.execPath, ['--expose-gc', '-e', code], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      const { grew, kept } = JSON.parse(r.stdout);
      assert.strictEqual(kept, 2000);
      // Slices of one string per chunk would hold ~38 MB; of 512-byte strings, ~1 MB.
      assert.ok(grew < 8e6, `heap grew by ${grew} bytes for 2,000 kept names`);
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  it('checks its arguments and refuses corrupt records', () => {
    assert.throws(() => dirent64.list(Buffer.alloc(10), 11, []), TypeError);
    assert.throws(() => dirent64.list(Buffer.alloc(10), 0, null), TypeError);
    assert.throws(() => dirent64.list('nope', 0, []), TypeError);
    const bad = Buffer.alloc(32);
    bad.writeUInt16LE(200, 16); // reclen past the end
    assert.throws(() => dirent64.list(bad, 32, []), TypeError);
    assert.throws(() => [...dirent64.iterate(bad, 32)], TypeError);
    assert.strictEqual(dirent64.list(bad, 0, []), 0);
  });
});
