// libjs: struct iovec arrays built from JS buffers, for readv/writev and
// sendmsg/recvmsg. The kernel then sees exactly the buffers' bounds, so a
// vectored call cannot write past one. Internal: not part of the exports.
'use strict';
const { fail, isBuffer, typeName, addressAt } = require('./args');

const IOV_MAX = 1024;
const TWO32 = 4294967296;

// One scratch array of (base, len) pairs as 32-bit words (both targets are
// little-endian), reused by every call: JavaScript makes one call at a time,
// and the kernel copies the array in during the call.
let scratch = new Uint32Array(4 * 16);

function put(i, v) {
  scratch[i] = v % TWO32;
  scratch[i + 1] = Math.floor(v / TWO32);
}

// Fills the scratch array from `bufs` (an array of buffers, or one buffer)
// and returns it; the count is bufs.length (1 for a single buffer). The
// buffers must stay referenced until the call returns: the caller holds them
// in its arguments.
function build(fn, bufs) {
  if (isBuffer(bufs)) return build1(fn, bufs);
  if (!Array.isArray(bufs)) fail(fn, `buffers must be an array of buffers, got ${typeName(bufs)}`);
  const n = bufs.length;
  if (n > IOV_MAX) fail(fn, `at most ${IOV_MAX} buffers, got ${n}`);
  if (4 * n > scratch.length) scratch = new Uint32Array(4 * Math.max(n, scratch.length / 2));
  for (let i = 0; i < n; i++) {
    const b = bufs[i];
    if (!isBuffer(b))
      fail(fn, `buffers[${i}] must be a Buffer, TypedArray, DataView or ArrayBuffer, got ${typeName(b)}`);
    const len = b.byteLength;
    put(4 * i, len === 0 ? 0 : addressAt(b, 0));
    put(4 * i + 2, len);
  }
  return scratch;
}

function build1(fn, b) {
  const len = b.byteLength;
  put(0, len === 0 ? 0 : addressAt(b, 0));
  put(2, len);
  return scratch;
}

// The number of iovecs build() filled for `bufs`.
function count(bufs) {
  return Array.isArray(bufs) ? bufs.length : 1;
}

module.exports = { build, count, IOV_MAX };
