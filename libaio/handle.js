// libaio: what a Stream has besides its data path: keep-alive, addresses
// and socket options (0 or -errno; no-ops where the kind has no such option).
'use strict';
const { getsockopt_int, setsockopt_int } = require('libjs/socket');
const C = require('libjs/constants');
const { EBADF, ENOTSOCK } = require('libjs/errno');
const { sockName, peerName } = require('./address');
const { checkInt } = require('./util');

// The subclass sets loop, fd, kind, _ref and _registered.
class StreamHandle {
  ref() {
    this._ref = true;
    if (this._registered) this.loop.setRef(this.fd, true);
    return this;
  }

  unref() {
    this._ref = false;
    if (this._registered) this.loop.setRef(this.fd, false);
    return this;
  }

  hasRef() {
    return this._ref;
  }

  // Local address: { address, family, port } or { path }; -errno on failure.
  address() {
    return this.fd < 0 ? -EBADF : this.kind === 'pipe' ? -ENOTSOCK : sockName(this.fd);
  }

  remoteAddress() {
    return this.fd < 0 ? -EBADF : this.kind === 'pipe' ? -ENOTSOCK : peerName(this.fd);
  }

  setNoDelay(on = true) {
    if (this.kind !== 'tcp') return 0;
    return this._setInt(C.IPPROTO_TCP, C.TCP_NODELAY, on ? 1 : 0);
  }

  // setKeepAlive(on, delaySecs): SO_KEEPALIVE, and the idle time before the
  // first probe (TCP_KEEPIDLE) when delaySecs > 0.
  setKeepAlive(on = false, delaySecs = 0) {
    if (this.kind !== 'tcp') return 0;
    checkInt(delaySecs, 0, 0x7fffffff, 'setKeepAlive: delaySecs');
    const r = this._setInt(C.SOL_SOCKET, C.SO_KEEPALIVE, on ? 1 : 0);
    if (r < 0 || !on || delaySecs === 0) return r;
    return this._setInt(C.IPPROTO_TCP, C.TCP_KEEPIDLE, delaySecs);
  }

  setRecvBufferSize(n) {
    checkInt(n, 1, 0x7fffffff, 'setRecvBufferSize: size');
    return this._setInt(C.SOL_SOCKET, C.SO_RCVBUF, n);
  }

  setSendBufferSize(n) {
    checkInt(n, 1, 0x7fffffff, 'setSendBufferSize: size');
    return this._setInt(C.SOL_SOCKET, C.SO_SNDBUF, n);
  }

  getRecvBufferSize() {
    return this._getInt(C.SOL_SOCKET, C.SO_RCVBUF);
  }

  getSendBufferSize() {
    return this._getInt(C.SOL_SOCKET, C.SO_SNDBUF);
  }

  // Any int-valued option: 0 or -errno.
  setOption(level, name, value) {
    checkInt(level, 0, 0x7fffffff, 'level');
    checkInt(name, 0, 0x7fffffff, 'name');
    checkInt(value, -0x80000000, 0x7fffffff, 'value');
    return this._setInt(level, name, value);
  }

  getOption(level, name) {
    checkInt(level, 0, 0x7fffffff, 'level');
    checkInt(name, 0, 0x7fffffff, 'name');
    return this._getInt(level, name);
  }

  _setInt(level, name, v) {
    if (this.fd < 0) return -EBADF;
    if (this.kind === 'pipe') return -ENOTSOCK;
    return setsockopt_int(this.fd, level, name, v);
  }

  _getInt(level, name) {
    if (this.fd < 0) return -EBADF;
    if (this.kind === 'pipe') return -ENOTSOCK;
    return getsockopt_int(this.fd, level, name);
  }
}

module.exports = { StreamHandle };
