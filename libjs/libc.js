// libjs: the C library this process already runs, called through libsys.call,
// for what the kernel does per thread but POSIX wants per process: the set*id
// and setgroups credential changes. Linux keeps credentials per thread; libc's
// wrappers signal every thread of the process to make the same change (glibc's
// setxid broadcast, musl's synccall), which no system call made from one
// thread can do. Raw tier: 0 or -errno. Each call is reported to UNODE_TRACE
// as the system call libc makes, tagged [libc].
'use strict';
const { call, call64, view } = require('./sys');
const { openat } = require('./fcntl');
const { read, close } = require('./unistd');
const { fstat } = require('./stat');
const { AT_FDCWD, O_RDONLY, O_CLOEXEC } = require('./constants');
const statCodec = require('./struct/stat');
const elf = require('./struct/elf');
const trace = require('./trace');
const { fail, array } = require('./args');
const SIZE = require('./abi');

// glibc's libc.so.6 (or an old libc-2.N.so), or musl's ld-musl-<arch>.so.1.
const LIBC = /\/(?:libc\.so\.6|libc-[\d.]+\.so|ld-musl-[\w-]+\.so\.1)$/;

function slurp(path) {
  const fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fd;
  try {
    const st = Buffer.alloc(SIZE.stat);
    const r = fstat(fd, st);
    if (r < 0) return r;
    const info = statCodec.decode(st);
    const size = info.size > 0 ? info.size : 1 << 20;
    let buf = Buffer.allocUnsafe(size), n = 0;
    for (;;) {
      if (n === buf.length) {
        const g = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(g, 0, 0, n);
        buf = g;
      }
      const k = read(fd, buf, buf.length - n, n);
      if (k < 0) return k;
      if (k === 0) break;
      n += k;
    }
    return { bytes: buf.subarray(0, n), ino: info.ino };
  } finally {
    close(fd);
  }
}

// The loaded C library: { path, base, symbols: Map name -> address }, or null
// where none can be found (a static build, a libc this does not know).
let lib;
function load() {
  if (lib !== undefined) return lib;
  lib = null;
  const maps = slurp('/proc/self/maps');
  if (typeof maps === 'number') return lib;
  let path = null, base = 0, ino = -1;
  for (const line of maps.bytes.toString('latin1').split('\n')) {
    const m = /^([0-9a-f]+)-[0-9a-f]+ \S+ ([0-9a-f]+) \S+ (\d+)\s+(\S.*)$/.exec(line);
    if (m === null || !LIBC.test(m[4]) || parseInt(m[2], 16) !== 0) continue;
    if (path !== null && m[4] !== path) continue;
    const start = parseInt(m[1], 16);
    if (path === null || start < base) {
      path = m[4];
      base = start;
      ino = Number(m[3]);
    }
  }
  if (path === null) return lib;
  const file = slurp(path);
  // A libc replaced on disk since it was mapped is not the one running.
  if (typeof file === 'number' || file.ino !== ino) return lib;
  const dv = new DataView(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length);
  const eh = elf.readEhdr(dv);
  const first = elf.readPhdrs(dv, eh).find((p) => p.type === elf.PT_LOAD);
  const symbols = new Map();
  for (const s of elf.dynamicSymbols(dv)) {
    if (!s.defined || s.type !== elf.STT_FUNC || (s.bind !== elf.STB_GLOBAL && s.bind !== elf.STB_WEAK)) continue;
    // dynamicSymbols gives file offsets within the first PT_LOAD, which is
    // mapped at `base`.
    if (!symbols.has(s.name)) symbols.set(s.name, base + s.value - first.offset);
  }
  lib = { path, base, symbols };
  return lib;
}

// The address of a function of the loaded C library, or 0. A name libc
// exports in several versions (memcpy@GLIBC_2.2.5, memcpy@@GLIBC_2.14) gives
// the first in its table, not necessarily the default one; the functions used
// here have one version each.
function symbol(name) {
  const l = load();
  if (l === null) return 0;
  return l.symbols.get(name) || 0;
}

// errno of this thread, read through __errno_location().
let errnoView = null;
function errno() {
  if (errnoView === null) {
    const loc = symbol('__errno_location');
    if (loc === 0) return 0;
    errnoView = new Int32Array(view(call64(loc), 4));
  }
  return errnoView[0];
}

const ENOSYS = -38;

// Calls libc's `name`, whose C result is an int: 0, or -1 with errno set.
function invoke(name, args) {
  const f = symbol(name);
  if (f === 0) return ENOSYS;
  const r = call(f, ...args) | 0;
  return r === -1 ? -errno() : r;
}

function id(fn, v, what) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
    fail(fn, `${what} must be an integer from 0 to 2**32 - 1, got ${v}`);
  return v;
}

// [libc] lines in the trace name the system call libc makes on every thread.
function traced(sysname, args, r) {
  if (trace.enabled) trace.record(sysname, args, r, { tag: 'libc' });
  return r;
}

function setuid(uid) {
  id('setuid', uid, 'uid');
  return traced('setuid', [uid], invoke('setuid', [uid]));
}

function setgid(gid) {
  id('setgid', gid, 'gid');
  return traced('setgid', [gid], invoke('setgid', [gid]));
}

function seteuid(uid) {
  id('seteuid', uid, 'uid');
  return traced('setresuid', [-1, uid, -1], invoke('seteuid', [uid]));
}

function setegid(gid) {
  id('setegid', gid, 'gid');
  return traced('setresgid', [-1, gid, -1], invoke('setegid', [gid]));
}

// list: `size` gid_t (a Uint32Array, say).
function setgroups(size, list) {
  const l = size === 0 ? null : array('setgroups', list, size, 4, 'gid');
  return traced('setgroups', [size, l], invoke('setgroups', [size, l]));
}

// Whether libc was found (the functions above return -ENOSYS where not).
function available() {
  return load() !== null;
}

module.exports = { symbol, errno, available, setuid, setgid, seteuid, setegid, setgroups };
