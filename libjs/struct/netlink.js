// libjs/struct: rtnetlink messages (<linux/netlink.h>, <linux/rtnetlink.h>,
// <linux/if_addr.h>): struct nlmsghdr, ifaddrmsg, ifinfomsg and rtattr, to
// ask the kernel for interfaces and addresses (os.networkInterfaces).
'use strict';
const { checkView, checkInt, dataView, typeError } = require('./mem');
const { define } = require('./define');

// struct nlmsghdr, 16 bytes:
// offset | size | field
//      0 |    4 | nlmsg_len    u32, header included
//      4 |    2 | nlmsg_type   u16 (RTM_*, NLMSG_DONE, NLMSG_ERROR)
//      6 |    2 | nlmsg_flags  u16 (NLM_F_*)
//      8 |    4 | nlmsg_seq    u32
//     12 |    4 | nlmsg_pid    u32
const nlmsghdr = define('nlmsghdr', 16, [
  ['len', 'nlmsg_len', 0, 'u32'],
  ['type', 'nlmsg_type', 4, 'u16'],
  ['flags', 'nlmsg_flags', 6, 'u16'],
  ['seq', 'nlmsg_seq', 8, 'u32'],
  ['pid', 'nlmsg_pid', 12, 'u32'],
]);

// struct ifaddrmsg, 8 bytes:
// offset | size | field
//      0 |    1 | ifa_family
//      1 |    1 | ifa_prefixlen
//      2 |    1 | ifa_flags
//      3 |    1 | ifa_scope
//      4 |    4 | ifa_index   u32
const ifaddrmsg = define('ifaddrmsg', 8, [
  ['family', 'ifa_family', 0, 'u8'],
  ['prefixlen', 'ifa_prefixlen', 1, 'u8'],
  ['flags', 'ifa_flags', 2, 'u8'],
  ['scope', 'ifa_scope', 3, 'u8'],
  ['index', 'ifa_index', 4, 'u32'],
]);

// struct ifinfomsg, 16 bytes:
// offset | size | field
//      0 |    1 | ifi_family
//      1 |    1 | padding
//      2 |    2 | ifi_type    u16 (ARPHRD_*)
//      4 |    4 | ifi_index   int
//      8 |    4 | ifi_flags   u32 (IFF_*)
//     12 |    4 | ifi_change  u32
const ifinfomsg = define('ifinfomsg', 16, [
  ['family', 'ifi_family', 0, 'u8'],
  ['type', 'ifi_type', 2, 'u16'],
  ['index', 'ifi_index', 4, 'i32'],
  ['flags', 'ifi_flags', 8, 'u32'],
  ['change', 'ifi_change', 12, 'u32'],
]);

// struct rtattr, 4 bytes, then the payload, padded to RTA_ALIGN (4):
//      0 |    2 | rta_len   u16, header included
//      2 |    2 | rta_type  u16 (IFA_*, IFLA_*)
const rtattr = { SIZE: 4, layout: { size: 4, fields: { rta_len: [0, 2], rta_type: [2, 2] } } };

const NLMSG_ALIGN = (n) => (n + 3) & ~3;
const NLMSG_HDRLEN = 16;
const RTA_ALIGN = (n) => (n + 3) & ~3;

// A request: an nlmsghdr followed by `payload` (e.g. an encoded ifaddrmsg),
// with nlmsg_len filled in. Returns a new Buffer.
function request(type, flags, seq, payload = Buffer.alloc(0), pid = 0) {
  if (!ArrayBuffer.isView(payload)) throw typeError('nlmsg.request: payload must be a Buffer');
  const len = NLMSG_HDRLEN + payload.byteLength;
  const buf = Buffer.alloc(NLMSG_ALIGN(len));
  nlmsghdr.encode(buf, { len, type, flags, seq, pid });
  buf.set(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength), NLMSG_HDRLEN);
  return buf;
}

// The messages in a datagram read from a netlink socket: [{ len, type, flags,
// seq, pid, payload }] with payload a view of the bytes after the header.
// NLMSG_ERROR payloads also carry `error` (0 for an ack, else -errno).
const NLMSG_ERROR = 2;
function messages(buf, nread) {
  checkView(buf, 0, 0, 'nlmsg.messages');
  checkInt(nread, 0, buf.byteLength, 'nlmsg.messages: nread');
  const out = [];
  const dv = dataView(buf), base = buf.byteOffset;
  for (let p = 0; p + NLMSG_HDRLEN <= nread;) {
    const h = nlmsghdr.decode(buf, p);
    if (h.len < NLMSG_HDRLEN || p + h.len > nread) break;
    h.payload = new Uint8Array(buf.buffer, base + p + NLMSG_HDRLEN, h.len - NLMSG_HDRLEN);
    if (h.type === NLMSG_ERROR && h.len >= NLMSG_HDRLEN + 4) h.error = dv.getInt32(base + p + NLMSG_HDRLEN, true);
    out.push(h);
    p += NLMSG_ALIGN(h.len);
  }
  return out;
}

// The attributes in `buf` from `offset` to its end: [{ type, data }] with data
// a view. For an RTM_NEWADDR payload start at ifaddrmsg.SIZE, for
// RTM_NEWLINK at ifinfomsg.SIZE. Nested attributes: call again on data.
function attributes(buf, offset = 0) {
  checkView(buf, 0, offset, 'rtattr.attributes');
  const out = [];
  const dv = dataView(buf), base = buf.byteOffset, end = buf.byteLength;
  for (let p = offset; p + 4 <= end;) {
    const len = dv.getUint16(base + p, true), type = dv.getUint16(base + p + 2, true);
    if (len < 4 || p + len > end) break;
    out.push({ type, data: new Uint8Array(buf.buffer, base + p + 4, len - 4) });
    p += RTA_ALIGN(len);
  }
  return out;
}

// Appends one attribute to a Buffer list (for requests with filters).
function encodeAttribute(type, data) {
  checkInt(type, 0, 0xffff, 'rtattr.encode: type');
  if (!ArrayBuffer.isView(data)) throw typeError('rtattr.encode: data must be a Buffer');
  const len = 4 + data.byteLength;
  const buf = Buffer.alloc(RTA_ALIGN(len));
  buf.writeUInt16LE(len, 0);
  buf.writeUInt16LE(type, 2);
  buf.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 4);
  return buf;
}

module.exports = {
  nlmsghdr, ifaddrmsg, ifinfomsg, rtattr,
  NLMSG_ALIGN, NLMSG_HDRLEN, RTA_ALIGN, request, messages, attributes, encodeAttribute,
};
