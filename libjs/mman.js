// libjs: <sys/mman.h>: mmap and friends, memfd_create.
//
// mmap returns the address as a BigInt (or -errno as a BigInt). munmap,
// mprotect, madvise, msync and a MAP_FIXED mmap act only on ranges inside
// mappings made by this module's mmap: any other address could be V8's heap
// or libc's, and unmapping it would crash the process, which no bad argument
// may do above libsys.
'use strict';
const { syscall, syscall64 } = require('./sys');
const nr = require('./sysnr');
const { fail, cpath } = require('./args');
const { MAP_FIXED, MAP_FIXED_NOREPLACE } = require('./constants');

const PAGE = 4096;

// Live mappings made here: start address -> length (page-rounded), Numbers.
const maps = new Map();

function toNumber(fn, v, what) {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    fail(fn, `${what} must be a non-negative integer (Number or BigInt), got ${v}`);
  return n;
}

function roundUp(n) {
  return Math.ceil(n / PAGE) * PAGE;
}

// Whether the pages of [addr, addr + len) all lie in mappings made here.
function owned(addr, len) {
  let at = Math.floor(addr / PAGE) * PAGE;
  const end = roundUp(addr + len);
  while (at < end) {
    let next = -1;
    for (const [start, size] of maps) {
      if (at >= start && at < start + size) {
        next = start + size;
        break;
      }
    }
    if (next < 0) return false;
    at = next;
  }
  return true;
}

function checkOwned(fn, addr, len) {
  const a = toNumber(fn, addr, 'addr');
  const l = toNumber(fn, len, 'len');
  if (!owned(a, l)) fail(fn, `[0x${a.toString(16)}, +${l}) is not inside a mapping made by libjs mmap`);
  return [a, l];
}

// Forget [a, a + l) from the mappings it lies in (splitting them).
function forget(a, l) {
  const end = a + roundUp(l);
  for (const [start, size] of [...maps]) {
    const stop = start + size;
    if (stop <= a || start >= end) continue;
    maps.delete(start);
    if (start < a) maps.set(start, a - start);
    if (stop > end) maps.set(end, stop - end);
  }
}

function mmap(addr, len, prot, flags, fd = -1, offset = 0) {
  // MAP_FIXED replaces whatever is there; MAP_FIXED_NOREPLACE fails instead.
  if (flags & MAP_FIXED && !(flags & MAP_FIXED_NOREPLACE)) checkOwned('mmap', addr, len);
  const r = syscall64(nr.mmap, addr, len, prot, flags, fd, offset);
  if (r < 0n && r > -4096n) return r;
  const a = Number(r), l = roundUp(toNumber('mmap', len, 'len'));
  forget(a, l);
  maps.set(a, l);
  return r;
}

function munmap(addr, len) {
  const [a, l] = checkOwned('munmap', addr, len);
  const r = syscall(nr.munmap, a, l);
  if (r === 0) forget(a, l);
  return r;
}

function mprotect(addr, len, prot) {
  const [a, l] = checkOwned('mprotect', addr, len);
  return syscall(nr.mprotect, a, l, prot);
}

function madvise(addr, len, advice) {
  const [a, l] = checkOwned('madvise', addr, len);
  return syscall(nr.madvise, a, l, advice);
}

function msync(addr, len, flags) {
  const [a, l] = checkOwned('msync', addr, len);
  return syscall(nr.msync, a, l, flags);
}

// name: shown in /proc/self/fd (at most 249 bytes).
function memfd_create(name, flags = 0) {
  return syscall(nr.memfd_create, cpath('memfd_create', name, 'name'), flags);
}

module.exports = { mmap, munmap, mprotect, madvise, msync, memfd_create };
