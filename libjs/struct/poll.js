// libjs/struct: struct pollfd (<asm-generic/poll.h>), arrays of them for
// poll/ppoll. 8 bytes on every architecture.
'use strict';
const { Words, checkInt } = require('./mem');

// offset | size | field
//      0 |    4 | fd       int
//      4 |    2 | events   short
//      6 |    2 | revents  short
const SIZE = 8;
const layout = { size: 8, fields: { fd: [0, 4], events: [4, 2], revents: [6, 2] } };

const w = new Words(64);

// Writes entry `index` of a pollfd array; revents is cleared.
function encode(buf, index, fd, events) {
  checkInt(index, 0, 0x7ffffff, 'pollfd.encode: index');
  checkInt(fd, -0x80000000, 0x7fffffff, 'pollfd.encode: fd');
  checkInt(events, 0, 0xffff, 'pollfd.encode: events');
  const b = w.at(buf, (index + 1) * SIZE, 0, 'pollfd.encode') + index * 2;
  w.i32[b] = fd;
  w.u32[b + 1] = events;
  w.flush(buf, (index + 1) * SIZE, 0);
  return buf;
}

// A new zeroed array of n pollfds from [{ fd, events }].
function encodeArray(list) {
  if (!Array.isArray(list)) throw new TypeError('pollfd.encodeArray: expected an array of { fd, events }');
  const buf = Buffer.alloc(list.length * SIZE);
  list.forEach((p, k) => encode(buf, k, p.fd, p.events));
  return buf;
}

function revents(buf, index = 0) {
  const b = w.at(buf, (index + 1) * SIZE, 0, 'pollfd.revents') + index * 2;
  return w.u32[b + 1] >>> 16;
}

function decode(buf, index = 0) {
  const b = w.at(buf, (index + 1) * SIZE, 0, 'pollfd.decode') + index * 2;
  return { fd: w.i32[b], events: w.u32[b + 1] & 0xffff, revents: w.u32[b + 1] >>> 16 };
}

module.exports = { SIZE, layout, encode, encodeArray, revents, decode };
