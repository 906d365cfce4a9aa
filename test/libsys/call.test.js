'use strict';
const assert = require('assert');
const sys = require('libsys');
const nr = require('./nr');

const PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;

// add(a, b) -> a + b, in machine code.
const code = {
  x64: [0x48, 0x8d, 0x04, 0x37, 0xc3], // lea rax, [rdi + rsi]; ret
  arm64: [0x00, 0x00, 0x01, 0x8b, 0xc0, 0x03, 0x5f, 0xd6], // add x0, x0, x1; ret
}[process.arch];
// sum8(a..h) -> a + b + ... + h: the seventh and eighth arguments arrive on
// the stack (x86-64) or in x6/x7 (aarch64).
const code8 = {
  x64: [0x48, 0x8d, 0x04, 0x37, 0x48, 0x01, 0xd0, 0x48, 0x01, 0xc8, 0x4c, 0x01, 0xc0, 0x4c, 0x01, 0xc8,
    0x48, 0x03, 0x44, 0x24, 0x08, 0x48, 0x03, 0x44, 0x24, 0x10, 0xc3],
  arm64: [0x00, 0x00, 0x01, 0x8b, 0x00, 0x00, 0x02, 0x8b, 0x00, 0x00, 0x03, 0x8b, 0x00, 0x00, 0x04, 0x8b,
    0x00, 0x00, 0x05, 0x8b, 0x00, 0x00, 0x06, 0x8b, 0x00, 0x00, 0x07, 0x8b, 0xc0, 0x03, 0x5f, 0xd6],
}[process.arch];

describe('libsys.call', () => {
  let page;
  before(() => {
    page = sys.syscall64(nr.mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert.ok(page > 0n);
    const u8 = new Uint8Array(sys.view(page, 4096));
    u8.set(code, 0);
    u8.set(code8, 64);
    assert.strictEqual(sys.syscall(nr.mprotect, page, 4096, PROT_READ | PROT_EXEC), 0);
  });
  after(() => sys.syscall(nr.munmap, page, 4096));

  it('runs machine code written into an executable mapping', () => {
    assert.strictEqual(sys.call(page, 2, 40), 42);
    assert.strictEqual(sys.call(page, -50, 8), -42);
    assert.strictEqual(sys.call64(page, 2n ** 62n, 2n ** 62n), -(2n ** 63n)); // wraps as int64
    assert.strictEqual(sys.call64(page, 0xffffffffffffffffn, 1), 0n);
  });

  it('passes eight arguments, two of them beyond the registers on x86-64', () => {
    assert.strictEqual(sys.call(page + 64n, 1, 2, 3, 4, 5, 6, 7, 8), 36);
    assert.strictEqual(sys.call64(page + 64n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 2n ** 40n), 28n + 2n ** 40n);
  });

  it('rejects bad input with TypeError', () => {
    assert.throws(() => sys.call(), TypeError);
    assert.throws(() => sys.call(0, 1), TypeError);
    assert.throws(() => sys.call(page, {}), TypeError);
    assert.throws(() => sys.call(page, 1, 2, 3, 4, 5, 6, 7, 8, 9), TypeError);
  });
});
