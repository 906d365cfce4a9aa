// libjs/struct: struct iovec (<linux/uio.h>), arrays of them pointing at
// JavaScript buffers, for readv/writev/preadv/pwritev and msghdr.
'use strict';
const { addressOf } = require('../sys');
const { checkView, checkInt, dataView, setI64, typeError } = require('./mem');

// offset | size | field
//      0 |    8 | iov_base  void *
//      8 |    8 | iov_len   size_t
const SIZE = 16;
const layout = { size: 16, fields: { iov_base: [0, 8], iov_len: [8, 8] } };
const IOV_MAX = 1024; // UIO_MAXIOV: the kernel refuses longer arrays (EINVAL)

// An iovec array over `buffers` (Buffers, TypedArrays or DataViews; each
// whole, use subarray() for a part). Lifetime rule: the kernel reads the
// addresses, not the objects, so the buffers must stay alive until the call
// that uses the array has returned (for a call run on another thread, until
// its completion has been delivered). This object holds them: keep it
// referenced for that long, and everything it points at stays valid.
class IovecArray {
  constructor(buffers) {
    if (!Array.isArray(buffers)) throw typeError('iovec: expected an array of buffers');
    if (buffers.length > IOV_MAX) throw typeError(`iovec: ${buffers.length} buffers; the kernel takes at most ${IOV_MAX}`);
    this.count = buffers.length;
    this.buffers = buffers.slice();
    this.buffer = Buffer.alloc(Math.max(1, buffers.length) * SIZE);
    let total = 0;
    const dv = dataView(this.buffer);
    for (let k = 0; k < buffers.length; k++) {
      const b = buffers[k];
      if (!ArrayBuffer.isView(b)) throw typeError(`iovec: buffers[${k}] is not a Buffer, TypedArray or DataView`);
      const p = this.buffer.byteOffset + k * SIZE;
      dv.setBigUint64(p, b.byteLength > 0 ? addressOf(b) : 0n, true);
      setI64(dv, p + 8, b.byteLength, 'iovec: length');
      total += b.byteLength;
    }
    this.totalLength = total;
  }
}

function build(buffers) {
  return new IovecArray(buffers);
}

// Entry `index` of an iovec array: { base (BigInt address), len }.
function decode(buf, index = 0) {
  checkInt(index, 0, 0x7ffffff, 'iovec.decode: index');
  checkView(buf, (index + 1) * SIZE, 0, 'iovec.decode');
  const dv = dataView(buf), p = buf.byteOffset + index * SIZE;
  return { base: dv.getBigUint64(p, true), len: Number(dv.getBigUint64(p + 8, true)) };
}

module.exports = { SIZE, IOV_MAX, layout, IovecArray, build, decode };
