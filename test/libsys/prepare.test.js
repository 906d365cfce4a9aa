'use strict';
// libsys.prepare: call handles for a fixed address, with bound arguments.
const assert = require('assert');
const sys = require('libsys');
const nr = require('./nr');

const PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;

// sub(a, b) -> a - b: the order of arguments, bound ones last.
const sub = {
  x64: [0x48, 0x89, 0xf8, 0x48, 0x29, 0xf0, 0xc3], // mov rax, rdi; sub rax, rsi; ret
  arm64: [0x00, 0x00, 0x01, 0xcb, 0xc0, 0x03, 0x5f, 0xd6], // sub x0, x0, x1; ret
}[process.arch];
// load8(p) -> *(uint8_t *)p: proves a bound buffer's address is passed.
const load8 = {
  x64: [0x0f, 0xb6, 0x07, 0xc3], // movzx eax, byte [rdi]; ret
  arm64: [0x00, 0x00, 0x40, 0x39, 0xc0, 0x03, 0x5f, 0xd6], // ldrb w0, [x0]; ret
}[process.arch];
// sum8 as in call.test.js: the 7th and 8th arguments on the stack (x86-64).
const sum8 = {
  x64: [0x48, 0x8d, 0x04, 0x37, 0x48, 0x01, 0xd0, 0x48, 0x01, 0xc8, 0x4c, 0x01, 0xc0, 0x4c, 0x01, 0xc8,
    0x48, 0x03, 0x44, 0x24, 0x08, 0x48, 0x03, 0x44, 0x24, 0x10, 0xc3],
  arm64: [0x00, 0x00, 0x01, 0x8b, 0x00, 0x00, 0x02, 0x8b, 0x00, 0x00, 0x03, 0x8b, 0x00, 0x00, 0x04, 0x8b,
    0x00, 0x00, 0x05, 0x8b, 0x00, 0x00, 0x06, 0x8b, 0x00, 0x00, 0x07, 0x8b, 0xc0, 0x03, 0x5f, 0xd6],
}[process.arch];

describe('libsys.prepare', () => {
  let page;
  before(() => {
    page = sys.syscall64(nr.mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    const u8 = new Uint8Array(sys.view(page, 4096));
    u8.set(sub, 0);
    u8.set(load8, 64);
    u8.set(sum8, 128);
    assert.strictEqual(sys.syscall(nr.mprotect, page, 4096, PROT_READ | PROT_EXEC), 0);
  });
  after(() => sys.syscall(nr.munmap, page, 4096));

  it('calls with the JavaScript arguments first and the bound ones last', () => {
    const f = sys.prepare(page, 2);
    assert.strictEqual(f(50, 8), 42);
    assert.strictEqual(f(-1n, 1), -2);
    const g = sys.prepare(page, 2, [8]);
    assert.strictEqual(g(50), 42);
    const h = sys.prepare(Number(page), 2, [50, 8]);
    assert.strictEqual(h(), 42);
  });

  it('passes eight arguments, the last two on the stack on x86-64', () => {
    assert.strictEqual(sys.prepare(page + 128n, 8)(1, 2, 3, 4, 5, 6, 7, 8), 36);
    assert.strictEqual(sys.prepare(page + 128n, 8, [7, 2 ** 40])(1, 2, 3, 4, 5, 6), 21 + 7 + 2 ** 40);
  });

  it('a bound buffer is passed by address and kept alive by the handle', () => {
    let f = sys.prepare(page + 64n, 1, [Buffer.from([0xab])]);
    const junk = [];
    for (let k = 0; k < 1000; k++) junk.push(Buffer.alloc(1024));
    if (global.gc) global.gc();
    assert.strictEqual(f(), 0xab);
    const u8 = new Uint8Array([7]); // small: on V8's heap until materialised
    f = sys.prepare(page + 64n, 1, [u8]);
    u8[0] = 99;
    assert.strictEqual(f(), 99, 'the handle sees later writes: the same memory');
    assert.strictEqual(sys.prepare(page + 64n, 1)(Buffer.from([5])), 5);
  });

  it('marshals like call(): booleans, null, strings for one call', () => {
    const f = sys.prepare(page, 2);
    assert.strictEqual(f(true, false), 1);
    assert.strictEqual(f(null, undefined), 0);
    assert.strictEqual(sys.prepare(page + 64n, 1)('A'), 0x41);
  });

  it('throws TypeErrors, never crashes, on bad use', () => {
    assert.throws(() => sys.prepare(), TypeError);
    assert.throws(() => sys.prepare(0, 1), TypeError);
    assert.throws(() => sys.prepare(page, 9), TypeError);
    assert.throws(() => sys.prepare(page, 1.5), TypeError);
    assert.throws(() => sys.prepare(page, -1), TypeError);
    assert.throws(() => sys.prepare('x', 1), TypeError);
    assert.throws(() => sys.prepare(page, 1, 5), TypeError);
    assert.throws(() => sys.prepare(page, 1, [1, 2]), TypeError);
    assert.throws(() => sys.prepare(page, 1, ['str']), TypeError);
    assert.throws(() => sys.prepare(page, 1, [{}]), TypeError);
    const f = sys.prepare(page, 2);
    assert.throws(() => f(1), TypeError);
    assert.throws(() => f(1, 2, 3), TypeError);
    assert.throws(() => f(1.5, 2), TypeError);
    assert.throws(() => f({}, 2), TypeError);
  });
});
