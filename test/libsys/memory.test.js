'use strict';
const assert = require('assert');
const sys = require('libsys');
const nr = require('./nr');

const PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;

describe('libsys memory', () => {
  it('syscall64 on mmap returns the address that view then reads and writes', () => {
    const len = 8192;
    const addr = sys.syscall64(nr.mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert.strictEqual(typeof addr, 'bigint');
    assert.ok(addr > 0n && (addr & 0xfffn) === 0n, `mmap gave ${addr}`);
    try {
      const ab = sys.view(addr, len);
      assert.ok(ab instanceof ArrayBuffer);
      assert.strictEqual(ab.byteLength, len);
      const u8 = new Uint8Array(ab);
      assert.strictEqual(u8[100], 0); // anonymous memory starts zeroed
      u8.set(Buffer.from('written through a view'), 4096);
      assert.strictEqual(sys.addressOf(u8), addr);
      // The kernel sees the same memory: write() it into a pipe and read it back.
      const fds = new Int32Array(2);
      assert.strictEqual(sys.syscall(nr.pipe2, fds, 0), 0);
      assert.strictEqual(sys.syscall(nr.write, fds[1], addr + 4096n, 22), 22);
      const back = Buffer.alloc(22);
      assert.strictEqual(sys.syscall(nr.read, fds[0], back, 22), 22);
      assert.strictEqual(back.toString(), 'written through a view');
      // And the kernel's writes are visible through the view.
      assert.strictEqual(sys.syscall(nr.write, fds[1], Buffer.from('kernel'), 6), 6);
      assert.strictEqual(sys.syscall(nr.read, fds[0], addr, 6), 6);
      assert.strictEqual(Buffer.from(ab, 0, 6).toString(), 'kernel');
      sys.syscall(nr.close, fds[0]);
      sys.syscall(nr.close, fds[1]);
      // A second view over the same memory works too.
      const again = new Uint8Array(sys.view(Number(addr), 16));
      assert.strictEqual(Buffer.from(again.subarray(0, 6)).toString(), 'kernel');
    } finally {
      assert.strictEqual(sys.syscall(nr.munmap, addr, len), 0);
    }
  });

  it('addressOf gives the first byte of a view and follows offsets', () => {
    const buf = Buffer.alloc(256);
    const base = sys.addressOf(buf);
    assert.strictEqual(typeof base, 'bigint');
    assert.strictEqual(sys.addressOf(buf.subarray(17)), base + 17n);
    assert.strictEqual(sys.addressOf(new DataView(buf.buffer, buf.byteOffset + 3)), base + 3n);
    assert.strictEqual(sys.addressOf(buf.buffer) + BigInt(buf.byteOffset), base);
    const sab = new SharedArrayBuffer(16);
    assert.strictEqual(sys.addressOf(sab), sys.addressOf(new Uint8Array(sab)));
  });

  it('an on-heap typed array does not move once its address is handed out', () => {
    const small = new Uint8Array(16); // small enough for V8 to keep on the heap
    small[0] = 42;
    const a = sys.addressOf(small);
    const junk = [];
    for (let i = 0; i < 200000; i++) junk.push({ i, s: 'x' + i });
    if (global.gc) global.gc();
    junk.length = 0;
    assert.strictEqual(sys.addressOf(small), a);
    assert.strictEqual(new Uint8Array(sys.view(a, 16))[0], 42);
  });

  it('rejects bad input with TypeError', () => {
    for (const v of [undefined, 1, 'x', {}, null, 1n])
      assert.throws(() => sys.addressOf(v), TypeError);
    assert.throws(() => sys.view(0, 10), TypeError);
    assert.throws(() => sys.view(-1, 10), TypeError);
    assert.throws(() => sys.view(4096n, -1), TypeError);
    assert.throws(() => sys.view(4096n, 1.5), TypeError);
    assert.throws(() => sys.view('4096', 1), TypeError);
    assert.throws(() => sys.view(4096n), TypeError);
    assert.strictEqual(sys.view(0, 0).byteLength, 0);
  });
});
