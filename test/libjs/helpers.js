// Test helper for the libjs wrapper tests: temporary directories, child
// processes running libjs, and reading kernel structs at the C compiler's
// offsets (libsys.offsetof), independently of libjs/struct.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const libsys = require('libsys');

const LIBJS = path.join(__dirname, '..', '..', 'libjs');

// A fresh directory, removed by the returned function.
function tmpdir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-test-'));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// Runs `code` in a new node process with `L` bound to libjs; returns
// { status, signal, stdout, stderr }.
function child(code, opts = {}) {
  const src = `const L = require(${JSON.stringify(LIBJS)});\n${code}`;
  return spawnSync(process.execPath, ['-e', src], { encoding: 'utf8', timeout: 10000, ...opts });
}

// A field of a struct the kernel filled, at libsys's offset and size.
function field(buf, struct, name) {
  const off = libsys.offsetof[struct][name];
  const size = libsys.membersize[struct][name];
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (size === 8) return dv.getBigInt64(off, true);
  if (size === 4) return BigInt(dv.getUint32(off, true));
  if (size === 2) return BigInt(dv.getUint16(off, true));
  throw new Error(`field ${struct}.${name}: size ${size}`);
}

function num(buf, struct, name) {
  return Number(field(buf, struct, name));
}

// A zeroed buffer as large as the C struct.
function struct(name) {
  return Buffer.alloc(libsys.sizeof[name]);
}

// A pipe as [readFd, writeFd] through libjs; closed by the caller.
function pipe(flags = 0) {
  const L = require(LIBJS);
  const fds = new Int32Array(2);
  const r = L.pipe2(fds, flags);
  if (r !== 0) throw new Error(`pipe2: ${r}`);
  return [fds[0], fds[1]];
}

function isOpen(fd) {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

// n descriptors of `file` with adjacent numbers, above every number this
// process is likely to use, so that closing the range [first, last] closes
// ours only: a range over fds from open() may span a hole that another part
// of the process (eloop's eventfd, an epoll fd) fills in the meantime.
// (libsys directly: a test may be running on a stand-in copy of libjs.)
function adjacentFds(n, file = __filename) {
  const fcntl = { x64: 72, arm64: 25 }[process.arch];
  const F_DUPFD_CLOEXEC = 1030;
  const base = fs.openSync(file, 'r');
  const fds = [];
  try {
    for (let i = 0; i < n; i++) {
      const fd = libsys.syscall(fcntl, base, F_DUPFD_CLOEXEC, fds.length ? fds[fds.length - 1] + 1 : 1000);
      if (fd < 0) throw new Error(`fcntl(F_DUPFD_CLOEXEC): ${fd}`);
      fds.push(fd);
    }
  } finally {
    fs.closeSync(base);
  }
  if (fds[n - 1] - fds[0] !== n - 1) {
    for (const fd of fds) fs.closeSync(fd);
    throw new Error(`no ${n} adjacent free descriptors from 1000: got ${fds}`);
  }
  return fds;
}

module.exports = { tmpdir, child, field, num, struct, pipe, isOpen, adjacentFds, LIBJS };
