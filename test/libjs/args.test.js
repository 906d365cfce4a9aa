'use strict';
const assert = require('assert');
const A = require('../../libjs/args');

describe('libjs/args', () => {
  it('cpath: strings pass, Buffers get their NUL, an inner NUL is refused', () => {
    assert.strictEqual(A.cpath('f', '/tmp/x', 'path'), '/tmp/x');
    const b = Buffer.from('/tmp/x');
    const c = A.cpath('f', b, 'path');
    assert.notStrictEqual(c, b, 'a copy');
    assert.deepStrictEqual([...c], [...b, 0]);
    const terminated = Buffer.from('/tmp/x\0');
    assert.strictEqual(A.cpath('f', terminated, 'path'), terminated, 'already terminated: as it is');
    assert.throws(() => A.cpath('f', Buffer.from('a\0b'), 'path'), /f: path contains a NUL byte before its end/);
    assert.throws(() => A.cpath('f', null, 'path'), /path must be a string or a Uint8Array, got null/);
    assert.throws(() => A.cpath('f', new Uint16Array(2), 'path'), /got Uint16Array/);
    assert.strictEqual(A.cpathOrNull('f', null, 'path'), null);
  });

  it('cstring: a NUL-terminated copy', () => {
    assert.deepStrictEqual([...A.cstring(new Uint8Array([1, 2]))], [1, 2, 0]);
    assert.deepStrictEqual([...A.cstring(new Uint8Array(0))], [0]);
  });

  it('span: no offset gives the buffer itself; an offset gives the byte\'s address', () => {
    const b = Buffer.alloc(16);
    assert.strictEqual(A.span('f', b, 16), b);
    assert.strictEqual(A.span('f', b, 0, 0), b);
    const addr = A.span('f', b, 4, 12);
    const base = Number(require('libsys').addressOf(b));
    assert.strictEqual(addr, base + 12);
    const sub = b.subarray(3);
    assert.strictEqual(A.span('f', sub, 1, 2), base + 5, 'the view\'s own byteOffset counts');
    const ab = new ArrayBuffer(8);
    assert.strictEqual(A.span('f', ab, 1, 7), Number(require('libsys').addressOf(ab)) + 7);
  });

  it('span: every way to be out of bounds is a TypeError naming the function', () => {
    const b = Buffer.alloc(8);
    for (const [len, off] of [[9, undefined], [8, 1], [1, 8], [-1, 0], [0, -1], [1.5, 0], [1, 0.5],
      [NaN, 0], [Infinity, 0], ['1', 0], [1n, 0], [undefined, 0], [1, 9]]) {
      assert.throws(() => A.span('myfn', b, len, off), (e) => e instanceof TypeError && e.message.startsWith('myfn: '),
        `len ${String(len)} off ${String(off)}`);
    }
    assert.doesNotThrow(() => A.span('f', b, 0, 8), 'an empty range at the end');
    assert.throws(() => A.span('f', 'str', 1), /buffer must be a Buffer/);
    assert.throws(() => A.span('f', [1, 2], 1), TypeError);
    assert.throws(() => A.span('f', { byteLength: 10 }, 1), TypeError);
  });

  it('spanOrNull, need, needOrNull, array', () => {
    assert.strictEqual(A.spanOrNull('f', null, 0), null);
    assert.throws(() => A.spanOrNull('f', null, 1), TypeError);
    const b = Buffer.alloc(16);
    assert.strictEqual(A.need('f', b, 16, 'buf'), b);
    assert.throws(() => A.need('f', b, 17, 'buf'), /f: buf must be at least 17 bytes, got 16/);
    assert.strictEqual(A.needOrNull('f', undefined, 8, 'x'), null);
    assert.strictEqual(A.array('f', b, 2, 8, 'pollfd'), b);
    assert.throws(() => A.array('f', b, 3, 8, 'pollfd'), /3 pollfd entries need 24 bytes, the buffer has 16/);
    assert.throws(() => A.array('f', b, -1, 8, 'pollfd'), TypeError);
  });

  it('sizeOf: bytes of any buffer (a Uint8Array\'s length, others\' byteLength)', () => {
    assert.strictEqual(A.sizeOf(Buffer.alloc(5)), 5);
    assert.strictEqual(A.sizeOf(new Uint32Array(3)), 12);
    assert.strictEqual(A.sizeOf(new DataView(new ArrayBuffer(9), 2)), 7);
    assert.strictEqual(A.sizeOf(new ArrayBuffer(4)), 4);
    assert.strictEqual(A.sizeOf(new SharedArrayBuffer(6)), 6);
  });

  it('needAddress, spanAddress: the address of a checked buffer, remembered only while it is valid', () => {
    const { addressOf } = require('libsys');
    const a = Buffer.alloc(256);
    const b = new Uint8Array(300);
    for (let i = 0; i < 3; i++) {
      assert.strictEqual(A.needAddress('f', a, 256, 'buf'), Number(addressOf(a)));
      assert.strictEqual(A.needAddress('f', b, 256, 'buf'), Number(addressOf(b)));
      assert.strictEqual(A.spanAddress(a, 3), Number(addressOf(a)) + 3);
      assert.strictEqual(A.spanAddress(b.subarray(4), 1), Number(addressOf(b)) + 5);
    }
    assert.throws(() => A.needAddress('f', a, 257, 'buf'), /f: buf must be at least 257 bytes, got 256/);
    assert.throws(() => A.needAddress('f', null, 1, 'buf'), /buf must be a Buffer/);
    const ab = new ArrayBuffer(64);
    const v = new Uint8Array(ab);
    assert.strictEqual(A.needAddress('f', v, 64, 'buf'), Number(addressOf(v)));
    structuredClone(ab, { transfer: [ab] });
    assert.throws(() => A.needAddress('f', v, 64, 'buf'), /got 0/, 'a detached buffer is refused');
  });

  it('TypeErrors carry code ERR_INVALID_ARG_TYPE', () => {
    assert.throws(() => A.need('f', null, 1, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  });
});
