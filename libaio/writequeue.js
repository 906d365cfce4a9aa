// libaio: a stream's write queue: buffers not yet handed to the kernel, the
// callback that goes with each, descriptors riding with some (SCM_RIGHTS),
// and how far into the first buffer the kernel has taken.
'use strict';

const IOV_BATCH = 64; // buffers per writev

class WriteQueue {
  constructor() {
    this.bufs = [];
    this.cbs = [];
    this.ctls = null; // control messages, by index, once one has been queued
    this.head = 0; // first buffer not fully written
    this.off = 0; // bytes of bufs[head] already written
    this.bytes = 0; // bytes left in all
    this.iov = [];
  }

  get empty() {
    return this.head === this.bufs.length;
  }

  push(b, cb, ctl) {
    this.bufs.push(b);
    this.cbs.push(cb);
    if (ctl !== null || this.ctls !== null) {
      if (this.ctls === null) this.ctls = new Array(this.bufs.length - 1).fill(null);
      this.ctls.push(ctl);
    }
    this.bytes += b.byteLength;
  }

  // The control message of the first buffer, or null.
  headCtl() {
    return this.ctls === null ? null : this.ctls[this.head];
  }

  // The descriptors went out with the first byte of the first buffer.
  ctlSent() {
    this.ctls[this.head] = null;
  }

  // What is left of the first buffer.
  first() {
    const b = this.bufs[this.head];
    return this.off === 0 ? b : b.subarray(this.off);
  }

  // True when the next write should be one buffer (a large first buffer, or
  // only one queued); otherwise batch() fills `iov` for writev.
  single() {
    return this.bufs.length - this.head === 1 || this.bufs[this.head].byteLength - this.off >= 65536;
  }

  // Up to IOV_BATCH buffers from the head (stopping before one with
  // descriptors) in this.iov; returns their byte count.
  batch() {
    const iov = this.iov;
    const q = this.bufs;
    let k = 0;
    let want = 0;
    while (k < IOV_BATCH && this.head + k < q.length && (k === 0 || this.ctls === null || this.ctls[this.head + k] === null)) {
      const b = k === 0 ? this.first() : q[this.head + k];
      iov[k++] = b;
      want += b.byteLength;
    }
    iov.length = k;
    return want;
  }

  // Accounts n bytes written; returns the callbacks of the buffers completed
  // (null if none), in order.
  consume(n) {
    this.bytes -= n;
    const q = this.bufs;
    const cbs = this.cbs;
    let done = null;
    while (this.head < q.length) {
      const h = this.head;
      const rem = q[h].byteLength - this.off;
      if (n < rem) {
        this.off += n;
        break;
      }
      n -= rem;
      const cb = cbs[h];
      q[h] = undefined;
      cbs[h] = undefined;
      if (this.ctls !== null) this.ctls[h] = undefined;
      this.head = h + 1;
      this.off = 0;
      if (cb !== null) (done === null ? (done = []) : done).push(cb);
    }
    if (this.head === q.length) {
      q.length = 0;
      cbs.length = 0;
      this.ctls = null;
      this.head = 0;
    } else if (this.head > 1024) {
      q.splice(0, this.head);
      cbs.splice(0, this.head);
      if (this.ctls !== null) this.ctls.splice(0, this.head);
      this.head = 0;
    }
    return done;
  }

  // Empties the queue; returns the callbacks of what was in it.
  clear() {
    const cbs = this.cbs.slice(this.head).filter((cb) => cb !== null);
    this.bufs = [];
    this.cbs = [];
    this.ctls = null;
    this.head = 0;
    this.off = 0;
    this.bytes = 0;
    return cbs;
  }
}

module.exports = { WriteQueue, IOV_BATCH };
