// unode/internal/os: whole small files (/proc, /sys, /etc) read through libjs,
// as libuv's uv__slurp and glibc's file parsers read them.
'use strict';
const { openat } = require('libjs/fcntl');
const { read, close } = require('libjs/unistd');
const { AT_FDCWD, O_RDONLY, O_CLOEXEC } = require('libjs/constants');

// One buffer for every read; it only grows (to the largest file read, e.g.
// /proc/cpuinfo on a machine with many CPUs). Reads are synchronous, so no
// two of them overlap.
let buf = Buffer.allocUnsafe(16384);

// The bytes of `path`: a Buffer that is valid only until the next call (copy
// it to keep it), or -errno. With `limit`, one read of at most that many bytes,
// as libuv's uv__slurp reads the small /proc files (each comes whole from one
// read); without, reads to end of file, as stdio does (a long /proc file comes
// a page or so at a time). openat, as libc opens.
function readBytes(path, limit) {
  const fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fd;
  let n = 0;
  if (limit !== undefined) {
    if (buf.length < limit) buf = Buffer.allocUnsafe(limit);
    n = read(fd, buf, limit);
    close(fd);
    return n < 0 ? n : buf.subarray(0, n);
  }
  for (;;) {
    if (n === buf.length) {
      const grown = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(grown, 0, 0, n);
      buf = grown;
    }
    const r = read(fd, buf, buf.length - n, n);
    if (r < 0) {
      close(fd);
      return r;
    }
    if (r === 0) break;
    n += r;
  }
  close(fd);
  return buf.subarray(0, n);
}

// The file as a string (latin1: /proc and /sys are ASCII; every byte maps to
// one character, so offsets agree with the bytes), or -errno.
function readText(path, limit) {
  const b = readBytes(path, limit);
  return typeof b === 'number' ? b : b.latin1Slice(0, b.length);
}

// The file's bytes in a Buffer of their own, or -errno.
function readCopy(path, limit) {
  const b = readBytes(path, limit);
  return typeof b === 'number' ? b : Buffer.from(b);
}

// getauxval(3): a value of the auxiliary vector the kernel gave this process
// (AT_PAGESZ, AT_SECURE, AT_CLKTCK, ...), or undefined. Read once: it never changes.
let auxv = null;
function getauxval(type) {
  if (auxv === null) {
    auxv = new Map();
    const b = readBytes('/proc/self/auxv');
    if (typeof b !== 'number') {
      for (let p = 0; p + 16 <= b.length; p += 16) {
        const t = b.readUInt32LE(p) + b.readUInt32LE(p + 4) * 2 ** 32;
        if (t === 0) break;
        auxv.set(t, b.readUInt32LE(p + 8) + b.readUInt32LE(p + 12) * 2 ** 32);
      }
    }
  }
  return auxv.get(type);
}

module.exports = { readBytes, readText, readCopy, getauxval };
