// libaio: stream sockets: connect() for TCP (IPv4, IPv6) and Unix (path,
// abstract), and Server: listen, accept4 until EAGAIN, close.
'use strict';
const { socket, bind, connect: sysConnect, listen: sysListen, accept4, setsockopt_int } = require('libjs/socket');
const { unlink } = require('libjs/unistd');
const { own, close } = require('./fd');
const { open } = require('libjs/fcntl');
const { fchmodat } = require('libjs/stat');
const C = require('libjs/constants');
const { EAGAIN, EINPROGRESS, EMFILE, ENFILE, ECONNABORTED, EPROTO, EINTR, EBADF, EINVAL } = require('libjs/errno');
const { Stream, CONNECTING, OPEN } = require('./stream');
const { encodeInet, encodeUnix, sockName, STORAGE_SIZE } = require('./address');
const { loopArg } = require('./loop');
const { typeError, checkInt, checkFunctionOrNull } = require('./util');

const { AF_INET, AF_INET6, AF_UNIX, SOCK_STREAM, SOCK_NONBLOCK, SOCK_CLOEXEC, EPOLLIN } = C;
const FLAGS = SOCK_NONBLOCK | SOCK_CLOEXEC;
const addrBuf = Buffer.alloc(STORAGE_SIZE);

function options(o, what) {
  if (o === null || typeof o !== 'object') throw typeError(`${what}: options must be an object`);
  return o;
}

function checkFamily(f) {
  if (f !== undefined && f !== 0 && f !== 4 && f !== 6) throw typeError(`family must be 4, 6 or 0, got ${f}`);
  return f || 0;
}

// The sockaddr for options { path } or { host, port, family } in addrBuf:
// [domain, addrlen] or [0, -errno].
function target(o, forListen) {
  if (o.path !== undefined) {
    const len = encodeUnix(addrBuf, o.path);
    return len < 0 ? [0, len] : [AF_UNIX, len];
  }
  const port = o.port === undefined && forListen ? 0 : o.port;
  checkInt(port, 0, 65535, 'port');
  const len = encodeInet(addrBuf, o.host, port, checkFamily(o.family));
  if (len < 0) return [0, len];
  return [len === 16 ? AF_INET : AF_INET6, len];
}

// connect(options, cb): a Stream that connects in the background.
//   { host, port, family?, localAddress?, localPort?, noDelay?, keepAlive?,
//     keepAliveInitialDelay? (s) } for TCP; { path } for a Unix socket.
// cb(0 or -errno) runs from the loop (also set as stream.onConnect); a
// failure leaves the stream open (fd and all) until close().
function connect(o, cb, loop) {
  loop = loopArg(loop);
  options(o, 'connect');
  checkFunctionOrNull(cb, 'the connect callback');
  const [domain, len] = target(o, false);
  const kind = domain === AF_UNIX ? 'unix' : 'tcp';
  const s = new Stream(loop, -1, kind, CONNECTING);
  if (cb) s.onConnect = cb;
  if (domain === 0) {
    s._connectFailed(len);
    return s;
  }
  const fd = socket(domain, SOCK_STREAM | FLAGS, 0);
  if (fd < 0) {
    s._connectFailed(fd);
    return s;
  }
  s.fd = own(fd);
  let r = 0;
  if (kind === 'tcp') {
    if (o.noDelay) setsockopt_int(fd, C.IPPROTO_TCP, C.TCP_NODELAY, 1);
    if (o.keepAlive) s.setKeepAlive(true, o.keepAliveInitialDelay ? Math.floor(o.keepAliveInitialDelay) : 0);
    if (o.localAddress !== undefined || o.localPort !== undefined) {
      const local = Buffer.alloc(STORAGE_SIZE);
      const l = encodeInet(local, o.localAddress, o.localPort || 0, domain === AF_INET ? 4 : 6);
      r = l < 0 ? l : bind(fd, local, l);
    }
  }
  if (r === 0) r = sysConnect(fd, addrBuf, len);
  // Not retried on EINTR: the connection goes on; writability reports it.
  if (r === 0 || r === -EINPROGRESS || r === -EINTR) {
    r = s._register(C.EPOLLOUT);
    if (r === 0) return s;
  }
  s._connectFailed(r);
  return s;
}

class Server {
  constructor(loop) {
    this.loop = loopArg(loop);
    this.fd = -1;
    this.kind = null;
    this.listening = false;
    this._path = null; // a Unix path to unlink on close
    this._ref = true;
    this._paused = false;
    this._closed = false;
    this.onConnection = null; // (stream) => void; the stream starts paused
    this.onError = null; // (errno) => void: accept errors other than EAGAIN
    this.onClose = null;
    this._onEvent = () => this._accept();
  }

  // listen(options): 0 or -errno, synchronously.
  //   { host?, port?, family?, backlog = 511, ipv6Only?, reusePort? } for TCP
  //   (SO_REUSEADDR as Node sets it; '::' is dual-stack unless ipv6Only);
  //   { path, backlog, readableAll?, writableAll? } for Unix.
  listen(o = {}) {
    options(o, 'listen');
    if (this.listening || this._closed) return -EINVAL;
    const backlog = o.backlog === undefined ? 511 : checkInt(o.backlog, 0, 0x7fffffff, 'backlog');
    const [domain, len] = target(o, true);
    if (domain === 0) return len;
    const fd = socket(domain, SOCK_STREAM | FLAGS, 0);
    if (fd < 0) return fd;
    let r = 0;
    if (domain !== AF_UNIX) r = setsockopt_int(fd, C.SOL_SOCKET, C.SO_REUSEADDR, 1);
    if (r === 0 && domain === AF_INET6) r = setsockopt_int(fd, C.IPPROTO_IPV6, C.IPV6_V6ONLY, o.ipv6Only ? 1 : 0);
    if (r === 0 && o.reusePort) r = setsockopt_int(fd, C.SOL_SOCKET, C.SO_REUSEPORT, 1);
    if (r === 0) r = bind(fd, addrBuf, len);
    // A filesystem path we bound: ours to unlink again.
    const path = r === 0 && domain === AF_UNIX && typeof o.path === 'string' && o.path !== '' && o.path[0] !== '\0'
      ? o.path : null;
    if (r === 0 && path !== null && (o.readableAll || o.writableAll)) {
      const mode = (o.readableAll ? 0o444 : 0) | (o.writableAll ? 0o222 : 0) | 0o600;
      r = fchmodat(C.AT_FDCWD, path, mode, 0);
    }
    if (r === 0) r = sysListen(fd, backlog);
    this.fd = own(fd);
    this.kind = domain === AF_UNIX ? 'unix' : 'tcp';
    if (r === 0) r = this.loop.add(fd, EPOLLIN, this._onEvent);
    if (r < 0) {
      if (path !== null) unlink(path);
      close(fd);
      this.fd = -1;
      return r;
    }
    this._path = path;
    this.listening = true;
    if (!this._ref) this.loop.setRef(fd, false);
    return 0;
  }

  // Wraps an already listening socket (inherited, say): 0 or -errno.
  listenFd(fd, kind = 'tcp') {
    checkInt(fd, 0, 0x7fffffff, 'fd');
    if (kind !== 'tcp' && kind !== 'unix') throw typeError(`kind must be 'tcp' or 'unix', got ${kind}`);
    if (this.listening || this._closed) return -EINVAL;
    const r = this.loop.add(fd, EPOLLIN, this._onEvent);
    if (r < 0) return r;
    this.fd = own(fd);
    this.kind = kind;
    this.listening = true;
    if (!this._ref) this.loop.setRef(fd, false);
    return 0;
  }

  _accept() {
    while (this.listening && !this._paused) {
      const fd = accept4(this.fd, null, null, FLAGS);
      if (fd >= 0) {
        const s = new Stream(this.loop, fd, this.kind, OPEN);
        const r = s._register(0);
        if (r < 0 || this.onConnection === null) {
          s.close();
          if (r < 0 && this.onError !== null) this.onError(r);
          continue;
        }
        this.onConnection(s);
        continue;
      }
      if (fd === -EAGAIN) return;
      if (fd === -ECONNABORTED || fd === -EPROTO || fd === -EINTR) continue;
      if (fd === -EMFILE || fd === -ENFILE) this._shed();
      if (this.onError !== null) this.onError(fd);
      return; // level-triggered: what is left is reported again
    }
  }

  // Out of descriptors: give up the loop's spare one, accept and drop the
  // connections waiting (the peer sees a reset, as with Node), take it back.
  _shed() {
    const loop = this.loop;
    if (loop._spare < 0) return;
    close(loop._spare);
    for (;;) {
      const fd = accept4(this.fd, null, null, FLAGS);
      if (fd < 0) break;
      close(fd);
    }
    const i = loop._fixed.indexOf(loop._spare);
    loop._spare = open('/dev/null', C.O_RDONLY | C.O_CLOEXEC);
    if (i >= 0) {
      if (loop._spare >= 0) loop._fixed[i] = loop._spare;
      else loop._fixed.splice(i, 1);
    }
  }

  // Stops accepting (connections wait in the backlog) until resume().
  pause() {
    if (this._paused) return this;
    this._paused = true;
    if (this.listening) this.loop.modify(this.fd, 0);
    return this;
  }

  resume() {
    if (!this._paused) return this;
    this._paused = false;
    if (this.listening) this.loop.modify(this.fd, EPOLLIN);
    return this;
  }

  // { address, family, port } or { path }; -errno when not listening.
  address() {
    return this.fd < 0 ? -EBADF : sockName(this.fd);
  }

  ref() {
    this._ref = true;
    if (this.listening) this.loop.setRef(this.fd, true);
    return this;
  }

  unref() {
    this._ref = false;
    if (this.listening) this.loop.setRef(this.fd, false);
    return this;
  }

  hasRef() {
    return this._ref;
  }

  // close(cb): stops listening at once (a Unix path is unlinked, as libuv
  // does); onClose() and cb() run from the loop.
  close(cb) {
    checkFunctionOrNull(cb, 'the close callback');
    if (this._closed) {
      if (cb) process.nextTick(cb);
      return;
    }
    this._closed = true;
    if (this.fd >= 0) {
      if (this.listening) this.loop.remove(this.fd);
      if (this._path !== null) unlink(this._path);
      close(this.fd);
    }
    this.fd = -1;
    this.listening = false;
    this.loop._defer(finishClose, this, cb || null);
  }
}

function finishClose(server, cb) {
  if (server.onClose !== null) server.onClose();
  if (cb !== null) cb();
}

// listen(options, onConnection): a listening Server, or -errno.
function listen(o, onConnection, loop) {
  checkFunctionOrNull(onConnection, 'onConnection');
  const server = new Server(loop);
  if (onConnection) server.onConnection = onConnection;
  const r = server.listen(o);
  return r < 0 ? r : server;
}

module.exports = { connect, listen, Server };
