// unode/internal/os: the interface addresses of os.networkInterfaces(), asked
// of the kernel over a NETLINK_ROUTE socket (RTM_GETLINK, then RTM_GETADDR),
// and chosen, named and ordered as glibc's getifaddrs(3) and libuv's
// uv_interface_addresses present them to Node.
'use strict';
const { socket, sendto, recv } = require('libjs/socket');
const { close } = require('libjs/unistd');
const C = require('libjs/constants');
const { sockaddr_nl, nlmsg, ifinfomsg, ifaddrmsg, inet } = require('libjs/struct');

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
let rbuf = null;

// One dump: every reply message (type, payload) of request `type`, or -errno.
// NLM_F_DUMP_INTR (the table changed during the dump) gives -EAGAIN: the
// caller starts over, as glibc does.
function dump(fd, type, payload) {
  const s = seq = (seq + 1) >>> 0;
  const req = nlmsg.request(type, NLM_F_REQUEST | NLM_F_DUMP, s, payload);
  const w = sendto(fd, req, req.length, 0, kernel);
  if (w < 0) return w;
  if (rbuf === null) rbuf = Buffer.allocUnsafe(RECV_SIZE);
  const out = [];
  for (;;) {
    const n = recv(fd, rbuf, rbuf.length, MSG_TRUNC);
    if (n < 0) return n;
    if (n > rbuf.length) return ENOBUFS;
    if (n === 0) return EIO;
    let intr = false;
    for (const m of nlmsg.messages(rbuf, n)) {
      if (m.seq !== s) continue;
      if (m.flags & NLM_F_DUMP_INTR) intr = true;
      if (m.type === NLMSG_DONE) return intr ? EAGAIN : out;
      if (m.type === NLMSG_ERROR) return m.error < 0 ? m.error : EIO;
      out.push({ type: m.type, payload: Buffer.from(m.payload) });
    }
    if (intr) return EAGAIN;
  }
}

function cstr(data) {
  const nul = data.indexOf(0);
  return Buffer.from(data.buffer, data.byteOffset, nul < 0 ? data.length : nul).toString();
}

// RTM_NEWLINK: { index, name, flags, hw } (hw: the link-layer address bytes or null).
function parseLink(p) {
  const h = ifinfomsg.decode(p);
  const link = { index: h.index, name: null, flags: h.flags, hw: null };
  for (const a of nlmsg.attributes(p, ifinfomsg.SIZE)) {
    if (a.type === IFLA_IFNAME) link.name = cstr(a.data);
    else if (a.type === IFLA_ADDRESS) link.hw = Buffer.from(a.data);
  }
  return link;
}

// RTM_NEWADDR: { index, family, prefixlen, address (bytes), label }. The
// address is IFA_LOCAL where there is one (on a point-to-point link
// IFA_ADDRESS is the peer), as glibc chooses.
function parseAddr(p) {
  const h = ifaddrmsg.decode(p);
  let addr = null, local = null, label = null;
  for (const a of nlmsg.attributes(p, ifaddrmsg.SIZE)) {
    if (a.type === IFA_ADDRESS) addr = a.data;
    else if (a.type === IFA_LOCAL) local = a.data;
    else if (a.type === IFA_LABEL) label = cstr(a.data);
  }
  const bytes = local || addr;
  return {
    index: h.index, family: h.family, prefixlen: h.prefixlen,
    address: bytes === null ? null : Buffer.from(bytes), label,
  };
}

// Both dumps on one socket: { links, addrs } or -errno.
function query() {
  const fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) return fd;
  try {
    for (let attempt = 0; ; attempt++) {
      const links = dump(fd, RTM_GETLINK, Buffer.alloc(ifinfomsg.SIZE));
      const addrs = typeof links === 'number' ? links : dump(fd, RTM_GETADDR, Buffer.alloc(ifaddrmsg.SIZE));
      const err = typeof links === 'number' ? links : typeof addrs === 'number' ? addrs : 0;
      if (err === EAGAIN && attempt < MAX_RETRIES) continue;
      if (err < 0) return err;
      return {
        links: links.filter((m) => m.type === RTM_NEWLINK).map((m) => parseLink(m.payload)),
        addrs: addrs.filter((m) => m.type === RTM_NEWADDR).map((m) => parseAddr(m.payload)),
      };
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
