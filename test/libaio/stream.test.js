'use strict';
const assert = require('assert');
const aio = require('libaio');
const E = require('libjs/errno');
const { pattern, sha256, deferred, sleep, fdCount } = require('./helpers');

// A connected TCP pair on loopback: [client, serverSide, server].
async function tcpPair() {
  const side = deferred(5000, 'accept');
  const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => side.resolve(s));
  const conn = deferred(5000, 'connect');
  const c = aio.connect({ host: '127.0.0.1', port: server.address().port }, (e) => (e ? conn.reject(new Error(`${e}`)) : conn.resolve()));
  await conn;
  return [c, await side, server];
}

function collect(s) {
  const chunks = [];
  const ended = deferred(10000, 'end of stream');
  s.onData = (d) => chunks.push(Buffer.from(d));
  s.onEnd = () => ended.resolve(Buffer.concat(chunks));
  s.resume();
  return ended;
}

const closeAll = (...hs) => Promise.all(hs.map((h) => new Promise((r) => h.close(r))));

describe('libaio Stream', () => {
  let baseline;
  before(() => {
    aio.getLoop();
    baseline = fdCount();
  });

  it('write callbacks run after write() returns, in order, with 0', async () => {
    const [c, s, server] = await tcpPair();
    const got = collect(s);
    const order = [];
    let inside = true;
    c.write('a', (r) => order.push(['a', r, inside]));
    c.write(Buffer.from('b'), (r) => order.push(['b', r, inside]));
    c.write(new Uint16Array([0x6463]), (r) => order.push(['dc', r, inside]));
    inside = false;
    const endDone = deferred(2000, 'end');
    c.end((r) => endDone.resolve(r));
    assert.strictEqual(await endDone, 0);
    assert.strictEqual((await got).toString(), 'abcd');
    assert.deepStrictEqual(order, [['a', 0, false], ['b', 0, false], ['dc', 0, false]]);
    assert.strictEqual(c.bytesWritten, 4);
    assert.strictEqual(s.bytesRead, 4);
    await closeAll(c, s, server);
  });

  it('writev and cork/uncork send several buffers in order', async () => {
    const [c, s, server] = await tcpPair();
    const got = collect(s);
    const cbs = [];
    c.writev(['one ', Buffer.from('two '), new Uint8Array([116, 104, 114, 101, 101, 32])], (r) => cbs.push(['v', r]));
    c.cork();
    c.write('four ', (r) => cbs.push(['4', r]));
    c.write('five ', (r) => cbs.push(['5', r]));
    assert.strictEqual(c.writeQueueSize, 10, 'corked writes wait in the queue');
    await sleep(10);
    assert.strictEqual(c.writeQueueSize, 10);
    c.uncork();
    assert.strictEqual(c.writeQueueSize, 0);
    c.writev([], (r) => cbs.push(['empty', r]));
    c.cork();
    c.write('six', (r) => cbs.push(['6', r]));
    c.end(); // uncorks, as Node's end() does
    assert.strictEqual((await got).toString(), 'one two three four five six');
    await sleep(1);
    assert.deepStrictEqual(cbs, [['v', 0], ['4', 0], ['5', 0], ['empty', 0], ['6', 0]]);
    await closeAll(c, s, server);
  });

  it('pause() stops reading, resume() goes on; nothing is lost in between', async () => {
    const [c, s, server] = await tcpPair();
    const chunks = [];
    s.onData = (d) => chunks.push(Buffer.from(d));
    s.resume();
    c.write('first');
    await sleep(20);
    s.pause();
    assert.strictEqual(s.reading, false);
    c.write('second');
    await sleep(30);
    assert.strictEqual(Buffer.concat(chunks).toString(), 'first');
    const ended = deferred(2000, 'end');
    s.onEnd = () => ended.resolve();
    s.resume();
    c.end();
    await ended;
    assert.strictEqual(Buffer.concat(chunks).toString(), 'firstsecond');
    assert.throws(() => { const x = new aio.Stream(aio.getLoop(), -1, 'tcp', 1); x.resume(); }, TypeError);
    await closeAll(c, s, server);
  });

  it('reads into a caller\'s buffer when readBuffer is set', async () => {
    const [c, s, server] = await tcpPair();
    const mine = Buffer.alloc(7);
    s.readBuffer = mine;
    const parts = [];
    const ended = deferred(2000, 'end');
    s.onData = (d) => {
      assert.strictEqual(d.buffer, mine.buffer);
      parts.push(d.toString());
    };
    s.onEnd = () => ended.resolve();
    s.resume();
    c.write('abcdefghijklmnop');
    c.end();
    await ended;
    assert.strictEqual(parts.join(''), 'abcdefghijklmnop');
    assert.ok(parts.every((p) => p.length <= 7));
    assert.throws(() => { s.readBuffer = Buffer.alloc(0); }, TypeError);
    assert.throws(() => { s.readBuffer = 'x'; }, TypeError);
    s.readBuffer = null;
    await closeAll(c, s, server);
  });

  it('writes after end() or close() fail through the callback, never by throwing', async () => {
    const [c, s, server] = await tcpPair();
    c.end();
    const a = deferred(1000, 'cb');
    assert.strictEqual(c.write('x', (r) => a.resolve(r)), false);
    assert.strictEqual(await a, -E.EPIPE);
    await closeAll(c);
    const b = deferred(1000, 'cb');
    c.write('x', (r) => b.resolve(r));
    assert.strictEqual(await b, -E.EBADF);
    assert.throws(() => s.write(42), TypeError);
    assert.throws(() => s.write('x', 'not a function'), TypeError);
    await closeAll(s, server);
  });

  it('close() with writes queued completes them with ECANCELED, then onClose', async () => {
    const [c, s, server] = await tcpPair();
    c.setSendBufferSize(4096);
    const data = pattern(4 << 20);
    const results = [];
    let ok = true;
    for (let i = 0; i < 8 && ok; i++) ok = c.write(data, (r) => results.push(r));
    assert.ok(c.writeQueueSize > 0, 'the peer does not read: bytes are queued');
    const closed = deferred(2000, 'close');
    const order = [];
    c.onClose = () => order.push('onClose');
    c.close(() => { order.push('cb'); closed.resolve(); });
    assert.strictEqual(c.closed, true);
    await closed;
    assert.ok(results.includes(-E.ECANCELED), `write results ${results}`);
    assert.deepStrictEqual(order, ['onClose', 'cb']);
    await closeAll(s, server);
  });

  it('setTimeout fires onTimeout after inactivity only, and does not hold the process', async () => {
    const [c, s, server] = await tcpPair();
    s.onData = () => {};
    s.resume();
    const loop = aio.getLoop();
    const refs = loop.refCount;
    let fired = 0;
    let t0 = Date.now();
    let last = t0;
    const first = deferred(5000, 'timeout');
    s.setTimeout(250, () => {
      fired++;
      first.resolve(Date.now() - last);
    });
    assert.strictEqual(loop.refCount, refs, 'the inactivity timer is not referenced');
    // Activity every 30 ms keeps it from firing.
    for (let i = 0; i < 8; i++) {
      c.write('x');
      last = Date.now();
      await sleep(30);
    }
    assert.strictEqual(fired, 0, 'no timeout while data flows');
    const idle = await first;
    assert.ok(idle >= 245, `fired ${idle} ms after the last write`);
    await sleep(300);
    assert.strictEqual(fired, 1, 'fires once per idle period');
    t0 = Date.now();
    c.write('again');
    await sleep(400);
    assert.strictEqual(fired, 2, 'new activity arms it again');
    s.setTimeout(0);
    c.write('more');
    await sleep(400);
    assert.strictEqual(fired, 2, 'setTimeout(0) turns it off');
    await closeAll(c, s, server);
  });

  it('ends a pipe-like exchange with onEnd exactly once and bytes counted', async () => {
    const [c, s, server] = await tcpPair();
    const data = pattern(3 << 20, 5);
    const got = collect(s);
    let ends = 0;
    const prevEnd = s.onEnd;
    s.onEnd = () => { ends++; prevEnd(); };
    c.write(data);
    c.end();
    const back = await got;
    await sleep(20);
    assert.strictEqual(ends, 1);
    assert.strictEqual(sha256(back), sha256(data));
    assert.strictEqual(s.bytesRead, data.length);
    await closeAll(c, s, server);
  });

  it('leaves no fds behind', async () => {
    await sleep(10);
    assert.strictEqual(fdCount(), baseline);
  });
});
