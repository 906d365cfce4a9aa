// libjs/struct: shared helpers for the struct codecs: the architecture, argument
// checks, cached word views over callers' buffers, 64-bit reads and writes.
'use strict';

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error('libjs/struct: only little-endian machines are supported');

// Layout tables are keyed by Node's arch names; both are LP64 little-endian.
const ARCH = process.arch;
if (ARCH !== 'x64' && ARCH !== 'arm64')
  throw new Error(`libjs/struct: no struct layouts for process.arch '${ARCH}' (x64 and arm64 only)`);

const TWO32 = 4294967296;

function typeError(msg) {
  const e = new TypeError(msg);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

// A Buffer, TypedArray or DataView with at least `size` bytes after `offset`.
function checkView(buf, size, offset, what) {
  if (!ArrayBuffer.isView(buf))
    throw typeError(`${what}: the buffer must be a Buffer, TypedArray or DataView`);
  if (!Number.isInteger(offset) || offset < 0)
    throw typeError(`${what}: the offset must be a non-negative integer, got ${offset}`);
  if (buf.byteLength - offset < size)
    throw typeError(`${what}: the buffer holds ${buf.byteLength} bytes; ` +
      `${size} are needed at offset ${offset}`);
}

// Word views over the ArrayBuffer behind the last buffer seen, so that decoding
// the same scratch buffer again costs one comparison and no allocation. Each hot
// codec owns one of these; a buffer that is not 8-byte aligned is first copied
// into `scratch` (typed arrays cannot view unaligned words).
class Words {
  constructor(scratchSize) {
    this.ab = null;
    this.u32 = null;
    this.i32 = null;
    this.u64 = null;
    this.i64 = null;
    this.u8 = null;
    this.scratch = new Uint8Array(new ArrayBuffer(scratchSize));
  }

  // Index, in 32-bit words, of buf[offset] within this.u32, after checking
  // that `size` bytes are there.
  at(buf, size, offset, what) {
    if (!(buf.byteLength - offset >= size) || offset !== (offset | 0) || offset < 0)
      checkView(buf, size, offset, what);
    const ab = buf.buffer;
    if (ab !== this.ab) {
      checkView(buf, size, offset, what);
      this.attach(ab);
    }
    const off = buf.byteOffset + offset;
    if ((off & 7) === 0) return off >>> 2;
    return this.unaligned(buf, size, offset);
  }

  attach(ab) {
    this.ab = ab;
    const n = ab.byteLength;
    this.u8 = new Uint8Array(ab, 0, n);
    this.u32 = new Uint32Array(ab, 0, n >>> 2);
    this.i32 = new Int32Array(ab, 0, n >>> 2);
    this.u64 = new BigUint64Array(ab, 0, n >>> 3);
    this.i64 = new BigInt64Array(ab, 0, n >>> 3);
  }

  // Encoders that wrote into the scratch copy it back with flush().
  flush(buf, size, offset) {
    if (this.ab === this.scratch.buffer && buf.buffer !== this.ab)
      new Uint8Array(buf.buffer, buf.byteOffset + offset, size).set(this.scratch.subarray(0, size));
  }

  unaligned(buf, size, offset) {
    if (size > this.scratch.byteLength) this.scratch = new Uint8Array(new ArrayBuffer(size));
    const s = this.scratch;
    s.set(new Uint8Array(buf.buffer, buf.byteOffset + offset, size));
    this.attach(s.buffer);
    return 0;
  }
}

// A DataView over the whole ArrayBuffer behind `buf`, cached for the last one:
// for the codecs that are not on a hot path.
let dvAB = null;
let dvView = null;
function dataView(buf) {
  const ab = buf.buffer;
  if (ab !== dvAB) {
    dvView = new DataView(ab);
    dvAB = ab;
  }
  return dvView;
}

// 64-bit integers to and from a DataView. Numbers above 2**53 are rounded as
// Node rounds them (the nearest double); the BigInt forms are exact.
function getU64(dv, p) {
  return dv.getUint32(p, true) + dv.getUint32(p + 4, true) * TWO32;
}
function getI64(dv, p) {
  return dv.getUint32(p, true) + dv.getInt32(p + 4, true) * TWO32;
}

// An integer Number or a BigInt as a 64-bit word (two's complement); anything
// else is a TypeError.
function setI64(dv, p, v, what) {
  if (typeof v === 'bigint') {
    if (v < -(1n << 63n) || v >= (1n << 64n))
      throw typeError(`${what} is outside the 64-bit range`);
    dv.setBigUint64(p, BigInt.asUintN(64, v), true);
    return;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw typeError(`${what} must be a safe integer Number or a BigInt, got ${typeof v === 'number' ? v : typeof v}`);
  const hi = Math.floor(v / TWO32);
  dv.setUint32(p, v - hi * TWO32, true);
  dv.setInt32(p + 4, hi, true);
}

function checkInt(v, min, max, what) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw typeError(`${what} must be an integer in [${min}, ${max}], got ${typeof v === 'number' ? v : typeof v}`);
  return v;
}

// A fresh zeroed Buffer, or the caller's after a bounds check.
function outBuffer(buf, size, offset, what) {
  if (buf === undefined || buf === null) return Buffer.alloc(size);
  checkView(buf, size, offset, what);
  return buf;
}

// glibc's dev_t encoding (<sys/sysmacros.h>), which libuv uses to turn
// statx's major/minor pairs into st_dev. Exact as BigInt; as a Number while it
// fits in 53 bits.
function makedevBigInt(major, minor) {
  const M = BigInt(major >>> 0);
  const m = BigInt(minor >>> 0);
  return ((M & 0xfffff000n) << 32n) | ((M & 0xfffn) << 8n) |
    ((m & 0xffffff00n) << 12n) | (m & 0xffn);
}
function makedev(major, minor) {
  const hi = ((major >>> 12) << 12 >>> 0); // major & 0xfffff000
  const low = (((major & 0xfff) << 8) | (minor & 0xff)) >>> 0;
  // (minor & 0xffffff00) << 12 spans both halves: bits 20..43.
  const mid = (minor >>> 8) * 1048576; // (minor >> 8) << 20, exact (< 2**44)
  return hi * TWO32 + mid + low;
}
function major(dev) {
  if (typeof dev === 'bigint')
    return Number(((dev >> 32n) & 0xfffff000n) | ((dev >> 8n) & 0xfffn));
  const hi = Math.floor(dev / TWO32);
  const lo = dev >>> 0;
  return ((hi & 0xfffff000) | ((lo >>> 8) & 0xfff)) >>> 0;
}
function minor(dev) {
  if (typeof dev === 'bigint')
    return Number(((dev >> 12n) & 0xffffff00n) | (dev & 0xffn));
  const hi = Math.floor(dev / TWO32);
  const lo = dev >>> 0;
  return (((hi & 0xfff) << 20) | ((lo >>> 12) & 0xfff00) | (lo & 0xff)) >>> 0;
}

module.exports = {
  ARCH, TWO32, Words, dataView, checkView, checkInt, outBuffer, typeError,
  getU64, getI64, setI64, makedev, makedevBigInt, major, minor,
};
