// libaio: one epoll event loop in JavaScript: fds, timers, immediates,
// eloop completions; TCP, UDP, Unix sockets and pipes on top of it.
'use strict';
const { Loop, getLoop } = require('./loop');
const { Timer, Immediate } = require('./timers');
const { Stream } = require('./stream');
const { connect, listen, Server } = require('./net');
const { UdpSocket, createSocket } = require('./udp');
const { pipe, socketPair, open } = require('./pipe');
const { ipFamily } = require('./address');

module.exports = {
  Loop,
  getLoop,
  Timer,
  Immediate,
  Stream,
  Server,
  UdpSocket,
  connect,
  listen,
  createServer: (onConnection, loop) => {
    const s = new Server(loop);
    if (onConnection) s.onConnection = onConnection;
    return s;
  },
  createSocket,
  pipe,
  socketPair,
  open,
  ipFamily,
  // The default loop's timers, for convenience.
  setTimeout: (cb, ms, ...args) => getLoop().setTimeout(cb, ms, ...args),
  setInterval: (cb, ms, ...args) => getLoop().setInterval(cb, ms, ...args),
  setImmediate: (cb, ...args) => getLoop().setImmediate(cb, ...args),
  clearTimeout: (t) => getLoop().clearTimeout(t),
  clearInterval: (t) => getLoop().clearInterval(t),
  clearImmediate: (i) => getLoop().clearImmediate(i),
};
