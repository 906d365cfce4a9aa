'use strict';
// Child for sockaddr.test.js, run inside a network namespace of the test's
// own: binds a UDP socket to a link-local IPv6 address with a scope id through
// the codec and prints what getsockname gives back, as JSON.
const { syscall } = require('libsys');
const nr = require('../../../libjs/sysnr');
const c = require('../../../libjs/constants');
const { sockaddr_in6, sockaddr } = require('../../../libjs/struct');

const [address, ifindex] = [process.argv[2], Number(process.argv[3])];
const fd = syscall(nr.socket, c.AF_INET6, c.SOCK_DGRAM | c.SOCK_CLOEXEC, 0);
const sa = Buffer.alloc(sockaddr_in6.SIZE);
const len = sockaddr_in6.encode(sa, address, 0, 0, ifindex);
const out = { len, bind: syscall(nr.bind, fd, sa, len) };
const got = Buffer.alloc(128);
const lenBuf = Buffer.alloc(4);
lenBuf.writeUInt32LE(128);
out.getsockname = syscall(nr.getsockname, fd, got, lenBuf);
out.addr = sockaddr.decode(got, lenBuf.readUInt32LE());
// Without the scope id the kernel refuses a link-local bind (EINVAL).
const noScope = Buffer.alloc(sockaddr_in6.SIZE);
sockaddr_in6.encode(noScope, address, 0);
const fd2 = syscall(nr.socket, c.AF_INET6, c.SOCK_DGRAM | c.SOCK_CLOEXEC, 0);
out.bindNoScope = syscall(nr.bind, fd2, noScope, 28);
syscall(nr.close, fd);
syscall(nr.close, fd2);
process.stdout.write(JSON.stringify(out));
