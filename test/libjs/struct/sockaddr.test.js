'use strict';
// Socket address codecs round-tripped through the kernel: bind, then
// getsockname, then decode; text forms compared with Node's net module.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { spawnSync } = require('child_process');
const { syscall } = require('libsys');
const nr = require('../../../libjs/sysnr');
const c = require('../../../libjs/constants');
const { EINVAL, ENAMETOOLONG, EADDRINUSE } = require('../../../libjs/errno');
const { sockaddr, sockaddr_in, sockaddr_in6, sockaddr_un, sockaddr_nl, inet } = require('../../../libjs/struct');

function sock(domain, type) {
  const fd = syscall(nr.socket, domain, type | c.SOCK_CLOEXEC, 0);
  assert.ok(fd >= 0, `socket: ${fd}`);
  return fd;
}
function getsockname(fd) {
  const buf = Buffer.alloc(sockaddr.STORAGE_SIZE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(buf.length);
  assert.strictEqual(syscall(nr.getsockname, fd, buf, len), 0);
  return sockaddr.decode(buf, len.readUInt32LE());
}

describe('libjs/struct sockaddr', () => {
  const fds = [];
  let dir;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-sa-')); });
  afterEach(() => { while (fds.length) syscall(nr.close, fds.pop()); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sockaddr_in: bind 127.0.0.1 port 0, the kernel picks a port', () => {
    const fd = sock(c.AF_INET, c.SOCK_STREAM);
    fds.push(fd);
    const sa = Buffer.alloc(16);
    assert.strictEqual(sockaddr_in.encode(sa, '127.0.0.1', 0), 16);
    assert.strictEqual(syscall(nr.bind, fd, sa, 16), 0);
    const got = getsockname(fd);
    assert.strictEqual(got.family, c.AF_INET);
    assert.strictEqual(got.address, '127.0.0.1');
    assert.ok(got.port > 0 && got.port < 65536);
    // Encoding what was decoded gives the kernel's bytes back.
    const again = Buffer.alloc(16);
    sockaddr_in.encode(again, got.address, got.port);
    assert.deepStrictEqual(sockaddr_in.decode(again), got);
  });

  it('sockaddr_in: a port in network byte order, a fixed port', async () => {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address();
    try {
      const fd = sock(c.AF_INET, c.SOCK_STREAM);
      fds.push(fd);
      const sa = Buffer.alloc(16);
      sockaddr_in.encode(sa, '127.0.0.1', port);
      assert.strictEqual(sa.readUInt16BE(2), port);
      assert.strictEqual(syscall(nr.connect, fd, sa, 16), 0);
      const peer = Buffer.alloc(16), len = Buffer.alloc(4);
      len.writeUInt32LE(16);
      assert.strictEqual(syscall(nr.getpeername, fd, peer, len), 0);
      assert.deepStrictEqual(sockaddr_in.decode(peer), { family: c.AF_INET, address: '127.0.0.1', port });
    } finally {
      server.close();
    }
  });

  it('sockaddr_in6: ::1, and the flow info is carried in network order', () => {
    const fd = sock(c.AF_INET6, c.SOCK_DGRAM);
    fds.push(fd);
    const sa = Buffer.alloc(28);
    assert.strictEqual(sockaddr_in6.encode(sa, '::1', 0, 0x12345), 28);
    assert.strictEqual(sa.readUInt32BE(4), 0x12345);
    assert.strictEqual(syscall(nr.bind, fd, sa, 28), 0);
    const got = getsockname(fd);
    assert.strictEqual(got.family, c.AF_INET6);
    assert.strictEqual(got.address, '::1');
    assert.strictEqual(got.scopeId, 0);
    assert.ok(got.port > 0);
  });

  it('sockaddr_in6: a scope id on a link-local address (own network namespace)', function () {
    this.timeout(20000);
    const ns = `libjs-test-${process.pid}`;
    const ip = (...args) => spawnSync('ip', args, { encoding: 'utf8', timeout: 5000 });
    const probe = ip('-V');
    if (probe.status !== 0 || process.getuid() !== 0) {
      console.log(`      (skipped: needs root and iproute2's ip: ${probe.error ? probe.error.message : `uid ${process.getuid()}`})`);
      return this.skip();
    }
    const add = ip('netns', 'add', ns);
    if (add.status !== 0) {
      console.log(`      (skipped: cannot make a network namespace: ${add.stderr.trim()})`);
      return this.skip();
    }
    try {
      for (const args of [['link', 'add', 'lj0', 'type', 'veth', 'peer', 'name', 'lj1'], ['link', 'set', 'lj0', 'up'],
        ['link', 'set', 'lj1', 'up'], ['addr', 'add', 'fe80::1234/64', 'dev', 'lj0', 'nodad']]) {
        const r = ip('-n', ns, ...args);
        assert.strictEqual(r.status, 0, `ip ${args.join(' ')}: ${r.stderr}`);
      }
      const idx = ip('netns', 'exec', ns, 'cat', '/sys/class/net/lj0/ifindex');
      const ifindex = Number(idx.stdout.trim());
      assert.ok(ifindex > 0);
      const child = path.join(__dirname, 'sockaddr-child.js');
      const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, child, 'fe80::1234', String(ifindex)],
        { encoding: 'utf8', timeout: 10000 });
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.strictEqual(out.len, 28);
      assert.strictEqual(out.bind, 0);
      assert.strictEqual(out.addr.address, 'fe80::1234');
      assert.strictEqual(out.addr.scopeId, ifindex);
      assert.strictEqual(out.bindNoScope, -EINVAL);
    } finally {
      ip('netns', 'del', ns);
    }
  });

  it('sockaddr_in6: a numeric zone in the text sets the scope id; names are refused', () => {
    const sa = Buffer.alloc(28);
    assert.strictEqual(sockaddr_in6.encode(sa, 'fe80::1%7', 80), 28);
    assert.deepStrictEqual(sockaddr_in6.decode(sa), { family: c.AF_INET6, address: 'fe80::1', port: 80, flowinfo: 0, scopeId: 7 });
    assert.strictEqual(sockaddr_in6.encode(sa, 'fe80::1%eth0', 80), -EINVAL);
    assert.strictEqual(sockaddr_in6.encode(sa, 'nope', 80), -EINVAL);
    assert.strictEqual(sockaddr_in.encode(Buffer.alloc(16), '1.2.3', 80), -EINVAL);
  });

  it('sockaddr_un: a filesystem path round-trips, addrlen counts the NUL', () => {
    const fd = sock(c.AF_UNIX, c.SOCK_STREAM);
    fds.push(fd);
    const p = path.join(dir, 'sock-é');
    const sa = Buffer.alloc(sockaddr_un.SIZE);
    const len = sockaddr_un.encode(sa, p);
    assert.strictEqual(len, 2 + Buffer.byteLength(p) + 1);
    assert.strictEqual(syscall(nr.bind, fd, sa, len), 0);
    assert.ok(fs.statSync(p).isSocket());
    assert.deepStrictEqual(getsockname(fd), { family: c.AF_UNIX, path: p, abstract: false });
  });

  it('sockaddr_un: an abstract name is length-counted, NULs and all', () => {
    const fd = sock(c.AF_UNIX, c.SOCK_DGRAM);
    fds.push(fd);
    const name = `\0libjs-test-${process.pid}\0x`;
    const sa = Buffer.alloc(sockaddr_un.SIZE);
    const len = sockaddr_un.encode(sa, name);
    assert.strictEqual(len, 2 + Buffer.byteLength(name));
    assert.strictEqual(syscall(nr.bind, fd, sa, len), 0);
    const got = getsockname(fd);
    assert.deepStrictEqual(got, { family: c.AF_UNIX, path: name, abstract: true });
    // A second socket cannot take the same abstract name.
    const fd2 = sock(c.AF_UNIX, c.SOCK_DGRAM);
    fds.push(fd2);
    assert.strictEqual(syscall(nr.bind, fd2, sa, len), -EADDRINUSE);
  });

  it('sockaddr_un: autobind and unnamed sockets', () => {
    const fd = sock(c.AF_UNIX, c.SOCK_DGRAM);
    fds.push(fd);
    assert.deepStrictEqual(getsockname(fd), { family: c.AF_UNIX, path: '', abstract: false });
    const sa = Buffer.alloc(sockaddr_un.SIZE);
    assert.strictEqual(sockaddr_un.encode(sa, ''), 2);
    assert.strictEqual(syscall(nr.bind, fd, sa, 2), 0); // Linux autobinds a 5-hex-digit abstract name
    const got = getsockname(fd);
    assert.strictEqual(got.abstract, true);
    assert.match(got.path, /^\0[0-9a-f]{5}$/);
  });

  it('sockaddr_un: too long and embedded NUL are errors, Buffers pass raw bytes', () => {
    const sa = Buffer.alloc(sockaddr_un.SIZE);
    assert.strictEqual(sockaddr_un.encode(sa, 'x'.repeat(107)), 110);
    assert.strictEqual(sockaddr_un.encode(sa, 'x'.repeat(108)), -ENAMETOOLONG);
    assert.strictEqual(sockaddr_un.encode(sa, `\0${'x'.repeat(107)}`), 110);
    assert.strictEqual(sockaddr_un.encode(sa, 'a\0b'), -EINVAL);
    const raw = Buffer.from([0x2f, 0x74, 0xff, 0xfe]);
    assert.strictEqual(sockaddr_un.encode(sa, raw), 7);
    assert.deepStrictEqual(sockaddr_un.pathBytes(sa, 7), raw);
    assert.throws(() => sockaddr_un.encode(sa, 42), TypeError);
    assert.throws(() => sockaddr_un.encode(Buffer.alloc(20), '/x'), TypeError);
  });

  it('sockaddr_nl: bind a netlink socket, the kernel assigns the port id', () => {
    const fd = sock(c.AF_NETLINK, c.SOCK_RAW);
    fds.push(fd);
    const sa = Buffer.alloc(12);
    assert.strictEqual(sockaddr_nl.encode(sa, 0, 0), 12);
    assert.strictEqual(syscall(nr.bind, fd, sa, 12), 0);
    const got = getsockname(fd);
    assert.strictEqual(got.family, c.AF_NETLINK);
    assert.ok(got.pid > 0);
    assert.strictEqual(got.groups, 0);
  });

  it('decode by family: short and unknown addresses', () => {
    assert.deepStrictEqual(sockaddr.decode(Buffer.alloc(16), 0), { family: 0 });
    const b = Buffer.from([99, 0, 1, 2, 3]);
    assert.deepStrictEqual(sockaddr.decode(b, 5), { family: 99, data: Buffer.from([1, 2, 3]) });
  });

  describe('inet text forms', () => {
    const v6 = ['::', '::1', '1::', '1:2:3:4:5:6:7:8', 'fe80::1', '::ffff:1.2.3.4', '::1.2.3.4', '1:0:0:1:0:0:0:1',
      '1:0:0:2:0:0:1:1', '2001:db8::ff00:42:8329', '0:0:0:0:0:0:0:0', '::0:1', 'FFFF::', '::ffff:0:0', '::ffff',
      '64:ff9b::1.2.3.4', '1:2:3:4:5:6:1.2.3.4', '2001:0db8:0000:0000:0000:0000:0000:0001', '1:0:0:0:1::'];
    it('IPv6 text parses where Node says it is IPv6, and prints as the kernel/libuv print it', async () => {
      // Ground truth for the printed form: Node's own (libuv inet_ntop) through a real socket.
      const dgram = require('dgram');
      for (const s of v6) {
        assert.ok(net.isIPv6(s));
        const b = Buffer.alloc(16);
        assert.ok(inet.parse6(s, b, 0), s);
        const printed = inet.format6(b, 0);
        const back = Buffer.alloc(16);
        assert.ok(inet.parse6(printed, back, 0));
        assert.deepStrictEqual(back, b, s);
      }
      for (const s of ['::1', 'fe80::1234%lo', '::ffff:127.0.0.1']) {
        const sock6 = dgram.createSocket('udp6');
        const ok = await new Promise((res) => {
          sock6.once('error', () => res(false));
          sock6.bind(0, s, () => res(true));
        });
        if (ok) {
          const addr = sock6.address().address;
          const b = Buffer.alloc(16);
          inet.parse6(s.split('%')[0], b, 0);
          assert.strictEqual(inet.format6(b, 0), addr, s);
        }
        sock6.close();
      }
    });
    it('canonical forms (RFC 5952 as inet_ntop prints)', () => {
      const cases = {
        '2001:0db8:0000:0000:0000:0000:0000:0001': '2001:db8::1', '1:0:0:1:0:0:0:1': '1:0:0:1::1',
        '1:0:0:2:0:0:1:1': '1::2:0:0:1:1', '0:0:0:0:0:ffff:102:304': '::ffff:1.2.3.4', 'FFFF::': 'ffff::',
        '1:0:2:3:4:5:6:7': '1:0:2:3:4:5:6:7', '::ffff:0:0': '::ffff:0.0.0.0',
      };
      for (const [i, o] of Object.entries(cases)) {
        const b = Buffer.alloc(16);
        assert.ok(inet.parse6(i, b, 0));
        assert.strictEqual(inet.format6(b, 0), o);
      }
    });
    it('refuses what Node refuses', () => {
      for (const s of ['', ':', ':::', '1:2', '1::2::3', '12345::', 'g::', '1:2:3:4:5:6:7:8:9', '::1.2.3', '1.2.3.4::',
        ':1::', '1::2:', '1:2:3:4:5:6:7:1.2.3.4', '::01.2.3.4']) {
        assert.ok(!net.isIPv6(s), s);
        assert.strictEqual(inet.parse6(s, Buffer.alloc(16), 0), false, s);
      }
      for (const s of ['01.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', ' 1.2.3.4', '1.2.3.4 ']) {
        assert.ok(!net.isIPv4(s), s);
        assert.strictEqual(inet.parse4(s, Buffer.alloc(4), 0), false, s);
      }
    });
  });
});
