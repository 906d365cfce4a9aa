'use strict';
const assert = require('assert');
const fs = require('fs');
const libsys = require('libsys');
const L = require('../../libjs');
const { tmpdir } = require('./helpers');

const { E } = L;
const PAGE = 4096;

function anon(len, prot = L.PROT_READ | L.PROT_WRITE) {
  const a = L.mmap(0, len, prot, L.MAP_PRIVATE | L.MAP_ANONYMOUS, -1, 0);
  assert.strictEqual(typeof a, 'bigint');
  assert.ok(a > 0n, `mmap: ${a}`);
  return a;
}

describe('libjs/mman', () => {
  it('mmap anonymous memory, use it through a view, munmap', () => {
    const a = anon(2 * PAGE);
    const v = new Uint8Array(libsys.view(a, 2 * PAGE));
    assert.strictEqual(v[0], 0);
    v[PAGE + 5] = 42;
    assert.strictEqual(new Uint8Array(libsys.view(a + BigInt(PAGE), PAGE))[5], 42);
    assert.strictEqual(L.munmap(a, 2 * PAGE), 0);
  });

  it('mmap a file MAP_SHARED: its bytes, msync writes back', () => {
    const t = tmpdir();
    try {
      const f = t.file('m');
      fs.writeFileSync(f, Buffer.alloc(PAGE, 'a'));
      const fd = L.open(f, L.O_RDWR);
      const a = L.mmap(0, PAGE, L.PROT_READ | L.PROT_WRITE, L.MAP_SHARED, fd, 0);
      L.close(fd);
      const v = new Uint8Array(libsys.view(a, PAGE));
      assert.strictEqual(v[100], 'a'.charCodeAt(0));
      v.set(Buffer.from('written through memory'), 0);
      assert.strictEqual(L.msync(a, PAGE, L.MS_SYNC), 0);
      assert.strictEqual(fs.readFileSync(f, 'utf8', 0).slice(0, 22), 'written through memory');
      assert.strictEqual(L.msync(a, PAGE, L.MS_SYNC | L.MS_ASYNC), -E.EINVAL);
      assert.strictEqual(L.munmap(a, PAGE), 0);
    } finally {
      t.cleanup();
    }
  });

  it('mmap errors come back as negative BigInts', () => {
    assert.strictEqual(L.mmap(0, PAGE, L.PROT_READ, L.MAP_SHARED, -1, 0), BigInt(-E.EBADF));
    assert.strictEqual(L.mmap(0, 0, L.PROT_READ, L.MAP_PRIVATE | L.MAP_ANONYMOUS, -1, 0), BigInt(-E.EINVAL));
    assert.strictEqual(L.mmap(0, PAGE, L.PROT_READ, L.MAP_ANONYMOUS, -1, 0), BigInt(-E.EINVAL), 'neither shared nor private');
  });

  it('mprotect, madvise on an own mapping; EINVAL for a misaligned address', () => {
    const a = anon(PAGE);
    try {
      const v = new Uint8Array(libsys.view(a, PAGE));
      v[0] = 7;
      assert.strictEqual(L.madvise(a, PAGE, L.MADV_DONTNEED), 0);
      assert.strictEqual(v[0], 0, 'MADV_DONTNEED drops a private anonymous page');
      assert.strictEqual(L.mprotect(a, PAGE, L.PROT_READ), 0);
      assert.strictEqual(v[0], 0, 'still readable');
      assert.strictEqual(L.mprotect(a + 1n, 10, L.PROT_READ), -E.EINVAL);
      assert.strictEqual(L.madvise(a, PAGE, 9999), -E.EINVAL);
      assert.strictEqual(L.mprotect(a, PAGE, 0x7fff0000), -E.EINVAL);
    } finally {
      L.munmap(a, PAGE);
    }
  });

  it('only mappings made by mmap here can be unmapped or changed', () => {
    const buf = Buffer.alloc(PAGE * 2);
    const heap = libsys.addressOf(buf);
    assert.throws(() => L.munmap(heap, PAGE), /not inside a mapping made by libjs mmap/);
    assert.throws(() => L.mprotect(heap, PAGE, L.PROT_NONE), TypeError);
    assert.throws(() => L.madvise(heap, PAGE, L.MADV_DONTNEED), TypeError);
    assert.throws(() => L.msync(heap, PAGE, L.MS_SYNC), TypeError);
    assert.throws(() => L.mmap(heap, PAGE, L.PROT_READ, L.MAP_PRIVATE | L.MAP_ANONYMOUS | L.MAP_FIXED, -1, 0),
      TypeError);
    assert.strictEqual(buf.length, 2 * PAGE);
    // MAP_FIXED_NOREPLACE cannot replace anything: allowed anywhere, EEXIST here.
    const r = L.mmap(heap & ~4095n, PAGE, L.PROT_READ, L.MAP_PRIVATE | L.MAP_ANONYMOUS | L.MAP_FIXED_NOREPLACE, -1, 0);
    assert.strictEqual(r, BigInt(-E.EEXIST));
  });

  it('partial munmap splits the mapping; MAP_FIXED inside an own mapping is allowed', () => {
    const a = anon(4 * PAGE);
    assert.strictEqual(L.munmap(a + BigInt(PAGE), PAGE), 0);
    assert.throws(() => L.mprotect(a + BigInt(PAGE), PAGE, L.PROT_READ), TypeError, 'the hole is not ours');
    assert.throws(() => L.munmap(a, 4 * PAGE), TypeError, 'no longer one mapping');
    const b = L.mmap(a + BigInt(2 * PAGE), PAGE, L.PROT_READ, L.MAP_PRIVATE | L.MAP_ANONYMOUS | L.MAP_FIXED, -1, 0);
    assert.strictEqual(b, a + BigInt(2 * PAGE));
    assert.strictEqual(L.munmap(a, PAGE), 0);
    assert.strictEqual(L.munmap(a + BigInt(2 * PAGE), 2 * PAGE), 0);
    assert.throws(() => L.munmap(a, PAGE), TypeError);
    assert.throws(() => L.munmap(-1, PAGE), /addr must be a non-negative integer/);
  });

  it('memfd_create: a named anonymous file', () => {
    const fd = L.memfd_create('libjs-test', L.MFD_CLOEXEC | L.MFD_ALLOW_SEALING);
    assert.ok(fd >= 0);
    try {
      assert.strictEqual(fs.readlinkSync(`/proc/self/fd/${fd}`), '/memfd:libjs-test (deleted)');
      assert.strictEqual(L.write(fd, Buffer.from('in memory'), 9), 9);
      assert.strictEqual(fs.fstatSync(fd).size, 9);
      assert.strictEqual(L.fcntl(fd, L.F_ADD_SEALS, L.F_SEAL_GROW), 0);
      assert.strictEqual(L.write(fd, Buffer.from('more'), 4), -E.EPERM);
    } finally {
      L.close(fd);
    }
    assert.strictEqual(L.memfd_create('x', 0xfff0), -E.EINVAL);
    assert.strictEqual(L.memfd_create('x'.repeat(300), 0), -E.EINVAL);
  });
});
