// libjs/struct: struct msghdr and struct cmsghdr (<linux/socket.h>) for
// sendmsg/recvmsg, with SCM_RIGHTS (file descriptors) and SCM_CREDENTIALS.
// The same 64-bit layouts on x86-64 and aarch64.
'use strict';
const { addressOf } = require('../sys');
const { checkView, checkInt, dataView, typeError } = require('./mem');
const { IovecArray } = require('./uio');
const { ucred } = require('./sockopt');
const { SOL_SOCKET, SCM_RIGHTS, SCM_CREDENTIALS } = require('../constants');

// struct msghdr, 56 bytes:
// offset | size | field
//      0 |    8 | msg_name        void *  (a sockaddr, or NULL)
//      8 |    4 | msg_namelen     socklen_t (recvmsg: updated)
//     12 |    4 | padding
//     16 |    8 | msg_iov         struct iovec *
//     24 |    8 | msg_iovlen      size_t
//     32 |    8 | msg_control     void *  (cmsghdr buffer, or NULL)
//     40 |    8 | msg_controllen  size_t  (recvmsg: updated)
//     48 |    4 | msg_flags       int     (recvmsg: MSG_TRUNC, MSG_CTRUNC, ...)
//     52 |    4 | padding
const SIZE = 56;
const layout = {
  size: 56,
  fields: {
    msg_name: [0, 8], msg_namelen: [8, 4], msg_iov: [16, 8], msg_iovlen: [24, 8],
    msg_control: [32, 8], msg_controllen: [40, 8], msg_flags: [48, 4],
  },
};

// struct cmsghdr, 16 bytes, then the data at CMSG_ALIGN(16) = 16:
// offset | size | field
//      0 |    8 | cmsg_len    size_t: CMSG_LEN(data length)
//      8 |    4 | cmsg_level  int (SOL_SOCKET)
//     12 |    4 | cmsg_type   int (SCM_RIGHTS, ...)
//     16 |    - | data, padded to CMSG_ALIGN
const CMSG_HDR = 16;
const cmsgLayout = { size: 16, fields: { cmsg_len: [0, 8], cmsg_level: [8, 4], cmsg_type: [12, 4] } };

const CMSG_ALIGN = (n) => (n + 7) & ~7;
const CMSG_LEN = (n) => CMSG_HDR + n;
const CMSG_SPACE = (n) => CMSG_HDR + CMSG_ALIGN(n);

function optView(v, what) {
  if (v === null || v === undefined) return null;
  if (!ArrayBuffer.isView(v)) throw typeError(`${what} must be a Buffer, TypedArray or DataView, or null`);
  return v;
}

// A msghdr for sendmsg/recvmsg. `iov`: an IovecArray or an array of buffers;
// `name`: a sockaddr buffer (namelen defaults to its length; pass the encoded
// addrlen for sendmsg); `control`: a cmsg buffer (controllen defaults to its
// length). Lifetime rule as for iovec: this object references everything the
// msghdr points at; keep it alive until the call has returned.
class Msghdr {
  constructor({ name = null, namelen, iov = [], control = null, controllen, flags = 0 } = {}) {
    this.name = optView(name, 'msghdr: name');
    this.control = optView(control, 'msghdr: control');
    this.iov = iov instanceof IovecArray ? iov : new IovecArray(iov);
    const nl = namelen === undefined ? (this.name ? this.name.byteLength : 0) : namelen;
    checkInt(nl, 0, this.name ? this.name.byteLength : 0, 'msghdr: namelen');
    const cl = controllen === undefined ? (this.control ? this.control.byteLength : 0) : controllen;
    checkInt(cl, 0, this.control ? this.control.byteLength : 0, 'msghdr: controllen');
    checkInt(flags, -0x80000000, 0x7fffffff, 'msghdr: flags');
    this.buffer = Buffer.alloc(SIZE);
    const dv = dataView(this.buffer), p = this.buffer.byteOffset;
    dv.setBigUint64(p, this.name && nl > 0 ? addressOf(this.name) : 0n, true);
    dv.setUint32(p + 8, nl, true);
    dv.setBigUint64(p + 16, this.iov.count > 0 ? addressOf(this.iov.buffer) : 0n, true);
    dv.setBigUint64(p + 24, BigInt(this.iov.count), true);
    dv.setBigUint64(p + 32, this.control && cl > 0 ? addressOf(this.control) : 0n, true);
    dv.setBigUint64(p + 40, BigInt(cl), true);
    dv.setInt32(p + 48, flags, true);
  }

  // What recvmsg wrote back: { namelen, controllen, flags }.
  result() {
    return decode(this.buffer);
  }
}

function build(options) {
  return new Msghdr(options);
}

function decode(buf, offset = 0) {
  checkView(buf, SIZE, offset, 'msghdr.decode');
  const dv = dataView(buf), p = buf.byteOffset + offset;
  return {
    namelen: dv.getUint32(p + 8, true),
    iovlen: Number(dv.getBigUint64(p + 24, true)),
    controllen: Number(dv.getBigUint64(p + 40, true)),
    flags: dv.getInt32(p + 48, true),
  };
}

// Writes one control message at `offset`; returns the bytes it takes
// (CMSG_SPACE), which is where the next one starts.
function encodeCmsg(buf, level, type, data, offset = 0) {
  if (!ArrayBuffer.isView(data)) throw typeError('cmsg.encode: data must be a Buffer, TypedArray or DataView');
  checkInt(level, -0x80000000, 0x7fffffff, 'cmsg.encode: level');
  checkInt(type, -0x80000000, 0x7fffffff, 'cmsg.encode: type');
  const n = data.byteLength;
  checkView(buf, CMSG_SPACE(n), offset, 'cmsg.encode');
  const dv = dataView(buf), p = buf.byteOffset + offset;
  dv.setBigUint64(p, BigInt(CMSG_LEN(n)), true);
  dv.setInt32(p + 8, level, true);
  dv.setInt32(p + 12, type, true);
  const u8 = new Uint8Array(buf.buffer, p, CMSG_SPACE(n));
  u8.set(new Uint8Array(data.buffer, data.byteOffset, n), CMSG_HDR);
  u8.fill(0, CMSG_HDR + n);
  return CMSG_SPACE(n);
}

// A control buffer passing `fds` (SCM_RIGHTS).
function encodeRights(fds) {
  if (!Array.isArray(fds) || fds.length === 0) throw typeError('cmsg.encodeRights: expected a non-empty array of fds');
  const data = new Int32Array(fds.length);
  fds.forEach((fd, k) => { data[k] = checkInt(fd, 0, 0x7fffffff, `cmsg.encodeRights: fds[${k}]`); });
  const buf = Buffer.alloc(CMSG_SPACE(data.byteLength));
  encodeCmsg(buf, SOL_SOCKET, SCM_RIGHTS, data);
  return buf;
}

// A control buffer with our credentials (SCM_CREDENTIALS; needs SO_PASSCRED
// on the receiver).
function encodeCredentials(pid, uid, gid) {
  const buf = Buffer.alloc(CMSG_SPACE(ucred.SIZE));
  encodeCmsg(buf, SOL_SOCKET, SCM_CREDENTIALS, ucred.encode(null, { pid, uid, gid }));
  return buf;
}

// The control messages recvmsg returned in `buf` (controllen bytes, from
// msghdr.decode): [{ level, type, data }] with data a view into buf, plus
// `fds` for SCM_RIGHTS (they are open in this process now: close them) and
// `cred` for SCM_CREDENTIALS. If msg_flags had MSG_CTRUNC, the kernel dropped
// (and closed) the descriptors that did not fit.
function decodeCmsgs(buf, controllen) {
  checkView(buf, 0, 0, 'cmsg.decode');
  checkInt(controllen, 0, buf.byteLength, 'cmsg.decode: controllen');
  const dv = dataView(buf), base = buf.byteOffset;
  const out = [];
  for (let p = 0; p + CMSG_HDR <= controllen;) {
    const len = Number(dv.getBigUint64(base + p, true));
    if (len < CMSG_HDR || p + len > controllen) break;
    const level = dv.getInt32(base + p + 8, true), type = dv.getInt32(base + p + 12, true);
    const data = new Uint8Array(buf.buffer, base + p + CMSG_HDR, len - CMSG_HDR);
    const m = { level, type, data };
    if (level === SOL_SOCKET && type === SCM_RIGHTS) m.fds = decodeRights(data);
    if (level === SOL_SOCKET && type === SCM_CREDENTIALS && data.byteLength >= ucred.SIZE) m.cred = ucred.decode(data);
    out.push(m);
    p += CMSG_ALIGN(len);
  }
  return out;
}

function decodeRights(data) {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fds = [];
  for (let k = 0; k + 4 <= data.byteLength; k += 4) fds.push(dv.getInt32(k, true));
  return fds;
}

const msghdr = { SIZE, layout, Msghdr, build, decode };
const cmsg = {
  HEADER: CMSG_HDR, layout: cmsgLayout, ALIGN: CMSG_ALIGN, LEN: CMSG_LEN, SPACE: CMSG_SPACE,
  encode: encodeCmsg, encodeRights, encodeCredentials, decode: decodeCmsgs, decodeRights,
};

module.exports = { msghdr, cmsg, Msghdr };
