'use strict';
const assert = require('assert');
const fs = require('fs');
const aio = require('libaio');
const { setsockopt, getsockopt_int } = require('libjs/socket');
const { fcntl } = require('libjs/fcntl');
const { getrlimit, setrlimit } = require('libjs/resource');
const { linger } = require('libjs/struct/sockopt');
const C = require('libjs/constants');
const E = require('libjs/errno');
const { fdCount, pattern, sha256, deferred, sleep, until, tmpPath } = require('./helpers');

// An echo server: every byte back, end when the peer ends, close after.
function echoServer(opts) {
  const server = aio.listen(opts, (s) => {
    s.onData = (d) => {
      if (!s.write(d)) s.pause();
    };
    s.onDrain = () => s.resume();
    s.onEnd = () => s.end(() => s.close());
    s.onError = () => s.close();
    s.resume();
  });
  assert.strictEqual(typeof server, 'object', `listen failed: ${server}`);
  return server;
}

function connectP(opts) {
  const done = deferred(10000, 'connect');
  const s = aio.connect(opts, (err) => (err ? done.reject(Object.assign(new Error(`connect ${err}`), { errno: err })) : done.resolve(s)));
  return done;
}

function closeP(h) {
  return new Promise((r) => h.close(r));
}

// Sends `data` in pieces (respecting backpressure), ends, and collects what
// comes back until the peer ends.
function roundTrip(s, data, piece = 65536) {
  const done = deferred(60000, 'round trip');
  const chunks = [];
  s.onData = (d) => chunks.push(Buffer.from(d));
  s.onEnd = () => done.resolve(Buffer.concat(chunks));
  s.onError = (e) => done.reject(new Error(`stream error ${E.errname(e)}`));
  s.resume();
  let off = 0;
  const pump = () => {
    while (off < data.length) {
      const ok = s.write(data.subarray(off, off + piece));
      off += piece;
      if (!ok) return;
    }
    s.end();
  };
  s.onDrain = pump;
  pump();
  return done;
}

describe('libaio net (TCP and Unix stream sockets)', function () {
  this.timeout(60000);
  let baseline;

  before(() => {
    aio.getLoop();
    baseline = fdCount();
  });

  const big = pattern(16 << 20);
  const bigHash = sha256(big);

  for (const [name, listenOpts, connectOpts] of [
    ['TCP over IPv4', { host: '127.0.0.1', port: 0 }, (a) => ({ host: '127.0.0.1', port: a.port })],
    ['TCP over IPv6', { host: '::1', port: 0 }, (a) => ({ host: '::1', port: a.port })],
    ['a Unix socket (path)', { path: tmpPath('echo.sock') }, () => ({ path: tmpPath('echo.sock') })],
    ['a Unix socket (abstract)', { path: `\0libaio-echo-${process.pid}` }, () => ({ path: `\0libaio-echo-${process.pid}` })],
  ]) {
    it(`echoes 16 MiB over ${name}, hash intact`, async () => {
      const server = echoServer(listenOpts);
      const c = await connectP(connectOpts(server.address()));
      const back = await roundTrip(c, big, 100003); // odd-sized writes
      assert.strictEqual(back.length, big.length);
      assert.strictEqual(sha256(back), bigHash);
      assert.strictEqual(c.bytesWritten, big.length);
      assert.strictEqual(c.bytesRead, big.length);
      await closeP(c);
      await closeP(server);
      if (listenOpts.path && listenOpts.path[0] !== '\0')
        assert.ok(!fs.existsSync(listenOpts.path), 'the socket path is unlinked on close');
    });
  }

  it('serves 1,000 concurrent connections', async () => {
    const lim = new BigUint64Array(2);
    assert.strictEqual(getrlimit(C.RLIMIT_NOFILE, lim), 0);
    if (lim[0] < 2200n) {
      lim[0] = lim[1] < 4096n ? lim[1] : 4096n;
      assert.strictEqual(setrlimit(C.RLIMIT_NOFILE, lim), 0, 'raising RLIMIT_NOFILE');
    }
    const N = 1000;
    let accepted = 0;
    let maxOpen = 0;
    let open = 0;
    const server = aio.listen({ host: '127.0.0.1', port: 0, backlog: 2048 }, (s) => {
      accepted++;
      open++;
      maxOpen = Math.max(maxOpen, open);
      s.onData = (d) => s.write(d);
      s.onEnd = () => s.end(() => s.close(() => { open--; }));
      s.onError = () => s.close(() => { open--; });
      s.resume();
    });
    const port = server.address().port;
    const clients = [];
    const results = [];
    let connected = 0;
    for (let i = 0; i < N; i++) {
      const done = deferred(30000, `client ${i}`);
      results.push(done);
      const msg = Buffer.from(`hello ${i}`);
      const c = aio.connect({ host: '127.0.0.1', port }, (err) => {
        if (err) return done.reject(new Error(`connect ${i}: ${E.errname(err)}`));
        let got = '';
        c.onData = (d) => { got += d; };
        c.onEnd = () => done.resolve(got === msg.toString());
        c.onError = (e) => done.reject(new Error(`client ${i}: ${E.errname(e)}`));
        c.resume();
        // Hold every connection open until all are up: truly concurrent.
        if (++connected === N) for (const [cc, m] of clients) { cc.write(m); cc.end(); }
        return undefined;
      });
      clients.push([c, msg]);
    }
    const ok = await Promise.all(results);
    assert.ok(ok.every(Boolean), 'every client got its own bytes back');
    assert.strictEqual(accepted, N);
    assert.ok(maxOpen >= N * 0.95, `only ${maxOpen} server-side connections were open at once`);
    await Promise.all(clients.map(([c]) => closeP(c)));
    await until(() => open === 0, 5000, 'server side closed');
    await closeP(server);
  });

  it('accepts every pending connection in one readiness event (accept4 until EAGAIN)', async () => {
    const accepted = [];
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => accepted.push(s));
    server.pause();
    const port = server.address().port;
    const cs = await Promise.all(Array.from({ length: 40 }, () => connectP({ host: '127.0.0.1', port })));
    assert.strictEqual(accepted.length, 0, 'a paused server accepts nothing');
    const seen = deferred(3000, 'accepts');
    const loop = aio.getLoop();
    loop.setImmediate(() => {
      server.resume();
      // Queued by an immediate: it runs in the next iteration, after that
      // iteration's I/O, in which the listener is readable.
      loop.setImmediate(() => seen.resolve(accepted.length));
    });
    assert.strictEqual(await seen, 40);
    for (const s of accepted) {
      const fl = fcntl(s.fd, C.F_GETFL), fd = fcntl(s.fd, C.F_GETFD);
      assert.ok(fl & C.O_NONBLOCK, 'accepted sockets are non-blocking');
      assert.ok(fd & C.FD_CLOEXEC, 'accepted sockets are close-on-exec');
    }
    assert.ok(fcntl(cs[0].fd, C.F_GETFL) & C.O_NONBLOCK);
    assert.ok(fcntl(cs[0].fd, C.F_GETFD) & C.FD_CLOEXEC);
    await Promise.all([...accepted, ...cs, server].map(closeP));
  });

  it('reports ECONNREFUSED for a closed port, through the callback', async () => {
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, () => {});
    const { port } = server.address();
    await closeP(server);
    const got = deferred(5000, 'connect result');
    let sync = true;
    const c = aio.connect({ host: '127.0.0.1', port }, (err) => got.resolve([err, sync]));
    sync = false;
    const [err, wasSync] = await got;
    assert.strictEqual(err, -E.ECONNREFUSED);
    assert.strictEqual(wasSync, false);
    assert.strictEqual(c.error, -E.ECONNREFUSED);
    // Writes after a failed connect fail too, asynchronously.
    const w = deferred(2000, 'write cb');
    assert.strictEqual(c.write('x', (r) => w.resolve(r)), false);
    assert.strictEqual(await w, -E.ECONNREFUSED);
    await closeP(c);
    // Unix: a path nobody listens on, and an address that is not numeric.
    const u = deferred(2000, 'unix connect');
    const cu = aio.connect({ path: tmpPath('nobody.sock') }, (e) => u.resolve(e));
    assert.strictEqual(await u, -E.ENOENT);
    await closeP(cu);
    const bad = deferred(2000, 'bad address');
    const cb = aio.connect({ host: 'localhost', port: 1 }, (e) => bad.resolve(e));
    assert.strictEqual(await bad, -E.EINVAL);
    await closeP(cb);
  });

  it('reports ECONNRESET when the peer resets (SO_LINGER 0, then close)', async () => {
    const serverSide = deferred(5000, 'accept');
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => serverSide.resolve(s));
    const c = await connectP({ host: '127.0.0.1', port: server.address().port });
    const err = deferred(5000, 'reset');
    c.onData = () => {};
    c.onEnd = () => err.reject(new Error('got an orderly end instead of a reset'));
    c.onError = (e) => err.resolve(e);
    c.resume();
    const s = await serverSide;
    assert.strictEqual(setsockopt(s.fd, C.SOL_SOCKET, C.SO_LINGER, linger.encode(null, { onoff: 1, linger: 0 })), 0);
    s.close();
    assert.strictEqual(await err, -E.ECONNRESET);
    // reset() does the same in one call.
    const side2 = deferred(5000, 'accept');
    server.onConnection = (x) => side2.resolve(x);
    const c2 = await connectP({ host: '127.0.0.1', port: server.address().port });
    const err2 = deferred(5000, 'reset');
    c2.onData = () => {};
    c2.onError = (e) => err2.resolve(e);
    c2.resume();
    (await side2).reset();
    assert.strictEqual(await err2, -E.ECONNRESET);
    await closeP(c2);
    // The failed stream refuses further writes with the same error.
    const w = deferred(2000, 'write cb');
    c.write('late', (r) => w.resolve(r));
    assert.strictEqual(await w, -E.ECONNRESET);
    await closeP(c);
    await closeP(server);
  });

  it('reports EPIPE (or ECONNRESET) to writes once the peer is gone', async () => {
    const serverSide = deferred(5000, 'accept');
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => serverSide.resolve(s));
    const c = await connectP({ host: '127.0.0.1', port: server.address().port });
    const s = await serverSide;
    await closeP(s);
    await sleep(20);
    const errors = [];
    c.onError = (e) => errors.push(e);
    const results = [];
    for (let i = 0; i < 50 && results.every((r) => r === 0); i++) {
      const w = deferred(2000, 'write cb');
      c.write(Buffer.alloc(1024), (r) => w.resolve(r));
      results.push(await w);
    }
    const last = results[results.length - 1];
    assert.ok(last === -E.EPIPE || last === -E.ECONNRESET, `write result ${last}`);
    assert.ok(errors.length === 1 && errors[0] === last, `onError: ${errors}`);
    await closeP(c);
    await closeP(server);
  });

  it('half-close: end() shuts down the sending side, reading goes on', async () => {
    const serverDone = deferred(5000, 'server side');
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => {
      let got = '';
      s.onData = (d) => { got += d; };
      s.onEnd = () => {
        // The client has ended; we can still send, in several writes.
        s.write('reply-1 ');
        setTimeout(() => {
          s.write(`reply-2 to ${got}`);
          s.end((r) => s.close(() => serverDone.resolve(r)));
        }, 20);
      };
      s.resume();
    });
    const c = await connectP({ host: '127.0.0.1', port: server.address().port });
    const ended = deferred(5000, 'client end');
    let got = '';
    c.onData = (d) => { got += d; };
    c.onEnd = () => ended.resolve(got);
    c.resume();
    c.write('question');
    const endResult = deferred(2000, 'end cb');
    c.end((r) => endResult.resolve(r));
    assert.strictEqual(await endResult, 0);
    assert.strictEqual(c.write('more', () => {}), false, 'no writes after end()');
    assert.strictEqual(await ended, 'reply-1 reply-2 to question');
    assert.strictEqual(await serverDone, 0);
    await closeP(c);
    await closeP(server);
  });

  it('backpressure: a slow reader makes the queue grow, drain fires, every byte arrives', async () => {
    const data = pattern(8 << 20, 42);
    const received = [];
    const serverSide = deferred(5000, 'accept');
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => {
      s.setRecvBufferSize(16384);
      s.onData = (d) => {
        received.push(Buffer.from(d));
        // Read a little, then stop for a while: a slow consumer.
        s.pause();
        setTimeout(() => s.resume(), 1);
      };
      serverSide.resolve(s);
    });
    const c = await connectP({ host: '127.0.0.1', port: server.address().port });
    c.setSendBufferSize(16384);
    const s = await serverSide;
    let falses = 0, drains = 0, maxQueue = 0;
    const finished = deferred(60000, 'transfer');
    let off = 0;
    const pump = () => {
      while (off < data.length) {
        const ok = c.write(data.subarray(off, off + 32768));
        off += 32768;
        maxQueue = Math.max(maxQueue, c.writeQueueSize);
        if (!ok) {
          falses++;
          return;
        }
      }
      c.end();
    };
    c.onDrain = () => {
      drains++;
      assert.strictEqual(c.writeQueueSize, 0);
      pump();
    };
    s.onEnd = () => finished.resolve();
    s.resume();
    pump();
    await finished;
    const all = Buffer.concat(received);
    assert.strictEqual(all.length, data.length);
    assert.strictEqual(sha256(all), sha256(data));
    assert.ok(falses > 0, 'write() returned false at least once');
    assert.ok(drains > 0 && drains === falses, `drains ${drains}, falses ${falses}`);
    assert.ok(maxQueue > c.highWaterMark, `the queue reached ${maxQueue} bytes`);
    await closeP(s);
    await closeP(c);
    await closeP(server);
  });

  it('gives local and remote addresses, and server addresses', async () => {
    for (const [host, family] of [['127.0.0.1', 'IPv4'], ['::1', 'IPv6']]) {
      const serverSide = deferred(5000, 'accept');
      const server = aio.listen({ host, port: 0 }, (s) => serverSide.resolve(s));
      const a = server.address();
      assert.strictEqual(a.address, host);
      assert.strictEqual(a.family, family);
      assert.ok(a.port > 0);
      const c = await connectP({ host, port: a.port });
      const s = await serverSide;
      const local = c.address(), remote = c.remoteAddress();
      assert.deepStrictEqual([remote.address, remote.family, remote.port], [host, family, a.port]);
      assert.deepStrictEqual(s.remoteAddress().port, local.port);
      assert.strictEqual(s.address().port, a.port);
      await Promise.all([c, s, server].map(closeP));
      assert.strictEqual(c.address(), -E.EBADF);
    }
    const path = tmpPath('addr.sock');
    const serverSide = deferred(5000, 'accept');
    const server = aio.listen({ path }, (s) => serverSide.resolve(s));
    assert.strictEqual(server.address().path, path);
    const c = await connectP({ path });
    assert.strictEqual(c.remoteAddress().path, path);
    assert.strictEqual(c.address().path, '');
    const s = await serverSide;
    assert.strictEqual(s.address().path, path);
    await Promise.all([c, s, server].map(closeP));
  });

  it('listen errors come back as -errno: EADDRINUSE, EINVAL', async () => {
    const a = aio.listen({ host: '127.0.0.1', port: 0 }, () => {});
    assert.strictEqual(aio.listen({ host: '127.0.0.1', port: a.address().port }, () => {}), -E.EADDRINUSE);
    assert.strictEqual(aio.listen({ host: 'not-an-address', port: 0 }, () => {}), -E.EINVAL);
    const path = tmpPath('inuse.sock');
    const u = aio.listen({ path }, () => {});
    assert.strictEqual(aio.listen({ path }, () => {}), -E.EADDRINUSE);
    assert.ok(fs.existsSync(path), 'a failed listen leaves the other server\'s path alone');
    await closeP(a);
    await closeP(u);
    assert.throws(() => aio.listen({ host: '127.0.0.1', port: 70000 }, () => {}), TypeError);
  });

  it('sets socket options: SO_REUSEADDR on listeners, TCP_NODELAY, SO_KEEPALIVE, buffer sizes', async () => {
    const serverSide = deferred(5000, 'accept');
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => serverSide.resolve(s));
    assert.strictEqual(getsockopt_int(server.fd, C.SOL_SOCKET, C.SO_REUSEADDR), 1);
    const c = await connectP({ host: '127.0.0.1', port: server.address().port, noDelay: true, keepAlive: true, keepAliveInitialDelay: 30 });
    assert.strictEqual(c.getOption(C.IPPROTO_TCP, C.TCP_NODELAY), 1);
    assert.strictEqual(c.getOption(C.SOL_SOCKET, C.SO_KEEPALIVE), 1);
    assert.strictEqual(c.getOption(C.IPPROTO_TCP, C.TCP_KEEPIDLE), 30);
    assert.strictEqual(c.setNoDelay(false), 0);
    assert.strictEqual(c.getOption(C.IPPROTO_TCP, C.TCP_NODELAY), 0);
    assert.strictEqual(c.setKeepAlive(false), 0);
    assert.strictEqual(c.getOption(C.SOL_SOCKET, C.SO_KEEPALIVE), 0);
    assert.strictEqual(c.setRecvBufferSize(65536), 0);
    assert.strictEqual(c.getRecvBufferSize(), 131072, 'the kernel doubles SO_RCVBUF');
    assert.strictEqual(c.setSendBufferSize(65536), 0);
    assert.strictEqual(c.getSendBufferSize(), 131072);
    await Promise.all([c, await serverSide, server].map(closeP));
  });

  it('IPV6_V6ONLY: dual-stack by default, IPv6 only on request', async () => {
    const dual = aio.listen({ host: '::', port: 0 }, (s) => s.close());
    assert.strictEqual(getsockopt_int(dual.fd, C.IPPROTO_IPV6, C.IPV6_V6ONLY), 0);
    const c = await connectP({ host: '127.0.0.1', port: dual.address().port });
    await closeP(c);
    await closeP(dual);
    const only = aio.listen({ host: '::', port: 0, ipv6Only: true }, (s) => s.close());
    assert.strictEqual(getsockopt_int(only.fd, C.IPPROTO_IPV6, C.IPV6_V6ONLY), 1);
    const r = deferred(3000, 'connect');
    const c4 = aio.connect({ host: '127.0.0.1', port: only.address().port }, (e) => r.resolve(e));
    assert.strictEqual(await r, -E.ECONNREFUSED);
    await closeP(c4);
    await closeP(only);
  });

  it('an unref\'d connection and server do not keep the loop alive; ref() restores it', async () => {
    const loop = aio.getLoop();
    const server = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => s.close());
    const base = loop.refCount;
    server.unref();
    assert.strictEqual(loop.refCount, base - 1);
    server.ref();
    assert.strictEqual(loop.refCount, base);
    await closeP(server);
  });

  it('after all of the above, the process has exactly the fds it started with', async () => {
    await sleep(20);
    assert.strictEqual(fdCount(), baseline);
  });
});
