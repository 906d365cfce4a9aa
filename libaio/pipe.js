// libaio: pipes (pipe2 with O_NONBLOCK|O_CLOEXEC), Unix socket pairs, and
// Streams over descriptors opened elsewhere (inherited stdio, say).
'use strict';
const { pipe2 } = require('libjs/unistd');
const { close } = require('./fd');
const { fcntl } = require('libjs/fcntl');
const { socketpair, getsockopt_int } = require('libjs/socket');
const C = require('libjs/constants');
const { ENOTSOCK } = require('libjs/errno');
const { Stream, OPEN } = require('./stream');
const { loopArg } = require('./loop');
const { checkFd, typeError } = require('./util');

const fds = new Int32Array(2);

function wrap(loop, fd, kind) {
  const s = new Stream(loop, fd, kind, OPEN);
  const r = s._register(0);
  if (r < 0) return r;
  return s;
}

// pipe(): [readEnd, writeEnd] as Streams, or -errno. end() on the write end
// closes it once its queue has drained; the read end then sees onEnd().
function pipe(loop) {
  loop = loopArg(loop);
  const r = pipe2(fds, C.O_NONBLOCK | C.O_CLOEXEC);
  if (r < 0) return r;
  const a = fds[0], b = fds[1];
  const rs = wrap(loop, a, 'pipe');
  if (typeof rs === 'number') {
    close(a);
    close(b);
    return rs;
  }
  const ws = wrap(loop, b, 'pipe');
  if (typeof ws === 'number') {
    rs.close();
    close(b);
    return ws;
  }
  return [rs, ws];
}

// socketPair(): two connected Unix stream sockets as Streams, or -errno
// (full duplex, half-close, descriptor passing: child process IPC).
function socketPair(loop) {
  loop = loopArg(loop);
  const r = socketpair(C.AF_UNIX, C.SOCK_STREAM | C.SOCK_NONBLOCK | C.SOCK_CLOEXEC, 0, fds);
  if (r < 0) return r;
  const a = fds[0], b = fds[1];
  const sa = wrap(loop, a, 'unix');
  if (typeof sa === 'number') {
    close(a);
    close(b);
    return sa;
  }
  const sb = wrap(loop, b, 'unix');
  if (typeof sb === 'number') {
    sa.close();
    close(b);
    return sb;
  }
  return [sa, sb];
}

// The kind of stream an fd is: 'tcp' or 'unix' for stream sockets, 'pipe'
// for anything else epoll can watch (pipes, FIFOs, terminals, character devices).
function kindOf(fd) {
  const domain = getsockopt_int(fd, C.SOL_SOCKET, C.SO_DOMAIN);
  if (domain === -ENOTSOCK) return 'pipe';
  if (domain < 0) return domain;
  return domain === C.AF_UNIX ? 'unix' : 'tcp';
}

// open(fd, { kind? }): a Stream over an fd this process already has (made
// non-blocking: shared with another process, the flag is shared too, as
// with libuv). The Stream owns the fd from now on: close() closes it.
// Returns the Stream or -errno (-EPERM for a regular file: epoll cannot
// watch one; read those through eloop).
function open(fd, o = {}, loop) {
  checkFd(fd);
  loop = loopArg(loop);
  if (o === null || typeof o !== 'object') throw typeError('open: options must be an object');
  let kind = o.kind;
  if (kind === undefined) {
    kind = kindOf(fd);
    if (typeof kind === 'number') return kind;
  } else if (kind !== 'tcp' && kind !== 'unix' && kind !== 'pipe') {
    throw typeError(`kind must be 'tcp', 'unix' or 'pipe', got ${kind}`);
  }
  const fl = fcntl(fd, C.F_GETFL);
  if (fl < 0) return fl;
  if ((fl & C.O_NONBLOCK) === 0) {
    const r = fcntl(fd, C.F_SETFL, fl | C.O_NONBLOCK);
    if (r < 0) return r;
  }
  const s = wrap(loop, fd, kind);
  if (typeof s === 'number') return s;
  // Find out now whether epoll can watch it at all.
  const r = loop.modify(fd, C.EPOLLIN);
  if (r < 0) {
    loop.remove(fd);
    return r;
  }
  loop.modify(fd, 0);
  return s;
}

module.exports = { pipe, socketPair, open, kindOf };
