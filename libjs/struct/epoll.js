// libjs/struct: struct epoll_event (<linux/eventpoll.h>), for epoll_ctl and
// the arrays epoll_wait fills. Packed on x86-64, naturally aligned elsewhere.
'use strict';
const { ARCH, TWO32, Words, checkInt, typeError } = require('./mem');

// x86-64 (__attribute__((packed))), 12 bytes:
// offset | size | field
//      0 |    4 | events  u32 (EPOLL*)
//      4 |    8 | data    u64 (epoll_data: fd, u32, u64 or ptr)
// aarch64, 16 bytes:
//      0 |    4 | events
//      4 |    4 | padding
//      8 |    8 | data
const LAYOUTS = {
  x64: { size: 12, fields: { events: [0, 4], data: [4, 8] } },
  arm64: { size: 16, fields: { events: [0, 4], data: [8, 8] } },
};
const layout = LAYOUTS[ARCH];
const SIZE = layout.size;
const STRIDE = SIZE >> 2; // words per event
const DATA = layout.fields.data[0] >> 2;

const w = new Words(64);

function word(buf, index, what) {
  if ((index >>> 0) !== index) checkInt(index, 0, 0xffffffff, `${what}: index`);
  return w.at(buf, (index + 1) * SIZE, 0, what) + index * STRIDE;
}

// The events mask of entry `index`.
function events(buf, index = 0) {
  return w.u32[word(buf, index, 'epoll_event.events')];
}
// The data word as a Number (exact below 2**53: fds and small tokens), or as
// a BigInt (exact).
function data(buf, index = 0) {
  const b = word(buf, index, 'epoll_event.data') + DATA;
  return w.u32[b] + w.u32[b + 1] * TWO32;
}
function dataBigInt(buf, index = 0) {
  const b = word(buf, index, 'epoll_event.dataBigInt') + DATA;
  return (BigInt(w.u32[b + 1]) << 32n) | BigInt(w.u32[b]);
}

function decode(buf, index = 0) {
  const b = word(buf, index, 'epoll_event.decode');
  return { events: w.u32[b], data: w.u32[b + DATA] + w.u32[b + DATA + 1] * TWO32 };
}
function decodeBigInt(buf, index = 0) {
  return { events: events(buf, index), data: dataBigInt(buf, index) };
}

// Writes entry `index`: events a u32 mask, data a non-negative safe integer
// or a BigInt below 2**64. Returns the buffer.
function encode(buf, evs, d, index = 0) {
  if ((evs >>> 0) !== evs) checkInt(evs, 0, 0xffffffff, 'epoll_event.encode: events');
  let lo, hi;
  if (typeof d === 'number' && d >= 0 && d <= Number.MAX_SAFE_INTEGER && Math.floor(d) === d) {
    lo = d >>> 0;
    hi = (d - lo) / TWO32;
  } else if (typeof d === 'bigint' && d >= 0n && d < 1n << 64n) {
    lo = Number(d & 0xffffffffn);
    hi = Number(d >> 32n);
  } else {
    throw typeError(`epoll_event.encode: data must be a non-negative safe integer or a BigInt below 2**64, got ${d}`);
  }
  const b = word(buf, index, 'epoll_event.encode');
  w.u32[b] = evs;
  w.u32[b + DATA] = lo;
  w.u32[b + DATA + 1] = hi;
  w.flush(buf, (index + 1) * SIZE, 0);
  return buf;
}

// An array of `capacity` events for epoll_wait with accessors that skip the
// per-call checks: the loop's hot path (n = epoll_wait(epfd, ev.buffer,
// ev.capacity, timeout); for i < n: ev.events(i), ev.data(i)).
class EpollEvents {
  constructor(capacity) {
    checkInt(capacity, 1, 1 << 20, 'EpollEvents: capacity');
    this.capacity = capacity;
    this.buffer = new Uint8Array(new ArrayBuffer(capacity * SIZE));
    this.u32 = new Uint32Array(this.buffer.buffer);
  }
  events(i) {
    return this.u32[i * STRIDE];
  }
  data(i) {
    const b = i * STRIDE + DATA;
    return this.u32[b] + this.u32[b + 1] * TWO32;
  }
  dataBigInt(i) {
    const b = i * STRIDE + DATA;
    return (BigInt(this.u32[b + 1]) << 32n) | BigInt(this.u32[b]);
  }
  set(i, evs, d) {
    checkInt(i, 0, this.capacity - 1, 'EpollEvents.set: index');
    encode(this.buffer, evs, d, i);
  }
}

module.exports = {
  SIZE, layout, LAYOUTS, events, data, dataBigInt, decode, decodeBigInt, encode, EpollEvents,
};
