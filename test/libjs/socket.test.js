'use strict';
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const L = require('../../libjs');
const { tmpdir } = require('./helpers');

const { E } = L;

// sockaddr_in: family u16, port u16 BE, addr u32 BE, 8 bytes of zero.
function in4(port = 0, addr = 0x7f000001) {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(L.AF_INET, 0);
  b.writeUInt16BE(port, 2);
  b.writeUInt32BE(addr >>> 0, 4);
  return b;
}

// sockaddr_in6: family u16, port u16 BE, flowinfo u32, addr 16 bytes, scope u32.
function in6(port = 0, last = 1) {
  const b = Buffer.alloc(28);
  b.writeUInt16LE(L.AF_INET6, 0);
  b.writeUInt16BE(port, 2);
  b[8 + 15] = last; // ::1
  return b;
}

function un(path) {
  const b = Buffer.alloc(2 + Buffer.byteLength(path) + 1);
  b.writeUInt16LE(L.AF_UNIX, 0);
  b.write(path, 2);
  return b;
}

function tcpListener(family = L.AF_INET) {
  const fd = L.socket(family, L.SOCK_STREAM | L.SOCK_CLOEXEC, 0);
  assert.ok(fd >= 0);
  assert.strictEqual(L.setsockopt_int(fd, L.SOL_SOCKET, L.SO_REUSEADDR, 1), 0);
  assert.strictEqual(L.bind(fd, family === L.AF_INET ? in4() : in6()), 0);
  assert.strictEqual(L.listen(fd, 16), 0);
  const addr = Buffer.alloc(128);
  const len = L.getsockname(fd, addr);
  return { fd, port: addr.readUInt16BE(2), addr: addr.subarray(0, len) };
}

describe('libjs/socket', () => {
  const open = [];
  const track = (fd) => {
    open.push(fd);
    return fd;
  };
  afterEach(() => {
    while (open.length) L.close(open.pop());
  });

  it('socket: stream, datagram; EAFNOSUPPORT, EINVAL', () => {
    const s = track(L.socket(L.AF_INET, L.SOCK_STREAM | L.SOCK_NONBLOCK | L.SOCK_CLOEXEC, 0));
    assert.ok(s >= 0);
    assert.ok(L.fcntl(s, L.F_GETFL) & L.O_NONBLOCK);
    assert.strictEqual(L.getsockopt_int(s, L.SOL_SOCKET, L.SO_TYPE), L.SOCK_STREAM);
    assert.strictEqual(L.getsockopt_int(s, L.SOL_SOCKET, L.SO_DOMAIN), L.AF_INET);
    const u = track(L.socket(L.AF_INET6, L.SOCK_DGRAM, 0));
    assert.strictEqual(L.getsockopt_int(u, L.SOL_SOCKET, L.SO_PROTOCOL), L.IPPROTO_UDP);
    assert.strictEqual(L.socket(9999, L.SOCK_STREAM, 0), -E.EAFNOSUPPORT);
    assert.strictEqual(L.socket(L.AF_INET, 99, 0), -E.EINVAL);
  });

  it('bind, listen, connect, accept4, getsockname, getpeername on IPv4 loopback', () => {
    const srv = tcpListener();
    track(srv.fd);
    const c = track(L.socket(L.AF_INET, L.SOCK_STREAM | L.SOCK_CLOEXEC, 0));
    assert.strictEqual(L.connect(c, in4(srv.port)), 0);
    const peer = Buffer.alloc(64), plen = new Uint32Array(1);
    const a = track(L.accept4(srv.fd, peer, plen, L.SOCK_CLOEXEC | L.SOCK_NONBLOCK));
    assert.ok(a >= 0);
    assert.strictEqual(plen[0], 16);
    assert.ok(L.fcntl(a, L.F_GETFL) & L.O_NONBLOCK);
    const mine = Buffer.alloc(16);
    assert.strictEqual(L.getsockname(c, mine), 16);
    assert.deepStrictEqual(peer.subarray(0, 16), mine, 'accept saw the client\'s address');
    const theirs = Buffer.alloc(32);
    assert.strictEqual(L.getpeername(c, theirs), 16);
    assert.strictEqual(theirs.readUInt16BE(2), srv.port);
    L.fcntl(srv.fd, L.F_SETFL, L.O_NONBLOCK);
    assert.strictEqual(L.accept4(srv.fd, null, null, 0), -E.EAGAIN, 'no second connection');
  });

  it('connect to a Node server: the addresses Node reports', async () => {
    const server = net.createServer();
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const seen = new Promise((r) => server.once('connection', (s) => r([s.remoteAddress, s.remotePort, s])));
    const c = track(L.socket(L.AF_INET, L.SOCK_STREAM, 0));
    assert.strictEqual(L.connect(c, in4(server.address().port)), 0);
    const [addr, port, sock] = await seen;
    const mine = Buffer.alloc(16);
    L.getsockname(c, mine);
    assert.strictEqual(addr, '127.0.0.1');
    assert.strictEqual(port, mine.readUInt16BE(2));
    const got = new Promise((r) => sock.once('data', r));
    assert.strictEqual(L.send(c, Buffer.from('to node'), 7, 0), 7);
    assert.strictEqual(String(await got), 'to node');
    sock.destroy();
    server.close();
  });

  it('IPv6 loopback, and a Unix socket path', () => {
    const srv = tcpListener(L.AF_INET6);
    track(srv.fd);
    assert.strictEqual(srv.addr.length, 28);
    const c = track(L.socket(L.AF_INET6, L.SOCK_STREAM, 0));
    assert.strictEqual(L.connect(c, in6(srv.port)), 0);
    const a = track(L.accept(srv.fd, null, null));
    assert.ok(a >= 0);
    const t = tmpdir();
    try {
      const path = t.file('s.sock');
      const u = track(L.socket(L.AF_UNIX, L.SOCK_STREAM, 0));
      assert.strictEqual(L.bind(u, un(path)), 0);
      assert.ok(fs.statSync(path).isSocket());
      const back = Buffer.alloc(110);
      assert.strictEqual(L.getsockname(u, back), 2 + Buffer.byteLength(path) + 1);
      assert.strictEqual(back.toString('utf8', 2, 2 + Buffer.byteLength(path)), path);
      assert.strictEqual(L.bind(track(L.socket(L.AF_UNIX, L.SOCK_STREAM, 0)), un(path)), -E.EADDRINUSE);
    } finally {
      t.cleanup();
    }
  });

  it('connect: ECONNREFUSED; bind: EADDRINUSE, EINVAL; listen, accept: EINVAL/ENOTSOCK', () => {
    const probe = track(L.socket(L.AF_INET, L.SOCK_STREAM, 0));
    L.bind(probe, in4());
    const a = Buffer.alloc(16);
    L.getsockname(probe, a);
    const freePort = a.readUInt16BE(2);
    const c = track(L.socket(L.AF_INET, L.SOCK_STREAM, 0));
    assert.strictEqual(L.connect(c, in4(freePort)), -E.ECONNREFUSED);
    const srv = tcpListener();
    track(srv.fd);
    assert.strictEqual(L.bind(track(L.socket(L.AF_INET, L.SOCK_STREAM, 0)), in4(srv.port)), -E.EADDRINUSE);
    assert.strictEqual(L.bind(track(L.socket(L.AF_INET, L.SOCK_STREAM, 0)), in4(), 4), -E.EINVAL);
    assert.strictEqual(L.accept4(probe, null, null, 0), -E.EINVAL, 'not listening');
    const f = track(L.open(__filename, L.O_RDONLY));
    assert.strictEqual(L.listen(f, 1), -E.ENOTSOCK);
    assert.strictEqual(L.getsockname(f, Buffer.alloc(16)), -E.ENOTSOCK);
    assert.strictEqual(L.getpeername(probe, Buffer.alloc(16)), -E.ENOTCONN);
    assert.throws(() => L.bind(probe, in4(), 17), /addrlen 17/);
    assert.throws(() => L.connect(probe, 'addr'), /addr must be a buffer/);
  });

  it('getsockopt, setsockopt, and their int forms', () => {
    const s = track(L.socket(L.AF_INET, L.SOCK_STREAM, 0));
    assert.strictEqual(L.setsockopt_int(s, L.IPPROTO_TCP, L.TCP_NODELAY, 1), 0);
    assert.strictEqual(L.getsockopt_int(s, L.IPPROTO_TCP, L.TCP_NODELAY), 1);
    assert.strictEqual(L.setsockopt(s, L.SOL_SOCKET, L.SO_RCVBUF, new Int32Array([65536])), 0);
    const v = new Int32Array(1);
    assert.strictEqual(L.getsockopt(s, L.SOL_SOCKET, L.SO_RCVBUF, v), 4);
    assert.strictEqual(v[0], 131072, 'the kernel doubles it');
    const linger = new Int32Array([1, 5]);
    assert.strictEqual(L.setsockopt(s, L.SOL_SOCKET, L.SO_LINGER, linger), 0);
    const back = new Int32Array(4);
    assert.strictEqual(L.getsockopt(s, L.SOL_SOCKET, L.SO_LINGER, back), 8);
    assert.deepStrictEqual([...back.subarray(0, 2)], [1, 5]);
    assert.strictEqual(L.getsockopt_int(s, L.SOL_SOCKET, L.SO_ERROR), 0);
    assert.strictEqual(L.getsockopt_int(s, L.SOL_SOCKET, 9999), -E.ENOPROTOOPT);
    assert.strictEqual(L.setsockopt_int(s, L.SOL_SOCKET, 9999, 1), -E.ENOPROTOOPT);
    assert.strictEqual(L.setsockopt(s, L.SOL_SOCKET, L.SO_LINGER, linger, 2), -E.EINVAL);
    assert.strictEqual(L.getsockopt(-1, L.SOL_SOCKET, L.SO_ERROR, v), -E.EBADF);
    assert.throws(() => L.setsockopt(s, L.SOL_SOCKET, L.SO_LINGER, linger, 9), TypeError);
    assert.throws(() => L.getsockopt(s, L.SOL_SOCKET, L.SO_LINGER, 8), TypeError);
  });

  it('sendto, recvfrom on UDP loopback; EAGAIN; MSG_PEEK', () => {
    const a = track(L.socket(L.AF_INET, L.SOCK_DGRAM, 0));
    const b = track(L.socket(L.AF_INET, L.SOCK_DGRAM, 0));
    assert.strictEqual(L.bind(a, in4()), 0);
    const aAddr = Buffer.alloc(16);
    L.getsockname(a, aAddr);
    assert.strictEqual(L.sendto(b, Buffer.from('xxdatagram'), 8, 0, aAddr, undefined, 2), 8);
    const buf = Buffer.alloc(32), from = Buffer.alloc(32), fromLen = new Uint32Array(1);
    assert.strictEqual(L.recv(a, buf, 32, L.MSG_PEEK), 8);
    assert.strictEqual(L.recvfrom(a, buf, 30, 0, from, fromLen, 2), 8);
    assert.strictEqual(buf.toString('utf8', 2, 10), 'datagram');
    assert.strictEqual(fromLen[0], 16);
    const bAddr = Buffer.alloc(16);
    L.getsockname(b, bAddr); // 0.0.0.0 and the port the send bound it to
    assert.deepStrictEqual(from.subarray(0, 16), in4(bAddr.readUInt16BE(2)));
    assert.strictEqual(L.recvfrom(a, buf, 32, L.MSG_DONTWAIT, null, null), -E.EAGAIN);
    assert.strictEqual(L.sendto(b, buf, 1, 0, null), -E.EDESTADDRREQ);
    assert.throws(() => L.sendto(b, buf, 33, 0, aAddr), TypeError);
    assert.throws(() => L.recvfrom(a, buf, 1, 0, from, [0]), /addrlen must be a Uint32Array/);
  });

  it('socketpair, send, recv, shutdown', () => {
    const sv = new Int32Array(2);
    assert.strictEqual(L.socketpair(L.AF_UNIX, L.SOCK_STREAM | L.SOCK_CLOEXEC, 0, sv), 0);
    track(sv[0]);
    track(sv[1]);
    assert.strictEqual(L.send(sv[0], Buffer.from('ping'), 4, L.MSG_NOSIGNAL), 4);
    const b = Buffer.alloc(8);
    assert.strictEqual(L.recv(sv[1], b, 8, 0), 4);
    assert.strictEqual(L.shutdown(sv[0], L.SHUT_WR), 0);
    assert.strictEqual(L.recv(sv[1], b, 8, 0), 0, 'EOF after the peer\'s shutdown');
    assert.strictEqual(L.send(sv[0], b, 1, L.MSG_NOSIGNAL), -E.EPIPE);
    assert.strictEqual(L.socketpair(L.AF_INET, L.SOCK_STREAM, 0, sv), -E.EOPNOTSUPP);
    const lone = track(L.socket(L.AF_INET, L.SOCK_STREAM, 0));
    assert.strictEqual(L.shutdown(lone, L.SHUT_RDWR), -E.ENOTCONN);
    assert.throws(() => L.socketpair(L.AF_UNIX, L.SOCK_STREAM, 0, new Int32Array(1)), TypeError);
  });

  it('sendmsg, recvmsg: scattered buffers and an fd passed with SCM_RIGHTS', () => {
    const sv = new Int32Array(2);
    assert.strictEqual(L.socketpair(L.AF_UNIX, L.SOCK_DGRAM, 0, sv), 0);
    track(sv[0]);
    track(sv[1]);
    const file = track(L.open(__filename, L.O_RDONLY));
    // cmsghdr: len u64 = 16 + 4, level i32, type i32, then the int fd; CMSG_SPACE(4) = 24.
    const control = Buffer.alloc(24);
    control.writeBigUInt64LE(20n, 0);
    control.writeInt32LE(L.SOL_SOCKET, 8);
    control.writeInt32LE(L.SCM_RIGHTS, 12);
    control.writeInt32LE(file, 16);
    assert.strictEqual(L.sendmsg(sv[0], [Buffer.from('fd '), Buffer.from('inside')], 0, null, control), 9);
    const a = Buffer.alloc(3), b = Buffer.alloc(16), rc = Buffer.alloc(64), out = new Uint32Array(3);
    assert.strictEqual(L.recvmsg(sv[1], [a, b], L.MSG_CMSG_CLOEXEC, null, rc, out), 9);
    assert.strictEqual(a.toString() + b.toString('utf8', 0, 6), 'fd inside');
    assert.strictEqual(out[1], 24, 'msg_controllen');
    assert.strictEqual(rc.readInt32LE(12), L.SCM_RIGHTS);
    const got = track(rc.readInt32LE(16));
    assert.notStrictEqual(got, file);
    assert.strictEqual(fs.fstatSync(got).ino, fs.fstatSync(file).ino);
    assert.strictEqual(L.fcntl(got, L.F_GETFD), L.FD_CLOEXEC);
    // A datagram longer than the buffers: MSG_TRUNC in msg_flags.
    assert.strictEqual(L.sendmsg(sv[0], Buffer.from('0123456789')), 10);
    assert.strictEqual(L.recvmsg(sv[1], [Buffer.alloc(4)], 0, null, null, out), 4);
    assert.ok(out[2] & L.MSG_TRUNC);
    assert.strictEqual(L.recvmsg(sv[1], [a], L.MSG_DONTWAIT), -E.EAGAIN);
    assert.strictEqual(L.sendmsg(-1, [a]), -E.EBADF);
    assert.throws(() => L.recvmsg(sv[1], [a], 0, null, null, new Uint32Array(2)), /out must be/);
    assert.throws(() => L.sendmsg(sv[0], [a], 0, 'name'), /name must be a buffer/);
  });

  it('sendmsg with a destination address (UDP)', () => {
    const a = track(L.socket(L.AF_INET, L.SOCK_DGRAM, 0));
    const b = track(L.socket(L.AF_INET, L.SOCK_DGRAM, 0));
    L.bind(a, in4());
    const addr = Buffer.alloc(16);
    L.getsockname(a, addr);
    assert.strictEqual(L.sendmsg(b, [Buffer.from('hi')], 0, addr), 2);
    const from = Buffer.alloc(16), out = new Uint32Array(3), buf = Buffer.alloc(4);
    assert.strictEqual(L.recvmsg(a, [buf], 0, from, null, out), 2);
    assert.strictEqual(out[0], 16);
    const bAddr = Buffer.alloc(16);
    L.getsockname(b, bAddr);
    assert.deepStrictEqual(from, in4(bAddr.readUInt16BE(2)));
  });
});
