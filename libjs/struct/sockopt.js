// libjs/struct: socket option values: struct ucred (SO_PEERCRED,
// SCM_CREDENTIALS), struct linger (SO_LINGER), struct ip_mreq / ip_mreqn
// (IP_ADD_MEMBERSHIP, IP_MULTICAST_IF), struct ipv6_mreq (IPV6_ADD_MEMBERSHIP).
'use strict';
const { define } = require('./define');
const { checkView, checkInt, dataView, typeError } = require('./mem');
const inet = require('./inet');
const { EINVAL } = require('../errno');

// struct ucred, 12 bytes:   0 | 4 | pid (pid_t); 4 | 4 | uid; 8 | 4 | gid
const ucred = define('ucred', 12, [
  ['pid', 'pid', 0, 'i32'],
  ['uid', 'uid', 4, 'u32'],
  ['gid', 'gid', 8, 'u32'],
]);

// struct linger, 8 bytes:   0 | 4 | l_onoff (int); 4 | 4 | l_linger (int, seconds)
const linger = define('linger', 8, [
  ['onoff', 'l_onoff', 0, 'i32'],
  ['linger', 'l_linger', 4, 'i32'],
]);

function u8of(buf) {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
function addr4(u8, at, s, what) {
  if (typeof s !== 'string') throw typeError(`${what} must be a string`);
  return inet.parse4(s, u8, at);
}

// struct ip_mreq, 8 bytes:
// offset | size | field
//      0 |    4 | imr_multiaddr  (network order)
//      4 |    4 | imr_interface  (a local IPv4 address; 0.0.0.0 for any)
const ip_mreq = {
  SIZE: 8,
  layout: { size: 8, fields: { imr_multiaddr: [0, 4], imr_interface: [4, 4] } },
  // Returns 8, or -EINVAL when an address is not a dotted quad.
  encode(buf, multiaddr, iface = '0.0.0.0', offset = 0) {
    checkView(buf, 8, offset, 'ip_mreq.encode');
    const u8 = u8of(buf);
    if (!addr4(u8, offset, multiaddr, 'ip_mreq.encode: multiaddr')) return -EINVAL;
    if (!addr4(u8, offset + 4, iface, 'ip_mreq.encode: interface')) return -EINVAL;
    return 8;
  },
  decode(buf, offset = 0) {
    checkView(buf, 8, offset, 'ip_mreq.decode');
    const u8 = u8of(buf);
    return { multiaddr: inet.format4(u8, offset), interface: inet.format4(u8, offset + 4) };
  },
};

// struct ip_mreqn, 12 bytes:
// offset | size | field
//      0 |    4 | imr_multiaddr
//      4 |    4 | imr_address  (local address)
//      8 |    4 | imr_ifindex  (int; 0 for any)
const ip_mreqn = {
  SIZE: 12,
  layout: { size: 12, fields: { imr_multiaddr: [0, 4], imr_address: [4, 4], imr_ifindex: [8, 4] } },
  encode(buf, multiaddr, address = '0.0.0.0', ifindex = 0, offset = 0) {
    checkView(buf, 12, offset, 'ip_mreqn.encode');
    checkInt(ifindex, 0, 0x7fffffff, 'ip_mreqn.encode: ifindex');
    const u8 = u8of(buf);
    if (!addr4(u8, offset, multiaddr, 'ip_mreqn.encode: multiaddr')) return -EINVAL;
    if (!addr4(u8, offset + 4, address, 'ip_mreqn.encode: address')) return -EINVAL;
    dataView(buf).setInt32(buf.byteOffset + offset + 8, ifindex, true);
    return 12;
  },
  decode(buf, offset = 0) {
    checkView(buf, 12, offset, 'ip_mreqn.decode');
    const u8 = u8of(buf);
    return {
      multiaddr: inet.format4(u8, offset),
      address: inet.format4(u8, offset + 4),
      ifindex: dataView(buf).getInt32(buf.byteOffset + offset + 8, true),
    };
  },
};

// struct ipv6_mreq, 20 bytes:
// offset | size | field
//      0 |   16 | ipv6mr_multiaddr
//     16 |    4 | ipv6mr_interface (interface index; 0 for any)
const ipv6_mreq = {
  SIZE: 20,
  layout: { size: 20, fields: { ipv6mr_multiaddr: [0, 16], ipv6mr_interface: [16, 4] } },
  encode(buf, multiaddr, ifindex = 0, offset = 0) {
    checkView(buf, 20, offset, 'ipv6_mreq.encode');
    if (typeof multiaddr !== 'string') throw typeError('ipv6_mreq.encode: multiaddr must be a string');
    checkInt(ifindex, 0, 0xffffffff, 'ipv6_mreq.encode: ifindex');
    if (!inet.parse6(multiaddr, u8of(buf), offset)) return -EINVAL;
    dataView(buf).setUint32(buf.byteOffset + offset + 16, ifindex, true);
    return 20;
  },
  decode(buf, offset = 0) {
    checkView(buf, 20, offset, 'ipv6_mreq.decode');
    return {
      multiaddr: inet.format6(u8of(buf), offset),
      interface: dataView(buf).getUint32(buf.byteOffset + offset + 16, true),
    };
  },
};

module.exports = { ucred, linger, ip_mreq, ip_mreqn, ipv6_mreq };
