'use strict';
const assert = require('assert');
const fs = require('fs');
const aio = require('libaio');
const { pipe2, close, write } = require('libjs/unistd');
const { fcntl } = require('libjs/fcntl');
const C = require('libjs/constants');
const E = require('libjs/errno');
const { pattern, sha256, deferred, sleep, fdCount, tmpPath } = require('./helpers');

const closeAll = (...hs) => Promise.all(hs.map((h) => new Promise((r) => h.close(r))));

function collect(s) {
  const chunks = [];
  const ended = deferred(20000, 'end of stream');
  s.onData = (d) => chunks.push(Buffer.from(d));
  s.onEnd = () => ended.resolve(Buffer.concat(chunks));
  s.onError = (e) => ended.reject(new Error(E.errname(e)));
  s.resume();
  return ended;
}

describe('libaio pipes and socket pairs', () => {
  let baseline;
  before(() => {
    aio.getLoop();
    baseline = fdCount();
  });

  it('pipe(): non-blocking, close-on-exec ends that carry 4 MiB intact; end() gives EOF', async () => {
    const [r, w] = aio.pipe();
    for (const s of [r, w]) {
      assert.strictEqual(s.kind, 'pipe');
      assert.ok(fcntl(s.fd, C.F_GETFL) & C.O_NONBLOCK);
      assert.ok(fcntl(s.fd, C.F_GETFD) & C.FD_CLOEXEC);
    }
    const data = pattern(4 << 20, 3);
    const got = collect(r);
    let off = 0;
    const ended = deferred(20000, 'end cb');
    const pump = () => {
      while (off < data.length) {
        const ok = w.write(data.subarray(off, off + 50000));
        off += 50000;
        if (!ok) return;
      }
      w.end((res) => ended.resolve(res));
    };
    w.onDrain = pump;
    pump();
    const back = await got;
    assert.strictEqual(sha256(back), sha256(data));
    assert.strictEqual(await ended, 0);
    assert.strictEqual(w.closed, true, 'a pipe\'s write end closes on end()');
    assert.strictEqual(r.address(), -E.ENOTSOCK);
    await closeAll(r);
  });

  it('writing to a pipe whose reader is gone fails with EPIPE, once, through callbacks', async () => {
    const [r, w] = aio.pipe();
    await closeAll(r);
    const errs = [];
    w.onError = (e) => errs.push(e);
    const cb = deferred(2000, 'write cb');
    assert.strictEqual(w.write('x', (res) => cb.resolve(res)), false);
    assert.strictEqual(await cb, -E.EPIPE);
    await sleep(5);
    assert.deepStrictEqual(errs, [-E.EPIPE]);
    await closeAll(w);
  });

  it('open(fd) wraps an inherited pipe end, making it non-blocking; refuses a regular file', async () => {
    const fds = new Int32Array(2);
    assert.strictEqual(pipe2(fds, C.O_CLOEXEC), 0);
    assert.strictEqual(fcntl(fds[0], C.F_GETFL) & C.O_NONBLOCK, 0);
    const r = aio.open(fds[0]);
    assert.strictEqual(r.kind, 'pipe');
    assert.ok(fcntl(fds[0], C.F_GETFL) & C.O_NONBLOCK);
    const got = collect(r);
    assert.strictEqual(write(fds[1], Buffer.from('hello'), 5), 5);
    close(fds[1]);
    assert.strictEqual((await got).toString(), 'hello');
    await closeAll(r);
    const file = tmpPath('regular');
    fs.writeFileSync(file, 'x');
    const fd = fs.openSync(file, 'r');
    assert.strictEqual(aio.open(fd), -E.EPERM);
    fs.closeSync(fd);
    fs.unlinkSync(file);
  });

  it('socketPair(): full duplex with half-close in each direction', async () => {
    const [a, b] = aio.socketPair();
    assert.strictEqual(a.kind, 'unix');
    const gotA = collect(a), gotB = collect(b);
    a.write('to b');
    a.end();
    await sleep(10);
    b.write('to a, after a ended');
    b.end();
    assert.strictEqual((await gotB).toString(), 'to b');
    assert.strictEqual((await gotA).toString(), 'to a, after a ended');
    await closeAll(a, b);
  });

  it('passes descriptors over a Unix socket (SCM_RIGHTS) with their data', async () => {
    const [a, b] = aio.socketPair();
    assert.strictEqual(b.setIpc(true), 0);
    const [pr, pw] = aio.pipe();
    const received = deferred(3000, 'fds');
    const data = [];
    b.onFds = (fds) => received.resolve(fds);
    b.onData = (d) => data.push(d.toString());
    b.resume();
    const sent = deferred(3000, 'sendFds cb');
    a.sendFds('here is a pipe', [pw.fd], (r) => sent.resolve(r));
    assert.strictEqual(await sent, 0);
    const fds = await received;
    assert.strictEqual(fds.length, 1);
    assert.notStrictEqual(fds[0], pw.fd);
    assert.ok(fcntl(fds[0], C.F_GETFD) & C.FD_CLOEXEC, 'received fds are close-on-exec');
    await sleep(5);
    assert.strictEqual(data.join(''), 'here is a pipe');
    // The received descriptor is the same pipe: what goes in comes out of pr.
    const got = collect(pr);
    const w2 = aio.open(fds[0]);
    w2.write('through the passed fd');
    w2.end();
    await closeAll(pw);
    assert.strictEqual((await got).toString(), 'through the passed fd');
    assert.strictEqual(a.setIpc(true), 0);
    assert.strictEqual(pr.setIpc(true), -E.ENOTSOCK);
    const notUnix = deferred(1000, 'cb');
    pr.sendFds('x', [0], (r) => notUnix.resolve(r));
    assert.strictEqual(await notUnix, -E.ENOTSOCK);
    await closeAll(a, b, pr, w2);
  });

  it('bad arguments are TypeErrors, thrown before any fd is made', () => {
    const before = fdCount();
    assert.throws(() => aio.pipe('not a loop'), TypeError);
    assert.throws(() => aio.socketPair({}), TypeError);
    assert.throws(() => aio.open(-1), TypeError);
    assert.throws(() => aio.open(0, null), TypeError);
    assert.throws(() => aio.open(0, { kind: 'file' }), TypeError);
    assert.throws(() => aio.connect({ path: 5 }), TypeError);
    assert.throws(() => aio.createSocket('udp4', {}, 'loop'), TypeError);
    assert.strictEqual(fdCount(), before);
  });

  it('leaves no fds behind', async () => {
    await sleep(10);
    assert.strictEqual(fdCount(), baseline);
  });
});
