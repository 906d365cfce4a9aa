'use strict';
const assert = require('assert');
const libsys = require('libsys');
const L = require('../../libjs');
const { pipe } = require('./helpers');

const { E } = L;
const EV = libsys.sizeof.epoll_event;
const DATA = libsys.offsetof.epoll_event.data;

function event(events, data) {
  const b = Buffer.alloc(EV);
  b.writeUInt32LE(events, 0);
  b.writeBigUInt64LE(BigInt(data), DATA);
  return b;
}

describe('libjs/epoll', () => {
  let ep, r, w;
  beforeEach(() => {
    ep = L.epoll_create1(L.EPOLL_CLOEXEC);
    assert.ok(ep >= 0);
    [r, w] = pipe();
  });
  afterEach(() => {
    for (const fd of [ep, r, w]) L.close(fd);
  });

  it('epoll_create1, epoll_create: EINVAL for bad flags or size', () => {
    assert.strictEqual(L.fcntl(ep, L.F_GETFD), L.FD_CLOEXEC);
    const e2 = L.epoll_create(1);
    assert.ok(e2 >= 0);
    L.close(e2);
    assert.strictEqual(L.epoll_create(0), -E.EINVAL);
    assert.strictEqual(L.epoll_create1(-1), -E.EINVAL);
  });

  it('epoll_ctl + epoll_wait: readiness with the data word', () => {
    assert.strictEqual(L.epoll_ctl(ep, L.EPOLL_CTL_ADD, r, event(L.EPOLLIN, 0x1234567890)), 0);
    const out = Buffer.alloc(EV * 4);
    assert.strictEqual(L.epoll_wait(ep, out, 4, 0), 0);
    L.write(w, Buffer.from('x'), 1);
    assert.strictEqual(L.epoll_wait(ep, out, 4, 1000), 1);
    assert.strictEqual(out.readUInt32LE(0), L.EPOLLIN);
    assert.strictEqual(out.readBigUInt64LE(DATA), 0x1234567890n);
    assert.strictEqual(L.epoll_ctl(ep, L.EPOLL_CTL_MOD, r, event(L.EPOLLOUT, 1)), 0);
    assert.strictEqual(L.epoll_wait(ep, out, 4, 0), 0);
    assert.strictEqual(L.epoll_ctl(ep, L.EPOLL_CTL_DEL, r, null), 0);
    assert.strictEqual(L.epoll_ctl(ep, L.EPOLL_CTL_DEL, r, null), -E.ENOENT);
    assert.strictEqual(L.epoll_ctl(ep, L.EPOLL_CTL_ADD, -1, event(L.EPOLLIN, 0)), -E.EBADF);
    assert.strictEqual(L.epoll_ctl(ep, L.EPOLL_CTL_ADD, ep, event(L.EPOLLIN, 0)), -E.EINVAL);
  });

  it('epoll_ctl_data: no struct, the fd as data by default, up to 2**53', () => {
    assert.strictEqual(L.epoll_ctl_data(ep, L.EPOLL_CTL_ADD, w, L.EPOLLOUT), 0);
    assert.strictEqual(L.epoll_ctl_data(ep, L.EPOLL_CTL_ADD, r, L.EPOLLIN | L.EPOLLET, 2 ** 53 - 1), 0);
    L.write(w, Buffer.from('x'), 1);
    const out = Buffer.alloc(EV * 4);
    const n = L.epoll_wait(ep, out, 4, 1000);
    assert.strictEqual(n, 2);
    const got = new Map();
    for (let i = 0; i < n; i++) got.set(out.readBigUInt64LE(i * EV + DATA), out.readUInt32LE(i * EV));
    assert.strictEqual(got.get(BigInt(w)), L.EPOLLOUT);
    assert.strictEqual(got.get(2n ** 53n - 1n), L.EPOLLIN);
    assert.strictEqual(L.epoll_ctl_data(ep, L.EPOLL_CTL_ADD, r, L.EPOLLIN), -E.EEXIST);
    assert.throws(() => L.epoll_ctl_data(ep, L.EPOLL_CTL_MOD, r, L.EPOLLIN, -1), /data must be/);
  });

  it('epoll_pwait, epoll_pwait2 (a timespec timeout)', () => {
    L.epoll_ctl_data(ep, L.EPOLL_CTL_ADD, r, L.EPOLLIN, 7);
    const out = Buffer.alloc(EV);
    assert.strictEqual(L.epoll_pwait(ep, out, 1, 0, null), 0);
    const t0 = process.hrtime.bigint();
    assert.strictEqual(L.epoll_pwait2(ep, out, 1, new BigInt64Array([0n, 20000000n]), null), 0);
    const waited = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(waited >= 19 && waited < 1000, `${waited} ms`);
    L.write(w, Buffer.from('x'), 1);
    const mask = Buffer.alloc(8);
    assert.strictEqual(L.epoll_pwait(ep, out, 1, 1000, mask), 1);
    assert.strictEqual(L.epoll_pwait2(ep, out, 1, null, mask), 1);
    assert.strictEqual(out.readBigUInt64LE(DATA), 7n);
    assert.strictEqual(L.epoll_pwait(-1, out, 1, 0), -E.EBADF);
    assert.strictEqual(L.epoll_pwait2(ep, out, 0, null), -E.EINVAL);
  });

  it('events buffer too small for maxevents: a TypeError, not a call', () => {
    const out = Buffer.alloc(EV * 2);
    assert.throws(() => L.epoll_wait(ep, out, 3, 0), /3 event entries need/);
    assert.throws(() => L.epoll_pwait(ep, out, 3, 0), TypeError);
    assert.throws(() => L.epoll_pwait2(ep, out, 3, null), TypeError);
    assert.throws(() => L.epoll_ctl(ep, L.EPOLL_CTL_ADD, r, Buffer.alloc(EV - 1)), TypeError);
    assert.throws(() => L.epoll_pwait(ep, out, 1, 0, Buffer.alloc(4)), /sigmask must be at least 8/);
    assert.strictEqual(L.epoll_wait(ep, out, 0, 0), -E.EINVAL);
  });
});
