'use strict';
const assert = require('assert');
const L = require('../../libjs');
const { pipe } = require('./helpers');

const { E } = L;

// struct pollfd: fd i32, events i16, revents i16.
function pollfds(list) {
  const b = Buffer.alloc(8 * list.length);
  list.forEach(([fd, events], i) => {
    b.writeInt32LE(fd, 8 * i);
    b.writeInt16LE(events, 8 * i + 4);
  });
  return b;
}

describe('libjs/poll', () => {
  let r, w;
  beforeEach(() => {
    [r, w] = pipe();
  });
  afterEach(() => {
    L.close(r);
    L.close(w);
  });

  it('poll: a timeout in ms, readiness in revents', () => {
    const fds = pollfds([[r, L.POLLIN], [w, L.POLLOUT]]);
    assert.strictEqual(L.poll(fds, 2, 0), 1);
    assert.strictEqual(fds.readInt16LE(6), 0);
    assert.strictEqual(fds.readInt16LE(14), L.POLLOUT);
    const t0 = Date.now();
    assert.strictEqual(L.poll(fds, 1, 30), 0);
    assert.ok(Date.now() - t0 >= 29);
    L.write(w, Buffer.from('x'), 1);
    assert.strictEqual(L.poll(fds, 1, -1), 1);
    assert.strictEqual(fds.readInt16LE(6), L.POLLIN);
    const bad = pollfds([[999999, L.POLLIN]]);
    assert.strictEqual(L.poll(bad, 1, 0), 1);
    assert.strictEqual(bad.readInt16LE(6), L.POLLNVAL);
  });

  it('ppoll: a timespec, a sigmask; EINVAL', () => {
    const fds = pollfds([[r, L.POLLIN]]);
    const ts = new BigInt64Array([0n, 10000000n]);
    assert.strictEqual(L.ppoll(fds, 1, ts, Buffer.alloc(8)), 0);
    L.write(w, Buffer.from('x'), 1);
    assert.strictEqual(L.ppoll(fds, 1, null), 1);
    assert.strictEqual(L.ppoll(fds, 1, new BigInt64Array([-1n, 0n])), -E.EINVAL);
  });

  it('nfds past the buffer is a TypeError', () => {
    const fds = pollfds([[r, L.POLLIN]]);
    assert.throws(() => L.poll(fds, 2, 0), /2 pollfd entries need 16 bytes/);
    assert.throws(() => L.ppoll(fds, 2, null), TypeError);
    assert.throws(() => L.ppoll(fds, 1, new BigInt64Array(1)), /timeout must be at least 16/);
    assert.throws(() => L.poll(fds, 1, 1.5), /timeout must be an integer/);
  });
});
