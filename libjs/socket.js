// libjs: <sys/socket.h>: sockets. Addresses are caller buffers holding a
// sockaddr (libjs/struct encodes them); an address's length is the buffer's
// byteLength unless given. Where the kernel writes an address back, the
// length it reports is returned (getsockname) or stored in `addrlen`.
'use strict';
const { syscall, regs, sysr } = require('./sys');
const nr = require('./sysnr');
const { fail, span, checkSpan, spanAddress, need, isBuffer, typeName, addressAt } = require('./args');
const { build, count } = require('./iov');

const EINTR = -4;
const TWO32 = 4294967296;

// The socklen_t the kernel reads (capacity) and writes back (actual length).
const lenScratch = new Uint32Array(1);
// An int option's value for getsockopt_int/setsockopt_int.
const intScratch = new Int32Array(2);

// An address argument's length: the buffer's byteLength, or `len` when given
// (and then checked against it).
function addrLen(fn, addr, len) {
  if (!isBuffer(addr)) fail(fn, `addr must be a buffer holding a sockaddr, got ${typeName(addr)}`);
  if (len === undefined) return addr.byteLength;
  if (typeof len !== 'number' || !Number.isInteger(len) || len < 0 || len > addr.byteLength)
    fail(fn, `addrlen ${len} must be an integer from 0 to the buffer's ${addr.byteLength} bytes`);
  return len;
}

// The socklen_t for an out-address: filled in with the buffer's size, so the
// kernel never writes past it. `out`: null, or a Uint32Array/Int32Array whose
// [0] receives the length the kernel reports (which can exceed the buffer
// when the address was cut short).
function outLen(fn, addr, out) {
  if (out !== null && out !== undefined && !(out instanceof Uint32Array || out instanceof Int32Array))
    fail(fn, `addrlen must be a Uint32Array, an Int32Array or null, got ${typeName(out)}`);
  if (addr === null || addr === undefined) {
    lenScratch[0] = 0;
    return null;
  }
  if (!isBuffer(addr)) fail(fn, `addr must be a buffer or null, got ${typeName(addr)}`);
  lenScratch[0] = addr.byteLength;
  return lenScratch;
}

function report(out) {
  if (out !== null && out !== undefined) out[0] = lenScratch[0];
}

function socket(domain, type, protocol = 0) {
  return syscall(nr.socket, domain, type, protocol);
}

// sv: a buffer of at least 8 bytes (an Int32Array(2)) receiving both fds.
function socketpair(domain, type, protocol, sv) {
  return syscall(nr.socketpair, domain, type, protocol, need('socketpair', sv, 8, 'sv'));
}

function bind(fd, addr, addrlen) {
  return syscall(nr.bind, fd, addr, addrLen('bind', addr, addrlen));
}

// Not retried on EINTR: the connection goes on in the background, and
// connecting again would give EALREADY; wait for writability instead.
function connect(fd, addr, addrlen) {
  return syscall(nr.connect, fd, addr, addrLen('connect', addr, addrlen));
}

function listen(fd, backlog) {
  return syscall(nr.listen, fd, backlog);
}

// addr: null or a buffer for the peer's sockaddr; addrlen: null or a
// Uint32Array receiving its length.
function accept4(fd, addr, addrlen, flags = 0) {
  const a = addr === undefined ? null : addr;
  const l = outLen('accept4', a, addrlen);
  let r;
  do r = syscall(nr.accept4, fd, a, l, flags); while (r === EINTR);
  report(addrlen);
  return r;
}

function accept(fd, addr, addrlen) {
  return accept4(fd, addr, addrlen, 0);
}

// Returns the address's length (the kernel's socklen_t), or -errno.
function getsockname(fd, addr) {
  const l = outLen('getsockname', addr, null);
  const r = syscall(nr.getsockname, fd, addr, l);
  return r < 0 ? r : lenScratch[0];
}

function getpeername(fd, addr) {
  const l = outLen('getpeername', addr, null);
  const r = syscall(nr.getpeername, fd, addr, l);
  return r < 0 ? r : lenScratch[0];
}

// val: the buffer the option is read into; returns the option's length.
function getsockopt(fd, level, name, val) {
  if (!isBuffer(val)) fail('getsockopt', `val must be a buffer, got ${typeName(val)}`);
  lenScratch[0] = val.byteLength;
  const r = syscall(nr.getsockopt, fd, level, name, val, lenScratch);
  return r < 0 ? r : lenScratch[0];
}

// val: the option's bytes; len defaults to val.byteLength.
function setsockopt(fd, level, name, val, len) {
  const n = len === undefined && val != null ? val.byteLength : len;
  return syscall(nr.setsockopt, fd, level, name, span('setsockopt', val, n), n);
}

// The value of an int option (SO_ERROR, SO_RCVBUF, TCP_NODELAY...), or
// -errno. For options whose value can itself be negative, use getsockopt.
function getsockopt_int(fd, level, name) {
  lenScratch[0] = 4;
  const r = syscall(nr.getsockopt, fd, level, name, intScratch, lenScratch);
  return r < 0 ? r : intScratch[0];
}

function setsockopt_int(fd, level, name, value) {
  intScratch[0] = value;
  return syscall(nr.setsockopt, fd, level, name, intScratch, 4);
}

// Data calls: `off` is the optional byte offset into buf (the last argument).

// send and recv take the register gate (libjs/sys.js) with Number fds and
// flags, the buffer as its address: they are a stream socket's hot path.
const FAST = regs !== null;
const NR_SENDTO = nr.sendto, NR_RECVFROM = nr.recvfrom;

function send(fd, buf, len, flags = 0, off) {
  let r;
  if (FAST && typeof fd === 'number' && typeof flags === 'number') {
    const p = spanAddress(buf, checkSpan('send', buf, len, off));
    do r = sysr(NR_SENDTO, fd, p, len, flags, 0, 0); while (r === EINTR);
    return r;
  }
  const p = span('send', buf, len, off);
  do r = syscall(NR_SENDTO, fd, p, len, flags, null, 0); while (r === EINTR);
  return r;
}

function recv(fd, buf, len, flags = 0, off) {
  let r;
  if (FAST && typeof fd === 'number' && typeof flags === 'number') {
    const p = spanAddress(buf, checkSpan('recv', buf, len, off));
    do r = sysr(NR_RECVFROM, fd, p, len, flags, 0, 0); while (r === EINTR);
    return r;
  }
  const p = span('recv', buf, len, off);
  do r = syscall(NR_RECVFROM, fd, p, len, flags, null, null); while (r === EINTR);
  return r;
}

// addr: null or a sockaddr buffer (its byteLength is its length unless
// addrlen is given).
function sendto(fd, buf, len, flags, addr, addrlen, off) {
  const p = span('sendto', buf, len, off);
  const al = addr === null || addr === undefined ? 0 : addrLen('sendto', addr, addrlen);
  let r;
  do r = syscall(nr.sendto, fd, p, len, flags, al === 0 ? null : addr, al); while (r === EINTR);
  return r;
}

// addr: null or a buffer receiving the sender's sockaddr; addrlen: null or a
// Uint32Array receiving its length.
function recvfrom(fd, buf, len, flags, addr, addrlen, off) {
  const p = span('recvfrom', buf, len, off);
  const a = addr === undefined ? null : addr;
  const l = outLen('recvfrom', a, addrlen);
  let r;
  do r = syscall(nr.recvfrom, fd, p, len, flags, a, l); while (r === EINTR);
  report(addrlen);
  return r;
}

// struct msghdr, built here so that every pointer in it is a checked buffer:
// offset | size | field
//      0 |    8 | msg_name        void *
//      8 |    4 | msg_namelen     socklen_t
//     16 |    8 | msg_iov         struct iovec *
//     24 |    8 | msg_iovlen      size_t
//     32 |    8 | msg_control     void *
//     40 |    8 | msg_controllen  size_t
//     48 |    4 | msg_flags       int
const hdr = new Uint32Array(14);

function put(i, v) {
  hdr[i] = v % TWO32;
  hdr[i + 1] = Math.floor(v / TWO32);
}

function ptr(b) {
  return b === null || b === undefined || b.byteLength === 0 ? 0 : addressAt(b, 0);
}

function msghdr(fn, bufs, name, control) {
  if (name != null && !isBuffer(name)) fail(fn, `name must be a buffer or null, got ${typeName(name)}`);
  if (control != null && !isBuffer(control)) fail(fn, `control must be a buffer or null, got ${typeName(control)}`);
  const iov = build(fn, bufs);
  put(0, ptr(name));
  put(2, name == null ? 0 : name.byteLength);
  put(4, addressAt(iov, 0));
  put(6, count(bufs));
  put(8, ptr(control));
  put(10, control == null ? 0 : control.byteLength);
  put(12, 0);
  return hdr;
}

// bufs: an array of buffers (or one); name: null or the destination sockaddr;
// control: null or the ancillary data (cmsghdr records, SCM_RIGHTS...).
function sendmsg(fd, bufs, flags = 0, name = null, control = null) {
  const h = msghdr('sendmsg', bufs, name, control);
  let r;
  do r = syscall(nr.sendmsg, fd, h, flags); while (r === EINTR);
  return r;
}

// As sendmsg, the buffers receiving. `out`: null, or a Uint32Array/Int32Array
// of at least 3 that receives [msg_namelen, msg_controllen, msg_flags].
function recvmsg(fd, bufs, flags = 0, name = null, control = null, out = null) {
  if (out !== null && !((out instanceof Uint32Array || out instanceof Int32Array) && out.length >= 3))
    fail('recvmsg', `out must be null or a Uint32Array/Int32Array of at least 3, got ${typeName(out)}`);
  const h = msghdr('recvmsg', bufs, name, control);
  let r;
  do r = syscall(nr.recvmsg, fd, h, flags); while (r === EINTR);
  if (out !== null) {
    out[0] = hdr[2];
    out[1] = hdr[10];
    out[2] = hdr[12];
  }
  return r;
}

function shutdown(fd, how) {
  return syscall(nr.shutdown, fd, how);
}

module.exports = {
  socket, socketpair, bind, connect, listen, accept4, accept, getsockname, getpeername,
  getsockopt, setsockopt, getsockopt_int, setsockopt_int,
  send, recv, sendto, recvfrom, sendmsg, recvmsg, shutdown,
};
