// libjs/struct: socket addresses (<netinet/in.h>, <sys/un.h>,
// <linux/netlink.h>): sockaddr_in, sockaddr_in6, sockaddr_un, sockaddr_nl, and
// a decoder by family. Same layouts on x86-64 and aarch64.
'use strict';
const { checkView, checkInt, dataView, typeError } = require('./mem');
const inet = require('./inet');
const { EINVAL, ENAMETOOLONG } = require('../errno');

const { AF_UNIX, AF_INET, AF_INET6, AF_NETLINK } = require('../constants');

// struct sockaddr_in, 16 bytes:
// offset | size | field
//      0 |    2 | sin_family  sa_family_t (host order)
//      2 |    2 | sin_port    network order
//      4 |    4 | sin_addr    network order
//      8 |    8 | sin_zero
// struct sockaddr_in6, 28 bytes:
//      0 |    2 | sin6_family
//      2 |    2 | sin6_port      network order
//      4 |    4 | sin6_flowinfo  network order
//      8 |   16 | sin6_addr
//     24 |    4 | sin6_scope_id  host order (an interface index)
// struct sockaddr_un, 110 bytes:
//      0 |    2 | sun_family
//      2 |  108 | sun_path    a path and its NUL; or NUL then an abstract name
//                             whose length is addrlen - 3 (no terminator)
// struct sockaddr_nl, 12 bytes:
//      0 |    2 | nl_family
//      2 |    2 | nl_pad
//      4 |    4 | nl_pid
//      8 |    4 | nl_groups
// struct sockaddr (16) and struct sockaddr_storage (128): family at 0.
const LAYOUTS = {
  sockaddr: { size: 16, fields: { sa_family: [0, 2], sa_data: [2, 14] } },
  sockaddr_storage: { size: 128, fields: { ss_family: [0, 2] } },
  sockaddr_in: { size: 16, fields: { sin_family: [0, 2], sin_port: [2, 2], sin_addr: [4, 4] } },
  sockaddr_in6: {
    size: 28,
    fields: {
      sin6_family: [0, 2], sin6_port: [2, 2], sin6_flowinfo: [4, 4], sin6_addr: [8, 16],
      sin6_scope_id: [24, 4],
    },
  },
  sockaddr_un: { size: 110, fields: { sun_family: [0, 2], sun_path: [2, 108] } },
  sockaddr_nl: { size: 12, fields: { nl_family: [0, 2], nl_pid: [4, 4], nl_groups: [8, 4] } },
};
const STORAGE_SIZE = 128;
const UN_PATH_MAX = 108;

function u8of(buf) {
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
function checkPort(port, what) {
  return checkInt(port, 0, 65535, `${what}: the port`);
}

const sockaddr_in = {
  SIZE: 16,
  layout: LAYOUTS.sockaddr_in,
  // Writes the address; returns its length (16) or -EINVAL if `address` is
  // not a dotted quad.
  encode(buf, address, port, offset = 0) {
    checkView(buf, 16, offset, 'sockaddr_in.encode');
    if (typeof address !== 'string') throw typeError('sockaddr_in.encode: the address must be a string');
    checkPort(port, 'sockaddr_in.encode');
    const u8 = u8of(buf), p = offset;
    if (!inet.parse4(address, u8, p + 4)) return -EINVAL;
    u8[p] = AF_INET;
    u8[p + 1] = 0;
    u8[p + 2] = port >> 8;
    u8[p + 3] = port & 0xff;
    u8.fill(0, p + 8, p + 16);
    return 16;
  },
  decode(buf, offset = 0) {
    checkView(buf, 16, offset, 'sockaddr_in.decode');
    const u8 = u8of(buf), p = offset;
    return {
      family: u8[p] | (u8[p + 1] << 8),
      address: inet.format4(u8, p + 4),
      port: (u8[p + 2] << 8) | u8[p + 3],
    };
  },
};

const sockaddr_in6 = {
  SIZE: 28,
  layout: LAYOUTS.sockaddr_in6,
  // Writes the address; returns 28, or -EINVAL for text that is not an IPv6
  // address. A numeric zone ('fe80::1%3') sets the scope id; a zone by
  // interface name needs a lookup first (pass its index as scopeId).
  encode(buf, address, port, flowinfo = 0, scopeId = 0, offset = 0) {
    checkView(buf, 28, offset, 'sockaddr_in6.encode');
    if (typeof address !== 'string') throw typeError('sockaddr_in6.encode: the address must be a string');
    checkPort(port, 'sockaddr_in6.encode');
    checkInt(flowinfo, 0, 0xffffffff, 'sockaddr_in6.encode: flowinfo');
    checkInt(scopeId, 0, 0xffffffff, 'sockaddr_in6.encode: scopeId');
    const pct = address.indexOf('%');
    if (pct >= 0) {
      const zone = address.slice(pct + 1);
      if (!/^[0-9]{1,10}$/.test(zone) || Number(zone) > 0xffffffff) return -EINVAL;
      scopeId = Number(zone);
      address = address.slice(0, pct);
    }
    const u8 = u8of(buf), p = offset;
    if (!inet.parse6(address, u8, p + 8)) return -EINVAL;
    const dv = dataView(buf), q = buf.byteOffset + p;
    dv.setUint16(q, AF_INET6, true);
    dv.setUint16(q + 2, port, false);
    dv.setUint32(q + 4, flowinfo, false);
    dv.setUint32(q + 24, scopeId, true);
    return 28;
  },
  decode(buf, offset = 0) {
    checkView(buf, 28, offset, 'sockaddr_in6.decode');
    const dv = dataView(buf), q = buf.byteOffset + offset;
    return {
      family: dv.getUint16(q, true),
      address: inet.format6(u8of(buf), offset + 8),
      port: dv.getUint16(q + 2, false),
      flowinfo: dv.getUint32(q + 4, false),
      scopeId: dv.getUint32(q + 24, true),
    };
  },
};

const sockaddr_un = {
  SIZE: 110,
  PATH_MAX: UN_PATH_MAX,
  layout: LAYOUTS.sockaddr_un,
  // path: a string or Buffer. A leading NUL makes an abstract name (its exact
  // bytes, no terminator); otherwise a filesystem path, NUL-terminated; '' is
  // the unnamed address (bind autobinds). Returns the addrlen to pass, or
  // -ENAMETOOLONG, or -EINVAL for a path with a NUL inside.
  encode(buf, path, offset = 0) {
    checkView(buf, 110, offset, 'sockaddr_un.encode');
    let bytes;
    if (typeof path === 'string') bytes = Buffer.from(path, 'utf8');
    else if (ArrayBuffer.isView(path)) bytes = new Uint8Array(path.buffer, path.byteOffset, path.byteLength);
    else throw typeError('sockaddr_un.encode: the path must be a string or a Buffer');
    const abstract = bytes.length > 0 && bytes[0] === 0;
    if (!abstract && bytes.indexOf(0) >= 0) return -EINVAL;
    if (bytes.length + (abstract ? 0 : 1) > UN_PATH_MAX) return -ENAMETOOLONG;
    const u8 = u8of(buf), p = offset;
    u8[p] = AF_UNIX;
    u8[p + 1] = 0;
    u8.set(bytes, p + 2);
    u8.fill(0, p + 2 + bytes.length, p + 110);
    if (bytes.length === 0) return 2;
    return 2 + bytes.length + (abstract ? 0 : 1);
  },
  // { family, path, abstract }: `path` is UTF-8 text, starting with '\0' for an
  // abstract name (as Node shows them), '' for an unnamed socket. addrlen is
  // what the kernel returned; it bounds the name.
  decode(buf, addrlen, offset = 0) {
    const bytes = sockaddr_un.pathBytes(buf, addrlen, offset);
    return {
      family: u8of(buf)[offset] | (u8of(buf)[offset + 1] << 8),
      path: bytes.toString('utf8'),
      abstract: bytes.length > 0 && bytes[0] === 0,
    };
  },
  // The name's raw bytes (a copy): for a path, up to its NUL.
  pathBytes(buf, addrlen, offset = 0) {
    checkView(buf, 2, offset, 'sockaddr_un.decode');
    checkInt(addrlen, 0, 110, 'sockaddr_un.decode: addrlen');
    const len = Math.min(addrlen, buf.byteLength - offset);
    if (len <= 2) return Buffer.alloc(0);
    const u8 = u8of(buf);
    let end = offset + len;
    if (u8[offset + 2] !== 0) {
      const nul = u8.indexOf(0, offset + 2);
      if (nul >= 0 && nul < end) end = nul;
    }
    return Buffer.from(u8.subarray(offset + 2, end));
  },
};

const sockaddr_nl = {
  SIZE: 12,
  layout: LAYOUTS.sockaddr_nl,
  // pid 0 lets the kernel pick (bind) or means the kernel (sendto).
  encode(buf, pid = 0, groups = 0, offset = 0) {
    checkView(buf, 12, offset, 'sockaddr_nl.encode');
    checkInt(pid, 0, 0xffffffff, 'sockaddr_nl.encode: pid');
    checkInt(groups, 0, 0xffffffff, 'sockaddr_nl.encode: groups');
    const dv = dataView(buf), q = buf.byteOffset + offset;
    dv.setUint16(q, AF_NETLINK, true);
    dv.setUint16(q + 2, 0, true);
    dv.setUint32(q + 4, pid, true);
    dv.setUint32(q + 8, groups, true);
    return 12;
  },
  decode(buf, offset = 0) {
    checkView(buf, 12, offset, 'sockaddr_nl.decode');
    const dv = dataView(buf), q = buf.byteOffset + offset;
    return { family: dv.getUint16(q, true), pid: dv.getUint32(q + 4, true), groups: dv.getUint32(q + 8, true) };
  },
};

// The family of any sockaddr (0 when addrlen is too short to hold one).
function family(buf, offset = 0) {
  checkView(buf, 2, offset, 'sockaddr.family');
  const u8 = u8of(buf);
  return u8[offset] | (u8[offset + 1] << 8);
}

// Decodes what accept4/getsockname/getpeername/recvfrom returned in a
// sockaddr_storage by its family; addrlen is the length the kernel reported.
// Unknown families give { family, data } with the bytes after the family.
function decode(buf, addrlen, offset = 0) {
  checkView(buf, 0, offset, 'sockaddr.decode');
  checkInt(addrlen, 0, 0x7fffffff, 'sockaddr.decode: addrlen');
  if (addrlen < 2) return { family: 0 };
  const f = family(buf, offset);
  if (f === AF_INET && addrlen >= 16) return sockaddr_in.decode(buf, offset);
  if (f === AF_INET6 && addrlen >= 28) return sockaddr_in6.decode(buf, offset);
  if (f === AF_UNIX) return sockaddr_un.decode(buf, Math.min(addrlen, 110), offset);
  if (f === AF_NETLINK && addrlen >= 12) return sockaddr_nl.decode(buf, offset);
  const end = Math.min(offset + addrlen, buf.byteLength);
  return { family: f, data: Buffer.from(u8of(buf).subarray(offset + 2, end)) };
}

module.exports = {
  STORAGE_SIZE, LAYOUTS,
  sockaddr_in, sockaddr_in6, sockaddr_un, sockaddr_nl, family, decode,
};
