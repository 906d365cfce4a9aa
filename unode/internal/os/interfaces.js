// unode/internal/os: the interface addresses of os.networkInterfaces(), asked
// of the kernel over a NETLINK_ROUTE socket (RTM_GETLINK, then RTM_GETADDR),
// and chosen, named and ordered as glibc's getifaddrs(3) and libuv's
// uv_interface_addresses present them to Node.
'use strict';
const { socket, sendto, recv } = require('libjs/socket');
const { close } = require('libjs/unistd');
const C = require('libjs/constants');
const { sockaddr_nl, nlmsg, nlmsghdr, ifinfomsg, ifaddrmsg, inet } = require('libjs/struct');

const {
  AF_NETLINK, AF_UNSPEC, AF_INET, AF_INET6, SOCK_RAW, SOCK_CLOEXEC, NETLINK_ROUTE, MSG_TRUNC,
  NLM_F_REQUEST, NLM_F_DUMP, NLM_F_DUMP_INTR, NLMSG_DONE, NLMSG_ERROR, RTM_GETLINK, RTM_NEWLINK,
  RTM_GETADDR, RTM_NEWADDR, IFLA_ADDRESS, IFLA_IFNAME, IFA_ADDRESS, IFA_LOCAL, IFA_LABEL,
  IFF_UP, IFF_RUNNING, IFF_LOOPBACK,
} = C;

const ENOBUFS = -105, EAGAIN = -11, EIO = -5;
const RECV_SIZE = 65536; // the kernel fills at most 32 KiB per dump datagram
const MAX_RETRIES = 8;

let seq = 0;
const kernel = Buffer.alloc(sockaddr_nl.SIZE);
sockaddr_nl.encode(kernel, 0, 0);
let rbuf = null, rview = null;

// Offsets of the fields read, from libjs's layouts.
const H = nlmsghdr.layout.fields, L = ifinfomsg.layout.fields, A = ifaddrmsg.layout.fields;
const HDRLEN = nlmsg.HDRLEN, ALIGN = nlmsg.ALIGN;

// One dump of request `type`: each reply message of type `want` is handed to
// parse(dv, start, end) (the message's payload). 0, or -errno;
// NLM_F_DUMP_INTR (the table changed during the dump) gives -EAGAIN: the
// caller starts over, as glibc does.
function dump(fd, type, payload, want, parse) {
  const s = seq = (seq + 1) >>> 0;
  const req = nlmsg.request(type, NLM_F_REQUEST | NLM_F_DUMP, s, payload);
  const w = sendto(fd, req, req.length, 0, kernel);
  if (w < 0) return w;
  if (rbuf === null) {
    rbuf = Buffer.allocUnsafe(RECV_SIZE);
    rview = new DataView(rbuf.buffer, rbuf.byteOffset, rbuf.length);
  }
  const dv = rview;
  let intr = false;
  for (;;) {
    const n = recv(fd, rbuf, rbuf.length, MSG_TRUNC);
    if (n < 0) return n;
    if (n > rbuf.length) return ENOBUFS;
    if (n === 0) return EIO;
    for (let p = 0; p + HDRLEN <= n;) {
      const len = dv.getUint32(p + H.nlmsg_len[0], true);
      if (len < HDRLEN || p + len > n) break;
      const mtype = dv.getUint16(p + H.nlmsg_type[0], true);
      if (dv.getUint32(p + H.nlmsg_seq[0], true) === s) {
        if (dv.getUint16(p + H.nlmsg_flags[0], true) & NLM_F_DUMP_INTR) intr = true;
        if (mtype === NLMSG_DONE) return intr ? EAGAIN : 0;
        if (mtype === NLMSG_ERROR) {
          const err = len >= HDRLEN + 4 ? dv.getInt32(p + HDRLEN, true) : EIO;
          return err < 0 ? err : EIO;
        }
        if (mtype === want) parse(dv, p + HDRLEN, p + len);
      }
      p += ALIGN(len);
    }
    if (intr) return EAGAIN;
  }
}

// The rtattrs from `p` to `end`: visit(type, start, length) for each.
function attributes(dv, p, end, visit) {
  while (p + 4 <= end) {
    const len = dv.getUint16(p, true), type = dv.getUint16(p + 2, true);
    if (len < 4 || p + len > end) break;
    visit(type, p + 4, len - 4);
    p += nlmsg.RTA_ALIGN(len);
  }
}

function cstr(at, len) {
  const nul = rbuf.indexOf(0, at);
  return rbuf.toString('utf8', at, nul >= at && nul < at + len ? nul : at + len);
}

// RTM_NEWLINK: { index, name, flags, hw } (hw: the link-layer address bytes or null).
function parseLink(out) {
  return (dv, p, end) => {
    const link = { index: dv.getInt32(p + L.ifi_index[0], true), name: null, flags: dv.getUint32(p + L.ifi_flags[0], true), hw: null };
    attributes(dv, p + ifinfomsg.SIZE, end, (type, at, len) => {
      if (type === IFLA_IFNAME) link.name = cstr(at, len);
      else if (type === IFLA_ADDRESS) link.hw = Buffer.from(rbuf.subarray(at, at + len));
    });
    out.push(link);
  };
}

// RTM_NEWADDR: { index, family, prefixlen, address (bytes), label }. The
// address is IFA_LOCAL where there is one (on a point-to-point link
// IFA_ADDRESS is the peer), as glibc chooses.
function parseAddr(out) {
  return (dv, p, end) => {
    let addr = -1, addrLen = 0, local = -1, localLen = 0, label = null;
    attributes(dv, p + ifaddrmsg.SIZE, end, (type, at, len) => {
      if (type === IFA_ADDRESS) { addr = at; addrLen = len; }
      else if (type === IFA_LOCAL) { local = at; localLen = len; }
      else if (type === IFA_LABEL) label = cstr(at, len);
    });
    const from = local >= 0 ? local : addr, len = local >= 0 ? localLen : addrLen;
    out.push({
      index: dv.getUint32(p + A.ifa_index[0], true),
      family: dv.getUint8(p + A.ifa_family[0]),
      prefixlen: dv.getUint8(p + A.ifa_prefixlen[0]),
      address: from < 0 ? null : Buffer.from(rbuf.subarray(from, from + len)),
      label,
    });
  };
}

// Both dumps on one socket: { links, addrs } or -errno.
function query() {
  const fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) return fd;
  try {
    for (let attempt = 0; ; attempt++) {
      const links = [], addrs = [];
      let err = dump(fd, RTM_GETLINK, Buffer.alloc(ifinfomsg.SIZE), RTM_NEWLINK, parseLink(links));
      if (err === 0) err = dump(fd, RTM_GETADDR, Buffer.alloc(ifaddrmsg.SIZE), RTM_NEWADDR, parseAddr(addrs));
      if (err === EAGAIN && attempt < MAX_RETRIES) continue;
      if (err < 0) return err;
      return { links, addrs };
    }
  } finally {
    close(fd);
  }
}

function maskBytes(prefixlen, size) {
  const out = Buffer.alloc(size);
  const bits = Math.min(prefixlen, size * 8);
  for (let i = 0; i < bits >> 3; i++) out[i] = 0xff;
  if (bits & 7) out[bits >> 3] = (0xff << (8 - (bits & 7))) & 0xff;
  return out;
}

function macOf(hw) {
  const b = Buffer.alloc(6);
  if (hw !== null) hw.copy(b, 0, 0, Math.min(6, hw.length));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
}

const isLinkLocal6 = (a) => (a[0] === 0xfe && (a[1] & 0xc0) === 0x80) || (a[0] === 0xff && (a[1] & 0x0f) === 0x02);

// The addresses Node reports, in the kernel's order: [{ name, address,
// netmask, family, mac, internal, prefixlen, scopeid }] (scopeid -1 for IPv4),
// or -errno. An address is listed when its link is up and running; an IPv4
// address with a label ("eth0:1") is listed under the label, and takes the MAC
// of the link whose name the label extends.
function interfaceAddresses() {
  const q = query();
  if (typeof q === 'number') return q;
  const byIndex = new Map();
  for (const l of q.links) if (!byIndex.has(l.index)) byIndex.set(l.index, l);
  const live = (flags) => (flags & IFF_UP) !== 0 && (flags & IFF_RUNNING) !== 0;
  const out = [];
  for (const a of q.addrs) {
    if (a.address === null || (a.family !== AF_INET && a.family !== AF_INET6)) continue;
    const size = a.family === AF_INET ? 4 : 16;
    if (a.address.length < size) continue;
    const link = byIndex.get(a.index);
    const name = a.label !== null ? a.label : link !== undefined ? link.name : null;
    if (name === null) continue;
    const flags = link !== undefined ? link.flags : 0;
    if (!live(flags)) continue;
    const mask = maskBytes(a.prefixlen, size);
    out.push({
      name,
      address: size === 4 ? inet.format4(a.address, 0) : inet.format6(a.address, 0),
      netmask: size === 4 ? inet.format4(mask, 0) : inet.format6(mask, 0),
      family: size === 4 ? 'IPv4' : 'IPv6',
      mac: '00:00:00:00:00:00',
      internal: (flags & IFF_LOOPBACK) !== 0,
      prefixlen: Math.min(a.prefixlen, size * 8),
      scopeid: size === 4 ? -1 : isLinkLocal6(a.address) ? a.index : 0,
    });
  }
  for (const l of q.links) {
    if (!live(l.flags) || l.hw === null || l.name === null) continue;
    const mac = macOf(l.hw);
    for (const e of out) {
      if (e.name === l.name || (e.name.startsWith(l.name) && e.name[l.name.length] === ':')) e.mac = mac;
    }
  }
  return out;
}

module.exports = { interfaceAddresses, query, maskBytes };
