// libjs: time through the vDSO: the kernel's clock_gettime, gettimeofday,
// clock_getres, time and getcpu mapped into every process, found by parsing
// the vDSO's ELF symbol table in JavaScript, called through libsys.prepare.
// Every function falls back to the system call where there is no vDSO symbol.
'use strict';
const { syscall, view, prepare } = require('./sys');
const nr = require('./sysnr');
const { EINVAL, ENOSYS } = require('./errno');
const elf = require('./struct/elf');

const { AT_FDCWD, O_RDONLY, O_CLOEXEC, CLOCK_REALTIME, CLOCK_MONOTONIC } = require('./constants');

const AT_NULL = 0, AT_SYSINFO_EHDR = 33; // <linux/auxvec.h>
const TWO32 = 4294967296;

// The names and versions the kernel exports (Documentation/ABI/stable/vdso).
const NAMES = {
  x64: {
    version: 'LINUX_2.6',
    clock_gettime: '__vdso_clock_gettime', gettimeofday: '__vdso_gettimeofday',
    clock_getres: '__vdso_clock_getres', time: '__vdso_time', getcpu: '__vdso_getcpu',
  },
  arm64: {
    version: 'LINUX_2.6.39',
    clock_gettime: '__kernel_clock_gettime', gettimeofday: '__kernel_gettimeofday',
    clock_getres: '__kernel_clock_getres',
  },
}[process.arch] || { version: null };

// /proc/self/auxv: (type, value) pairs of u64 up to AT_NULL. The vDSO lies in
// user space, below 2**47, so a Number holds its address exactly.
function auxv(type) {
  const fd = syscall(nr.openat, AT_FDCWD, '/proc/self/auxv', O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fd;
  const buf = new Uint8Array(new ArrayBuffer(8192));
  let n = 0, r;
  do {
    r = syscall(nr.read, fd, buf.subarray(n), buf.length - n);
    if (r > 0) n += r;
  } while (r > 0 && n < buf.length);
  syscall(nr.close, fd);
  if (r < 0) return r;
  const dv = new DataView(buf.buffer, 0, n);
  for (let p = 0; p + 16 <= n; p += 16) {
    const t = dv.getUint32(p, true) + dv.getUint32(p + 4, true) * TWO32;
    if (t === AT_NULL) break;
    if (t === type) return dv.getUint32(p + 8, true) + dv.getUint32(p + 12, true) * TWO32;
  }
  return 0;
}

// The vDSO image: its address and length (the end of its last PT_LOAD), or
// null. Only the first page is assumed mapped until the headers say more.
function image() {
  const base = auxv(AT_SYSINFO_EHDR);
  if (base <= 0) return null;
  const head = new DataView(view(base, 4096));
  const eh = elf.readEhdr(head);
  const want = process.arch === 'x64' ? elf.EM_X86_64 : elf.EM_AARCH64;
  if (eh.machine !== want) throw new Error(`libjs/vdso: the vDSO is for machine ${eh.machine}, not ${want}`);
  if (eh.phoff + eh.phnum * elf.PHDR_SIZE > 4096) throw new Error('libjs/vdso: program headers past the first page');
  let end = 0;
  for (const p of elf.readPhdrs(head, eh))
    if (p.type === elf.PT_LOAD) end = Math.max(end, p.offset + p.filesz);
  if (end < 4096 || end > 1 << 24) throw new Error(`libjs/vdso: implausible image size ${end}`);
  return { base, length: end };
}

let state = null; // { base, length, symbols, fn: { name: prepared } }
let forceSyscall = false;

function load() {
  state = { base: 0, length: 0, symbols: [], addr: {} };
  const img = image();
  if (img === null) return;
  state.base = img.base;
  state.length = img.length;
  state.symbols = elf.dynamicSymbols(new DataView(view(img.base, img.length)));
  for (const name of ['clock_gettime', 'gettimeofday', 'clock_getres', 'time', 'getcpu']) {
    const a = lookup(NAMES[name], NAMES.version);
    if (a) state.addr[name] = a;
  }
}

// The address of a vDSO function by name (and version, where the vDSO
// versions its symbols), or 0.
function lookup(name, version) {
  if (state === null) load();
  if (typeof name !== 'string') return 0;
  for (const s of state.symbols) {
    if (s.name !== name || !s.defined) continue;
    if (s.type !== elf.STT_FUNC && s.type !== elf.STT_NOTYPE) continue;
    if (s.bind !== elf.STB_GLOBAL && s.bind !== elf.STB_WEAK) continue;
    if (version && s.version && s.version !== version) continue;
    return state.base + s.value;
  }
  return 0;
}

// One timespec for the helpers, bound into their prepared calls (libsys keeps
// it referenced and passes its address, so a helper call marshals nothing).
const tsAB = new ArrayBuffer(16);
const ts32 = new Uint32Array(tsAB);
const tsI32 = new Int32Array(tsAB);
const tsI64 = new BigInt64Array(tsAB);

// The entry points in use: prepared vDSO calls, or the system call.
// cg(clockid, ts); cgTs(clockid) into tsAB; cgMono() reads CLOCK_MONOTONIC into tsAB.
let cg, cgTs, cgMono, cgr, gtod, tm, gcpu;

function bind() {
  if (state === null) load();
  const a = forceSyscall ? {} : state.addr;
  const NR = nr.clock_gettime;
  if (a.clock_gettime) {
    cg = prepare(a.clock_gettime, 2);
    cgTs = prepare(a.clock_gettime, 2, [tsAB]);
    cgMono = prepare(a.clock_gettime, 2, [CLOCK_MONOTONIC, tsAB]);
  } else {
    cg = (c, ts) => syscall(NR, c, ts);
    cgTs = (c) => syscall(NR, c, tsAB);
    cgMono = () => syscall(NR, CLOCK_MONOTONIC, tsAB);
  }
  cgr = a.clock_getres ? prepare(a.clock_getres, 2) : (c, ts) => syscall(nr.clock_getres, c, ts);
  gtod = a.gettimeofday ? prepare(a.gettimeofday, 2) : (tv, tz) => syscall(nr.gettimeofday, tv, tz);
  tm = a.time ? prepare(a.time, 1, [null])
    : nr.time !== undefined ? () => syscall(nr.time, null)
      : () => (cgTs(CLOCK_REALTIME) === 0 ? ts32[0] + tsI32[1] * TWO32 : -ENOSYS);
  gcpu = a.getcpu ? prepare(a.getcpu, 3) : (cpu, node, cache) => syscall(nr.getcpu, cpu, node, cache);
}

function checkBuf(buf, size, what) {
  if (!ArrayBuffer.isView(buf) || buf.byteLength < size) {
    const e = new TypeError(`${what}: expected a Buffer, TypedArray or DataView of at least ${size} bytes`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}
function checkClock(c, what) {
  if (typeof c !== 'number' || (c | 0) !== c) {
    const e = new TypeError(`${what}: the clock id must be an int32 Number, got ${c}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

// clock_gettime(clockid, ts): fills a struct timespec (16 bytes); 0 or -errno.
// The vDSO functions return C ints: `| 0` sign-extends the 32-bit result.
function clock_gettime(clockid, ts) {
  checkClock(clockid, 'clock_gettime');
  checkBuf(ts, 16, 'clock_gettime');
  if (cg === undefined) bind();
  return cg(clockid, ts) | 0;
}

function clock_getres(clockid, ts) {
  checkClock(clockid, 'clock_getres');
  if (ts !== null && ts !== undefined) checkBuf(ts, 16, 'clock_getres');
  if (cg === undefined) bind();
  return cgr(clockid, ts || null) | 0;
}

// gettimeofday(tv, tz): struct timeval (16 bytes) and struct timezone (8
// bytes, obsolete; null to skip); 0 or -errno.
function gettimeofday(tv, tz = null) {
  if (tv !== null) checkBuf(tv, 16, 'gettimeofday');
  if (tz !== null) checkBuf(tz, 8, 'gettimeofday');
  if (cg === undefined) bind();
  return gtod(tv, tz) | 0;
}

// time(): seconds since the epoch as a Number (time_t is 64 bits).
function time() {
  if (cg === undefined) bind();
  return tm();
}

// getcpu(out): writes the CPU and the NUMA node (two u32) into `out` (8
// bytes); 0 or -errno.
function getcpu(out) {
  checkBuf(out, 8, 'getcpu');
  if (cg === undefined) bind();
  const o = out.byteOffset;
  return gcpu(out.subarray ? out.subarray(0, 4) : new Uint8Array(out.buffer, o, 4),
    new Uint8Array(out.buffer, o + 4, 4), null) | 0;
}

// hrtimeMono(): [seconds, nanoseconds] of CLOCK_MONOTONIC, like process.hrtime().
function hrtimeMono() {
  if (cg === undefined) bind();
  cgMono();
  return [ts32[0] + tsI32[1] * TWO32, ts32[2]];
}

// hrtime(clockid): [seconds, nanoseconds] like process.hrtime(), or -errno.
function hrtime(clockid = CLOCK_MONOTONIC) {
  if (cg === undefined) bind();
  const r = cgTs(clockid) | 0;
  if (r !== 0) return r < 0 ? r : -EINVAL;
  return [ts32[0] + tsI32[1] * TWO32, ts32[2]];
}

// nowBigInt(clockid): nanoseconds as a BigInt (exact for every clock,
// CLOCK_REALTIME included), or -errno as a Number.
function nowBigInt(clockid) {
  if (cg === undefined) bind();
  const r = cgTs(clockid) | 0;
  if (r !== 0) return r < 0 ? r : -EINVAL;
  return tsI64[0] * 1000000000n + tsI64[1];
}

// hrtimeBigInt(): CLOCK_MONOTONIC in nanoseconds, like process.hrtime.bigint().
function hrtimeBigInt() {
  if (cg === undefined) bind();
  cgMono();
  // BigInt arithmetic on typed-array reads stays in 64-bit registers in
  // optimised code: several times cheaper than BigInt(aNumber).
  return tsI64[0] * 1000000000n + tsI64[1];
}

// nowMs(clockid): milliseconds as a Number with a fractional part (like
// performance.now() or Date.now() for CLOCK_REALTIME, sub-ms resolution), or -errno.
function nowMs(clockid) {
  if (cg === undefined) bind();
  const r = cgTs(clockid) | 0;
  if (r !== 0) return r < 0 ? r : -EINVAL;
  return (ts32[0] + tsI32[1] * TWO32) * 1e3 + ts32[2] / 1e6;
}

// What was found: the vDSO's address and length, the resolved functions'
// addresses, and whether calls go through it.
function info() {
  if (state === null) load();
  if (cg === undefined) bind();
  return {
    base: state.base,
    length: state.length,
    functions: { ...state.addr },
    symbols: state.symbols.map((s) => (s.version ? `${s.name}@@${s.version}` : s.name)),
    usingVdso: !forceSyscall && state.addr.clock_gettime !== undefined,
  };
}

// useSyscall(true) routes every call through the system call (to test the
// fallback, or to make clock reads visible to a syscall tracer); false goes
// back to the vDSO where it has the function.
function useSyscall(on) {
  forceSyscall = !!on;
  bind();
}

module.exports = {
  clock_gettime, clock_getres, gettimeofday, time, getcpu,
  hrtime, hrtimeMono, hrtimeBigInt, nowBigInt, nowMs, lookup, info, useSyscall,
};
