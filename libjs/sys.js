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

// The register gate: `regs` ([nr, a1..a6, pos], a Float64Array) and
// `syscallRegs(value?)` make a call whose arguments are Numbers without a
// Node-API call per argument (~100 ns less for a five-argument statx). Hot
// wrappers use it when their arguments are Numbers; null while a tracer
// stands in front of the gate (it must see every call with its arguments) or
// where libsys has no register file.
const traced = syscall !== libsys.syscall;
const regs = !traced && libsys.regs !== undefined ? libsys.regs : null;
const syscallRegs = regs !== null ? libsys.syscallRegs : null;

// A call through the registers: integer Numbers only. Every register is
// written, so nothing an earlier call left there is passed on.
function sysr(nr, a1, a2, a3, a4, a5, a6) {
  const R = regs;
  R[0] = nr; R[1] = a1; R[2] = a2; R[3] = a3; R[4] = a4; R[5] = a5; R[6] = a6;
  return syscallRegs();
}

// The same with one string or buffer (syscall's rules) as argument `pos`;
// that register holds a byte offset into it (0 for a string).
function sysrv(pos, value, nr, a1, a2, a3, a4, a5, a6) {
  const R = regs;
  R[0] = nr; R[1] = a1; R[2] = a2; R[3] = a3; R[4] = a4; R[5] = a5; R[6] = a6; R[7] = pos;
  return syscallRegs(value);
}

module.exports = {
  syscall,
  syscall64,
  regs,
  syscallRegs,
  sysr,
  sysrv,
  addressOf: libsys.addressOf,
  view: libsys.view,
  call: libsys.call,
  call64: libsys.call64,
  prepare: libsys.prepare,
};
