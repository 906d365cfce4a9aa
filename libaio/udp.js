// libaio: UDP sockets over IPv4 and IPv6: bind, connect, send (queued on
// EAGAIN, one datagram per send), receive until EAGAIN, broadcast,
// multicast membership (any-source and source-specific), TTLs, loopback,
// outgoing interface.
'use strict';
const { socket, bind: sysBind, connect: sysConnect, sendto, sendmsg, recvfrom, setsockopt, setsockopt_int,
  getsockopt_int } = require('libjs/socket');
const { own, close } = require('./fd');
const { ip_mreq, ipv6_mreq } = require('libjs/struct/sockopt');
const inet = require('libjs/struct/inet');
const C = require('libjs/constants');
const { EAGAIN, EBADF, EINVAL, EDESTADDRREQ, EISCONN, ECANCELED } = require('libjs/errno');
const { encodeInet, toObject, sockName, peerName, STORAGE_SIZE } = require('./address');
const { loopArg } = require('./loop');
const { typeError, checkInt, checkFunctionOrNull, checkBuffer } = require('./util');

const { AF_INET, AF_INET6, AF_UNSPEC, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_CLOEXEC, EPOLLIN, EPOLLOUT } = C;
const { IPPROTO_IP, IPPROTO_IPV6, SOL_SOCKET } = C;
// <linux/in.h>: the protocol-independent source-specific calls (struct group_source_req).
const MCAST_JOIN_SOURCE_GROUP = 46, MCAST_LEAVE_SOURCE_GROUP = 47;
const RECV_BUDGET = 32;
const MAX_DGRAM = 65536;

const rbuf = Buffer.allocUnsafeSlow(MAX_DGRAM);
const raddr = Buffer.alloc(STORAGE_SIZE);
const rlen = new Uint32Array(1);
const saddr = Buffer.alloc(STORAGE_SIZE);
const optBuf = Buffer.alloc(264);

function asBytes(data, what) {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  checkBuffer(data, what);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

// An interface index from '::%3' or '%3' (numeric zones only), 0 for none.
function scopeOf(iface) {
  if (iface === undefined || iface === null || iface === '') return 0;
  const pct = iface.indexOf('%');
  const zone = pct < 0 ? iface : iface.slice(pct + 1);
  return /^[0-9]{1,10}$/.test(zone) ? Number(zone) : -1;
}

class UdpSocket {
  // type: 'udp4' or 'udp6'. Options: reuseAddr, reusePort, ipv6Only,
  // recvBufferSize, sendBufferSize (applied when the socket is created, at
  // bind, connect or the first send).
  constructor(type, o = {}, loop) {
    loop = loopArg(loop);
    if (type !== 'udp4' && type !== 'udp6') throw typeError(`type must be 'udp4' or 'udp6', got ${type}`);
    if (o === null || typeof o !== 'object') throw typeError('UDP options must be an object');
    this.loop = loop;
    this.type = type;
    this._family = type === 'udp4' ? 4 : 6;
    this._opts = o;
    this.fd = -1;
    this._closed = false;
    this._connected = false;
    this._receiving = false;
    this._paused = false;
    this._interest = 0;
    this._ref = true;
    this._sq = []; // queued datagrams: [bufs, addr or null, cb]
    this._sqHead = 0;
    this.onMessage = null; // (buf, { address, family, port, size }) => void
    this.onError = null; // (errno) => void: receive errors, and send errors without a callback
    this.onClose = null;
    this._onEvent = (ev) => this._event(ev);
  }

  // Creates the socket if not yet: 0 or -errno.
  _open() {
    if (this.fd >= 0) return 0;
    if (this._closed) return -EBADF;
    const fd = socket(this._family === 4 ? AF_INET : AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return fd;
    const o = this._opts;
    let r = 0;
    if (o.reuseAddr) r = setsockopt_int(fd, SOL_SOCKET, C.SO_REUSEADDR, 1);
    if (r === 0 && o.reusePort) r = setsockopt_int(fd, SOL_SOCKET, C.SO_REUSEPORT, 1);
    if (r === 0 && this._family === 6) r = setsockopt_int(fd, IPPROTO_IPV6, C.IPV6_V6ONLY, o.ipv6Only ? 1 : 0);
    if (r === 0 && o.recvBufferSize) r = setsockopt_int(fd, SOL_SOCKET, C.SO_RCVBUF, o.recvBufferSize);
    if (r === 0 && o.sendBufferSize) r = setsockopt_int(fd, SOL_SOCKET, C.SO_SNDBUF, o.sendBufferSize);
    if (r === 0) r = this.loop.add(fd, 0, this._onEvent);
    if (r < 0) {
      close(fd);
      return r;
    }
    this.fd = own(fd);
    if (!this._ref) this.loop.setRef(fd, false);
    return 0;
  }

  // bind({ port = 0, address }): 0 or -errno. Receiving starts if onMessage is set.
  bind(o = {}) {
    if (o === null || typeof o !== 'object') throw typeError('bind: options must be an object');
    const len = encodeInet(saddr, o.address, o.port === undefined ? 0 : o.port, this._family);
    if (len < 0) return len;
    let r = this._open();
    if (r === 0) r = sysBind(this.fd, saddr, len);
    if (r === 0) this._autoReceive();
    return r;
  }

  // connect(port, address): a default peer (send without an address;
  // datagrams from others are filtered out). 0 or -errno.
  connect(port, address) {
    if (this._connected) return -EISCONN;
    const len = encodeInet(saddr, address, port, this._family);
    if (len < 0) return len;
    let r = this._open();
    if (r === 0) r = sysConnect(this.fd, saddr, len);
    if (r === 0) {
      this._connected = true;
      this._autoReceive();
    }
    return r;
  }

  disconnect() {
    if (!this._connected) return -EINVAL;
    saddr.fill(0, 0, 16);
    saddr[0] = AF_UNSPEC;
    const r = sysConnect(this.fd, saddr, 16);
    if (r === 0) this._connected = false;
    return r;
  }

  _autoReceive() {
    if (!this._paused && typeof this.onMessage === 'function') this._receiving = true;
    this._update();
  }

  resume() {
    if (typeof this.onMessage !== 'function') throw typeError('set onMessage before resume()');
    this._paused = false;
    this._receiving = true;
    this._update();
    return this;
  }

  pause() {
    this._paused = true;
    this._receiving = false;
    this._update();
    return this;
  }

  _update() {
    if (this.fd < 0) return;
    const ev = (this._receiving ? EPOLLIN : 0) | (this._sqHead < this._sq.length ? EPOLLOUT : 0);
    if (ev === this._interest) return;
    const r = this.loop.modify(this.fd, ev);
    if (r === 0) this._interest = ev;
    else if (this.onError !== null) this.onError(r);
  }

  // send(data, port, address, cb): one datagram (data: a buffer, a string or
  // an array of them, sent as one). On a connected socket pass no port and
  // address. cb(bytes sent or -errno), from the loop or process.nextTick.
  send(data, port, address, cb) {
    if (typeof port === 'function' && address === undefined) {
      cb = port;
      port = undefined;
    }
    checkFunctionOrNull(cb, 'the send callback');
    const bufs = Array.isArray(data) ? data.map((d, i) => asBytes(d, `data[${i}]`)) : [asBytes(data, 'data')];
    let alen = 0;
    if (port !== undefined && port !== null) {
      if (this._connected) return this._result(cb || null, -EISCONN, true);
      alen = encodeInet(saddr, address === undefined ? (this._family === 4 ? '127.0.0.1' : '::1') : address,
        checkInt(port, 1, 65535, 'port'), this._family);
      if (alen < 0) return this._result(cb || null, alen, true);
    } else if (!this._connected) {
      return this._result(cb || null, -EDESTADDRREQ, true);
    }
    const r = this._open();
    if (r < 0) return this._result(cb || null, r, true);
    const addr = alen > 0 ? saddr.subarray(0, alen) : null;
    if (this._sqHead === this._sq.length) {
      const n = this._sendNow(bufs, addr);
      if (n !== -EAGAIN) {
        if (alen > 0 && !this._receiving) this._autoReceive(); // sending bound it
        return this._result(cb || null, n, true);
      }
    }
    this._sq.push([bufs, addr === null ? null : Buffer.from(addr), cb || null]);
    this._update();
    return undefined;
  }

  _sendNow(bufs, addr) {
    if (bufs.length === 1) return sendto(this.fd, bufs[0], bufs[0].byteLength, 0, addr, undefined);
    return sendmsg(this.fd, bufs, 0, addr, null);
  }

  _result(cb, n, soon) {
    if (cb !== null) {
      if (soon) process.nextTick(cb, n);
      else cb(n);
    } else if (n < 0) {
      if (soon) process.nextTick(() => { if (!this._closed && this.onError !== null) this.onError(n); });
      else if (this.onError !== null) this.onError(n);
    }
  }

  _event(ev) {
    if (this._closed) return;
    if ((ev & (EPOLLIN | C.EPOLLERR)) !== 0 && this._receiving) this._receive();
    if ((ev & (EPOLLOUT | C.EPOLLERR)) !== 0 && this._sqHead < this._sq.length) this._flush();
  }

  _receive() {
    for (let k = 0; k < RECV_BUDGET && this._receiving && !this._closed; k++) {
      rlen[0] = 0;
      const n = recvfrom(this.fd, rbuf, MAX_DGRAM, 0, raddr, rlen);
      if (n < 0) {
        if (n !== -EAGAIN && this.onError !== null) this.onError(n);
        return;
      }
      const msg = Buffer.allocUnsafe(n);
      rbuf.copy(msg, 0, 0, n);
      const rinfo = toObject(raddr, Math.min(rlen[0], STORAGE_SIZE));
      rinfo.size = n;
      this.onMessage(msg, rinfo);
    }
  }

  _flush() {
    const q = this._sq;
    while (this._sqHead < q.length && !this._closed) {
      const [bufs, addr, cb] = q[this._sqHead];
      const n = this._sendNow(bufs, addr);
      if (n === -EAGAIN) break;
      q[this._sqHead++] = undefined;
      this._result(cb, n, false);
    }
    if (this._sqHead === q.length) {
      q.length = 0;
      this._sqHead = 0;
    }
    this._update();
  }

  // Datagrams waiting for the socket to take them, and their bytes.
  get sendQueueCount() {
    return this._sq.length - this._sqHead;
  }

  get sendQueueSize() {
    let n = 0;
    for (let i = this._sqHead; i < this._sq.length; i++) for (const b of this._sq[i][0]) n += b.byteLength;
    return n;
  }

  address() {
    return this.fd < 0 ? -EBADF : sockName(this.fd);
  }

  remoteAddress() {
    return this.fd < 0 ? -EBADF : peerName(this.fd);
  }

  // --- options: 0 or -errno --------------------------------------------------

  _int(level, name, v) {
    const r = this._open();
    return r < 0 ? r : setsockopt_int(this.fd, level, name, v);
  }

  setBroadcast(on) {
    return this._int(SOL_SOCKET, C.SO_BROADCAST, on ? 1 : 0);
  }

  setTTL(ttl) {
    checkInt(ttl, 1, 255, 'ttl');
    return this._family === 4 ? this._int(IPPROTO_IP, C.IP_TTL, ttl) : this._int(IPPROTO_IPV6, C.IPV6_UNICAST_HOPS, ttl);
  }

  setMulticastTTL(ttl) {
    checkInt(ttl, 0, 255, 'ttl');
    return this._family === 4 ? this._int(IPPROTO_IP, C.IP_MULTICAST_TTL, ttl)
      : this._int(IPPROTO_IPV6, C.IPV6_MULTICAST_HOPS, ttl);
  }

  setMulticastLoopback(on) {
    return this._family === 4 ? this._int(IPPROTO_IP, C.IP_MULTICAST_LOOP, on ? 1 : 0)
      : this._int(IPPROTO_IPV6, C.IPV6_MULTICAST_LOOP, on ? 1 : 0);
  }

  // The outgoing interface for multicast: a local IPv4 address, or for IPv6
  // '::%N' / '%N' with N the interface index ('::' for the default).
  setMulticastInterface(iface) {
    if (typeof iface !== 'string') throw typeError('setMulticastInterface: the interface must be a string');
    const r = this._open();
    if (r < 0) return r;
    if (this._family === 4) {
      if (!inet.parse4(iface, optBuf, 0)) return -EINVAL;
      return setsockopt(this.fd, IPPROTO_IP, C.IP_MULTICAST_IF, optBuf, 4);
    }
    const idx = iface === '::' ? 0 : scopeOf(iface);
    if (idx < 0) return -EINVAL;
    return setsockopt_int(this.fd, IPPROTO_IPV6, C.IPV6_MULTICAST_IF, idx);
  }

  addMembership(group, iface) {
    return this._membership(group, iface, true);
  }

  dropMembership(group, iface) {
    return this._membership(group, iface, false);
  }

  _membership(group, iface, join) {
    if (typeof group !== 'string') throw typeError('the multicast group must be a string');
    const r = this._open();
    if (r < 0) return r;
    if (this._family === 4) {
      const n = ip_mreq.encode(optBuf, group, iface === undefined || iface === null ? '0.0.0.0' : iface);
      if (n < 0) return n;
      return setsockopt(this.fd, IPPROTO_IP, join ? C.IP_ADD_MEMBERSHIP : C.IP_DROP_MEMBERSHIP, optBuf, 8);
    }
    const idx = scopeOf(iface);
    if (idx < 0) return -EINVAL;
    const n = ipv6_mreq.encode(optBuf, group, idx);
    if (n < 0) return n;
    return setsockopt(this.fd, IPPROTO_IPV6, join ? C.IPV6_ADD_MEMBERSHIP : C.IPV6_DROP_MEMBERSHIP, optBuf, 20);
  }

  addSourceSpecificMembership(source, group, iface) {
    return this._sourceMembership(source, group, iface, true);
  }

  dropSourceSpecificMembership(source, group, iface) {
    return this._sourceMembership(source, group, iface, false);
  }

  _sourceMembership(source, group, iface, join) {
    if (typeof source !== 'string' || typeof group !== 'string')
      throw typeError('the source and group addresses must be strings');
    const r = this._open();
    if (r < 0) return r;
    optBuf.fill(0);
    if (this._family === 4) {
      // struct ip_mreq_source: imr_multiaddr | imr_interface | imr_sourceaddr, 4 bytes each
      if (!inet.parse4(group, optBuf, 0) || !inet.parse4(iface || '0.0.0.0', optBuf, 4) ||
        !inet.parse4(source, optBuf, 8)) return -EINVAL;
      return setsockopt(this.fd, IPPROTO_IP, join ? C.IP_ADD_SOURCE_MEMBERSHIP : C.IP_DROP_SOURCE_MEMBERSHIP, optBuf, 12);
    }
    // struct group_source_req, 264 bytes:
    // offset | size | field
    //      0 |    4 | gsr_interface (index)
    //      8 |  128 | gsr_group  (sockaddr_storage)
    //    136 |  128 | gsr_source (sockaddr_storage)
    const idx = scopeOf(iface);
    if (idx < 0) return -EINVAL;
    optBuf.writeUInt32LE(idx, 0);
    if (encodeInet(optBuf.subarray(8, 136), group, 0, 6) < 0 || encodeInet(optBuf.subarray(136, 264), source, 0, 6) < 0)
      return -EINVAL;
    return setsockopt(this.fd, IPPROTO_IPV6, join ? MCAST_JOIN_SOURCE_GROUP : MCAST_LEAVE_SOURCE_GROUP, optBuf, 264);
  }

  setRecvBufferSize(n) {
    return this._int(SOL_SOCKET, C.SO_RCVBUF, checkInt(n, 1, 0x7fffffff, 'size'));
  }

  setSendBufferSize(n) {
    return this._int(SOL_SOCKET, C.SO_SNDBUF, checkInt(n, 1, 0x7fffffff, 'size'));
  }

  getRecvBufferSize() {
    return this.fd < 0 ? -EBADF : getsockopt_int(this.fd, SOL_SOCKET, C.SO_RCVBUF);
  }

  getSendBufferSize() {
    return this.fd < 0 ? -EBADF : getsockopt_int(this.fd, SOL_SOCKET, C.SO_SNDBUF);
  }

  ref() {
    this._ref = true;
    if (this.fd >= 0) this.loop.setRef(this.fd, true);
    return this;
  }

  unref() {
    this._ref = false;
    if (this.fd >= 0) this.loop.setRef(this.fd, false);
    return this;
  }

  hasRef() {
    return this._ref;
  }

  // close(cb): closes at once; queued datagrams complete with -ECANCELED;
  // onClose() and cb() run from the loop.
  close(cb) {
    checkFunctionOrNull(cb, 'the close callback');
    if (this._closed) {
      if (cb) process.nextTick(cb);
      return;
    }
    this._closed = true;
    this._receiving = false;
    if (this.fd >= 0) {
      this.loop.remove(this.fd);
      close(this.fd);
    }
    this.fd = -1;
    const q = this._sq.slice(this._sqHead);
    this._sq = [];
    this._sqHead = 0;
    this.loop._defer(finishClose, this, [q, cb || null]);
  }
}

function finishClose(s, [q, cb]) {
  for (const [, , qcb] of q) if (qcb !== null) qcb(-ECANCELED);
  if (s.onClose !== null) s.onClose();
  if (cb !== null) cb();
}

function createSocket(type, o, loop) {
  return new UdpSocket(type, o, loop);
}

module.exports = { UdpSocket, createSocket };
