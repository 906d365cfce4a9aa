// libjs: the one door to libsys. Every wrapper calls `syscall` from here, so
// a tracer (UNODE_TRACE=1) can stand in front of the gate without touching them.
'use strict';
const libsys = require('libsys');

let syscall = libsys.syscall;
let syscall64 = libsys.syscall64;
if (process.env.UNODE_TRACE) {
  const trace = require('./trace');
  syscall = trace.wrap(libsys.syscall, 'syscall');
  syscall64 = trace.wrap(libsys.syscall64, 'syscall64');
}

module.exports = {
  syscall,
  syscall64,
  addressOf: libsys.addressOf,
  view: libsys.view,
  call: libsys.call,
  call64: libsys.call64,
  prepare: libsys.prepare,
};
