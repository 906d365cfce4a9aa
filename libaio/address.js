// libaio: socket addresses between Node's shapes ({ address, family, port },
// a Unix path) and sockaddr buffers. Numeric addresses only: name lookup is
// the caller's business (unode's dns).
'use strict';
const { getsockname, getpeername } = require('libjs/socket');
const { sockaddr_in, sockaddr_in6, sockaddr_un, decode, STORAGE_SIZE } = require('libjs/struct/sockaddr');
const inet = require('libjs/struct/inet');
const { AF_INET, AF_INET6, AF_UNIX } = require('libjs/constants');
const { EINVAL, EAFNOSUPPORT } = require('libjs/errno');
const { typeError, checkInt } = require('./util');

const probe = new Uint8Array(16);

// 4 for a dotted quad, 6 for IPv6 text (with an optional numeric %zone), 0 otherwise.
function ipFamily(host) {
  if (typeof host !== 'string') return 0;
  if (inet.parse4(host, probe, 0)) return 4;
  const pct = host.indexOf('%');
  if (inet.parse6(pct < 0 ? host : host.slice(0, pct), probe, 0)) return 6;
  return 0;
}

function familyName(af) {
  return af === AF_INET ? 'IPv4' : af === AF_INET6 ? 'IPv6' : af === AF_UNIX ? 'Unix' : `AF_${af}`;
}

// Writes the sockaddr for (host, port) into buf (128 bytes); `family` 4 or 6
// decides when host is empty ('0.0.0.0' / '::'). Returns its length, or
// -EINVAL for an address that is not numeric, -EAFNOSUPPORT for a family
// that does not match.
function encodeInet(buf, host, port, family = 0) {
  checkInt(port, 0, 65535, 'port');
  if (host === undefined || host === null || host === '') host = family === 6 ? '::' : '0.0.0.0';
  if (typeof host !== 'string') throw typeError(`the address must be a string, got ${typeof host}`);
  const f = ipFamily(host);
  if (f === 0) return -EINVAL;
  if (family !== 0 && family !== f) return -EAFNOSUPPORT;
  return f === 4 ? sockaddr_in.encode(buf, host, port) : sockaddr_in6.encode(buf, host, port);
}

// A Unix path (string or Buffer; a leading NUL makes an abstract name).
function encodeUnix(buf, path) {
  if (typeof path !== 'string' && !ArrayBuffer.isView(path))
    throw typeError(`the path must be a string or a Buffer, got ${path === null ? 'null' : typeof path}`);
  return sockaddr_un.encode(buf, path);
}

// { address, family: 'IPv4' | 'IPv6', port } (flowinfo and scopeid for IPv6),
// { path } for a Unix socket ('' when unnamed, a leading '\0' for an
// abstract name), or { family } for anything else.
function toObject(buf, len) {
  const a = decode(buf, len);
  if (a.family === AF_INET) return { address: a.address, family: 'IPv4', port: a.port };
  if (a.family === AF_INET6)
    return { address: a.address, family: 'IPv6', port: a.port, flowinfo: a.flowinfo, scopeid: a.scopeId };
  if (a.family === AF_UNIX) return { path: a.path, family: 'Unix' };
  return { family: familyName(a.family) };
}

const scratch = Buffer.alloc(STORAGE_SIZE);

// The local (getsockname) or remote (getpeername) address of fd, or -errno.
function sockName(fd) {
  const r = getsockname(fd, scratch);
  return r < 0 ? r : toObject(scratch, Math.min(r, STORAGE_SIZE));
}

function peerName(fd) {
  const r = getpeername(fd, scratch);
  return r < 0 ? r : toObject(scratch, Math.min(r, STORAGE_SIZE));
}

module.exports = { ipFamily, familyName, encodeInet, encodeUnix, toObject, sockName, peerName, STORAGE_SIZE };
