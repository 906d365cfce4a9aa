// libjs: argument checks shared by the wrappers: paths, buffers and lengths.
// Everything that can stop a call from writing past a buffer is here; each
// check throws a TypeError naming the function and the argument.
'use strict';
const { addressOf } = require('./sys');

function typeName(v) {
  if (v === null) return 'null';
  if (typeof v === 'object') return v.constructor ? v.constructor.name : 'object';
  return typeof v;
}

function fail(fn, msg) {
  const err = new TypeError(`${fn}: ${msg}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

// A NUL-terminated copy of a byte string (a Buffer path, say).
function cstring(bytes) {
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

// A path argument as the kernel takes it. A string goes as it is (libsys
// copies it NUL-terminated); a Uint8Array whose last byte is its only NUL goes
// as it is; one without a NUL is copied with a NUL appended. An embedded NUL
// would silently cut the path short, so it is an error, as in Node.
function cpath(fn, p, arg) {
  if (typeof p === 'string') return p;
  if (p instanceof Uint8Array) {
    const i = p.indexOf(0);
    if (i === -1) return cstring(p);
    if (i === p.length - 1) return p;
    fail(fn, `${arg} contains a NUL byte before its end`);
  }
  return fail(fn, `${arg} must be a string or a Uint8Array, got ${typeName(p)}`);
}

// A string argument that may also be null (utimensat's path, say).
function cpathOrNull(fn, p, arg) {
  return p === null || p === undefined ? null : cpath(fn, p, arg);
}

// A buffer's size in bytes. In Node 20's optimising compiler `byteLength` is
// a generic property load (~12 ns a call); a Uint8Array's `length` (Buffers
// included) is inlined.
function sizeOf(b) {
  return b instanceof Uint8Array ? b.length : b.byteLength;
}

function isBuffer(b) {
  return ArrayBuffer.isView(b) || b instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && b instanceof SharedArrayBuffer);
}

function badBuffer(fn, arg, b) {
  return fail(fn, `${arg} must be a Buffer, TypedArray, DataView or ArrayBuffer, got ${typeName(b)}`);
}

function badCount(fn, what, v, max) {
  if (typeof v !== 'number' || !Number.isInteger(v))
    return fail(fn, `${what} must be an integer Number, got ${typeof v === 'number' ? v : typeName(v)}`);
  if (v < 0) return fail(fn, `${what} must not be negative, got ${v}`);
  return fail(fn, `${what} ${v} is past the end of the buffer (${max} bytes available)`);
}

// The address of each ArrayBuffer's data, as a Number (user-space addresses
// fit in 53 bits), so that a call at a byte offset needs no new view. V8 never
// moves an ArrayBuffer's data once its address has been taken (libsys takes
// it through Node-API, which materialises on-heap arrays first); a buffer that
// is detached (transferred, or a grown WebAssembly memory) has byteLength 0, so
// the bounds checks refuse it before its stale address could be used.
const bases = new WeakMap();

function addressAt(buf, off) {
  const ab = buf.buffer || buf;
  let base = bases.get(ab);
  if (base === undefined) {
    base = Number(addressOf(ab));
    bases.set(ab, base);
  }
  return base + (buf.byteOffset || 0) + off;
}

// The pointer argument for `len` bytes at byte offset `off` of `buf`, after
// checking both against the buffer. With no offset (undefined or 0) this is
// `buf` itself; with one it is the address of that byte as a Number. Neither
// allocates.
function span(fn, buf, len, off) {
  return checkSpan(fn, buf, len, off) === 0 ? buf : addressAt(buf, off);
}

// span's checks alone: the byte offset (0 for none), for a call through the
// registers that passes `buf` as its value and the offset in the register.
function checkSpan(fn, buf, len, off) {
  const size = buf == null ? undefined : sizeOf(buf);
  if (typeof size !== 'number' || !isBuffer(buf)) badBuffer(fn, 'buffer', buf);
  if (off === undefined || off === 0) {
    if (typeof len !== 'number' || !(len >= 0 && len <= size) || !Number.isInteger(len))
      badCount(fn, 'length', len, size);
    return 0;
  }
  if (typeof off !== 'number' || !(off >= 0 && off <= size) || !Number.isInteger(off))
    badCount(fn, 'buffer offset', off, size);
  if (typeof len !== 'number' || !(len >= 0 && len <= size - off) || !Number.isInteger(len))
    badCount(fn, 'length', len, size - off);
  return off;
}

// As span, but null (or undefined) is allowed when len is 0: the size-query
// form of getxattr, listxattr, getgroups.
function spanOrNull(fn, buf, len, off) {
  if (buf === null || buf === undefined) {
    if (len !== 0) fail(fn, `a null buffer needs a length of 0, got ${len}`);
    return null;
  }
  return span(fn, buf, len, off);
}

// A caller's buffer that the kernel fills or reads as a struct of `size` bytes.
function need(fn, buf, size, arg) {
  if (buf == null || !isBuffer(buf)) badBuffer(fn, arg, buf);
  if (sizeOf(buf) < size)
    fail(fn, `${arg} must be at least ${size} bytes, got ${buf.byteLength}`);
  return buf;
}

// Addresses for calls through the registers (libjs/sys.js), as Numbers. The
// last small buffer of each kind is remembered by identity: a view always
// covers the same memory, and once detached (byteLength 0) or shrunk it fails
// its size check before its address could be used (a length of 0 reaches no
// memory). Only small buffers are kept, so nothing big stays alive for it.
const NONE = new Uint8Array(0); // never a caller's: null would match null
let lastStruct = NONE;
let lastStructAddress = 0;
let lastIo = NONE;
let lastIoAddress = 0;

// need(), then the struct buffer's address.
function needAddress(fn, buf, size, arg) {
  if (buf === lastStruct && sizeOf(buf) >= size) return lastStructAddress;
  need(fn, buf, size, arg);
  const a = addressAt(buf, 0);
  if (sizeOf(buf) <= 4096) {
    lastStruct = buf;
    lastStructAddress = a;
  }
  return a;
}

// The address of byte `off` of a buffer that checkSpan() has accepted.
function spanAddress(buf, off) {
  if (buf === lastIo) return lastIoAddress + off;
  const a = addressAt(buf, 0);
  if (sizeOf(buf) <= 65536) {
    lastIo = buf;
    lastIoAddress = a;
  }
  return a + off;
}

// As need, but null (or undefined) passes as a NULL pointer.
function needOrNull(fn, buf, size, arg) {
  return buf === null || buf === undefined ? null : need(fn, buf, size, arg);
}

// `count` elements of `width` bytes in buf (pollfd arrays, epoll events, gid lists).
function array(fn, buf, count, width, arg) {
  if (buf == null || !isBuffer(buf)) badBuffer(fn, arg, buf);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    fail(fn, `the ${arg} count must be a non-negative integer, got ${count}`);
  if (count * width > buf.byteLength)
    fail(fn, `${count} ${arg} entries need ${count * width} bytes, the buffer has ${buf.byteLength}`);
  return buf;
}

module.exports = {
  addressAt, fail, typeName, cstring, cpath, cpathOrNull, sizeOf, isBuffer, span, checkSpan, spanAddress, spanOrNull, need, needAddress, needOrNull, array,
};
