// bench: the libsys call gate (syscall() and the register gate) against the
// in-process C loop, koffi calling libc's syscall(), and Node's own
// fs.readSync. `node bench/syscall.js`
'use strict';
const fs = require('fs');
const sys = require('libsys');
const { run, table } = require('./common');

const NR = { x64: { getpid: 39, read: 0 }, arm64: { getpid: 172, read: 63 } }[process.arch];
const fd = fs.openSync('/dev/zero', 'r');
const buf = Buffer.alloc(64);

let koffiSyscall = null;
try {
  const koffi = require('koffi');
  koffiSyscall = koffi.load('libc.so.6').func('long syscall(long, long, void *, long)');
} catch (e) {
  console.log(`(koffi unavailable: ${e.message})`);
}

// The register gate: arguments as Numbers in libsys.regs, the buffer as its
// address (what libjs's wrappers pass), or as the one value.
const R = sys.regs;
const bufAddress = Number(sys.addressOf(buf));
const regs = (nr, a1, a2, a3) => {
  R[0] = nr; R[1] = a1; R[2] = a2; R[3] = a3; R[4] = 0; R[5] = 0; R[6] = 0;
  return sys.syscallRegs();
};
const variants = {
  'C loop getpid': (n) => sys.bench.getpid(n),
  'libsys getpid': (n) => { for (let i = 0; i < n; i++) sys.syscall(NR.getpid); },
  'libsys regs getpid': (n) => { for (let i = 0; i < n; i++) regs(NR.getpid, 0, 0, 0); },
  'C loop read 64': (n) => sys.bench.read(fd, 64, n),
  'libsys read 64': (n) => { for (let i = 0; i < n; i++) sys.syscall(NR.read, fd, buf, 64); },
  'libsys regs read 64': (n) => { for (let i = 0; i < n; i++) regs(NR.read, fd, bufAddress, 64); },
  'libsys regs read 64, buffer as value': (n) => {
    for (let i = 0; i < n; i++) {
      R[0] = NR.read; R[1] = fd; R[2] = 0; R[3] = 64; R[4] = 0; R[5] = 0; R[6] = 0; R[7] = 2;
      sys.syscallRegs(buf);
    }
  },
  'fs.readSync 64': (n) => { for (let i = 0; i < n; i++) fs.readSync(fd, buf, 0, 64); },
};
if (koffiSyscall) {
  variants['koffi getpid'] = (n) => { for (let i = 0; i < n; i++) koffiSyscall(NR.getpid, 0, null, 0); };
  variants['koffi read 64'] = (n) => { for (let i = 0; i < n; i++) koffiSyscall(NR.read, fd, buf, 64); };
}
variants['empty Node-API call'] = (n) => { for (let i = 0; i < n; i++) sys.bench.noop(); };

const r = run(variants, { rounds: Number(process.env.ROUNDS || 9), iterations: Number(process.env.ITER || 300000) });
const f = (x) => `${x.toFixed(1).padStart(7)} ns`;
table('ns per call (median of interleaved rounds)', Object.entries(r).map(([k, v]) => [k, f(v)]));
const rows = [
  ['libsys getpid / C loop', (r['libsys getpid'] / r['C loop getpid']).toFixed(2) + 'x', 'target <= 1.8x'],
  ['libsys read / fs.readSync', (r['libsys read 64'] / r['fs.readSync 64']).toFixed(2) + 'x', 'target <= 0.8x'],
  ['libsys read / C loop', (r['libsys read 64'] / r['C loop read 64']).toFixed(2) + 'x'],
  ['regs getpid, read / C loop', `${(r['libsys regs getpid'] / r['C loop getpid']).toFixed(2)}x, ` +
    `${(r['libsys regs read 64'] / r['C loop read 64']).toFixed(2)}x`, '(the register gate)'],
  ['regs read / fs.readSync', (r['libsys regs read 64'] / r['fs.readSync 64']).toFixed(2) + 'x'],
];
if (koffiSyscall) {
  rows.push(['libsys getpid / koffi', (r['libsys getpid'] / r['koffi getpid']).toFixed(2) + 'x', 'target < 1.0x']);
  rows.push(['libsys read / koffi', (r['libsys read 64'] / r['koffi read 64']).toFixed(2) + 'x']);
}
table('ratios', rows);
fs.closeSync(fd);
