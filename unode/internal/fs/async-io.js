// unode/internal/fs: asynchronous file I/O and metadata on eloop, shared by
// the callback and promise forms: open, close, read, write (continued after
// short writes, as libuv's write_all), readv/writev, the stat family, statfs.
// Each completion gets -errno, or the result.
'use strict';

const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const { addressOf } = require('libjs/sys');
const { submit, span, kpath, AT_FDCWD } = require('./jobs');
const S = require('./stats');
const unmanaged = require('./unmanaged');

const { O_CLOEXEC, AT_EMPTY_PATH, S_IFMT, S_IFREG } = C;
const EPERM = -1;
const EINTR = -4;
const EINVAL = -22;
const ENOSYS = -38;
const EOPNOTSUPP = -95;
const EINPROGRESS = -115;
const IOV_MAX = 1024;

function open(path, flags, mode, cb) {
  submit((fd) => {
    if (fd >= 0) unmanaged.opened(fd);
    cb(fd);
  }, nr.openat, AT_FDCWD, kpath(path), flags | O_CLOEXEC, mode);
}

// Linux releases the fd even when close fails with EINTR; libuv reports success.
function close(fd, cb) {
  unmanaged.closing(fd);
  submit((r) => cb(r === EINTR || r === EINPROGRESS ? 0 : r), nr.close, fd);
}

// The last check before the kernel is handed a pointer and a count: eloop,
// like libsys, trusts them (a string there would pass its address as the
// count). The public layers validate first; this catches what they miss.
function checkRange(buf, off, len) {
  if (typeof off !== 'number' || typeof len !== 'number' || !Number.isInteger(off) ||
      !Number.isInteger(len) || off < 0 || len < 0 || off + len > buf.byteLength) {
    const err = new RangeError(`fs: a byte range ${String(off)}+${String(len)} outside a buffer of ${buf.byteLength} bytes`);
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
}

// One read of `len` bytes into buf at `off`: read(2) at the current position
// when pos < 0, else pread64 (pos a Number or a BigInt).
function read(fd, buf, off, len, pos, cb) {
  checkRange(buf, off, len);
  if (pos < 0) submit(cb, nr.read, fd, span(buf, off, len), len);
  else submit(cb, nr.pread64, fd, span(buf, off, len), len, pos);
}

// Write all `len` bytes, continuing after short writes; the total, or -errno
// when the first write fails (a later failure ends it with what was written).
function writeAll(fd, buf, off, len, pos, cb) {
  checkRange(buf, off, len);
  let total = 0;
  const step = () => {
    const done = (r) => {
      if (r <= 0) {
        cb(total === 0 ? r : total);
        return;
      }
      total += r;
      off += r;
      len -= r;
      if (pos >= 0) pos += typeof pos === 'bigint' ? BigInt(r) : r;
      if (len > 0) step();
      else cb(total);
    };
    if (pos < 0) submit(done, nr.write, fd, span(buf, off, len), len);
    else submit(done, nr.pwrite64, fd, span(buf, off, len), len, pos);
  };
  step();
}

// ---- vectors -------------------------------------------------------------------
// An iovec array holds raw addresses: the completion callbacks below keep the
// buffers themselves referenced until the kernel is done with them.

const bases = new WeakMap();

function baseOf(view) {
  const ab = view.buffer;
  let base = bases.get(ab);
  if (base === undefined) {
    base = Number(addressOf(ab)); // materialises the buffer: it no longer moves
    bases.set(ab, base);
  }
  return base + view.byteOffset;
}

// A fresh iovec array for buffers[start .. start + n), the first skipping `skip` bytes.
function iovFor(buffers, start, n, skip) {
  const iov = new Uint32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const b = buffers[start + i];
    const s = i === 0 ? skip : 0;
    const a = baseOf(b) + s;
    const len = b.byteLength - s;
    const k = i << 2;
    iov[k] = a % 4294967296;
    iov[k + 1] = Math.floor(a / 4294967296);
    iov[k + 2] = len % 4294967296;
    iov[k + 3] = Math.floor(len / 4294967296);
  }
  return iov;
}

// One read into buffers, as libuv's: read/pread for one buffer, readv/preadv
// for more (at most IOV_MAX), EINVAL for none. pos < 0: the current position.
function readBuffers(fd, buffers, pos, cb) {
  const n = Math.min(buffers.length, IOV_MAX);
  if (n === 0) {
    cb(EINVAL);
    return;
  }
  if (n === 1) {
    const b = buffers[0];
    read(fd, b, 0, b.byteLength, pos, cb);
    return;
  }
  const iov = iovFor(buffers, 0, n, 0);
  const done = (r) => {
    void buffers; // referenced until the kernel has written into them
    cb(r);
  };
  if (pos < 0) submit(done, nr.readv, fd, iov, n);
  else submit(done, nr.preadv, fd, iov, n, pos, 0);
}

// All of buffers, continued after short writes (libuv's write_all): the
// total, or -errno when the first write fails.
function writeBuffers(fd, buffers, pos, cb) {
  let total = 0;
  let idx = 0;
  let skip = 0;
  const count = buffers.length;
  const done = (r) => {
    if (r <= 0) {
      cb(total === 0 ? r : total);
      return;
    }
    total += r;
    if (pos >= 0) pos += r;
    while (idx < count && r >= buffers[idx].byteLength - skip) {
      r -= buffers[idx].byteLength - skip;
      skip = 0;
      idx++;
    }
    skip += r;
    if (idx < count) step();
    else cb(total);
  };
  const step = () => {
    const n = Math.min(count - idx, IOV_MAX);
    if (n === 1) {
      const b = buffers[idx];
      const len = b.byteLength - skip;
      if (pos < 0) submit(done, nr.write, fd, span(b, skip, len), len);
      else submit(done, nr.pwrite64, fd, span(b, skip, len), len, pos);
      return;
    }
    const iov = iovFor(buffers, idx, n, skip);
    if (pos < 0) submit(done, nr.writev, fd, iov, n);
    else submit(done, nr.pwritev, fd, iov, n, pos, 0);
  };
  if (count === 0) cb(0);
  else step();
}

// ---- the stat family -------------------------------------------------------------
// Each request gets a record of its own; it is decoded through the shared
// scratch of stats.js, in one synchronous step on the loop thread.

const STATX_MASK = 0xfff; // STATX_BASIC_STATS | STATX_BTIME, as libuv asks
const EMPTY = new Uint8Array(8); // "" for statx(fd, "", AT_EMPTY_PATH)
// One record is a copy of the scratch's size: it goes into the scratch whole.
// Records are carved from slabs (one allocation, whose address eloop takes
// once, for 64 requests) and reused; at most kPoolMax wait for reuse.
const RECORD = S.scratch.length;
const kSlab = 64;
const kPoolMax = 4096;
const pool = [];

function record() {
  if (pool.length === 0) {
    const slab = new ArrayBuffer(RECORD * kSlab);
    for (let i = kSlab - 1; i > 0; i--) pool.push(new Uint8Array(slab, i * RECORD, RECORD));
    return new Uint8Array(slab, 0, RECORD);
  }
  return pool.pop();
}

function release(rec) {
  if (pool.length < kPoolMax) pool.push(rec);
}

// libuv gives up on statx for good after ENOSYS, EPERM (seccomp), EINVAL or
// EOPNOTSUPP and uses stat(2), whose ctime stands in for the birthtime.
let haveStatx = true;
function statxUnusable(r) {
  return r === ENOSYS || r === EPERM || r === EINVAL || r === EOPNOTSUPP;
}

function decode(rec, isStatx, bigint) {
  S.scratch.set(rec);
  if (isStatx) return bigint ? S.bigIntStatsFromStatx() : S.statsFromStatx();
  return bigint ? S.bigIntStatsFromStat() : S.statsFromStat();
}

// cb(0, stats) or cb(-errno). `flags`: 0 or AT_SYMLINK_NOFOLLOW.
function statPath(path, flags, bigint, cb) {
  const rec = record();
  const p = kpath(path);
  const viaStat = () => submit((r) => finish(r, false), nr.newfstatat, AT_FDCWD, p, rec, flags);
  const finish = (r, isStatx) => {
    if (r < 0) {
      release(rec);
      cb(r);
      return;
    }
    const stats = decode(rec, isStatx, bigint);
    release(rec);
    cb(0, stats);
  };
  if (!haveStatx) {
    viaStat();
    return;
  }
  submit((r) => {
    if (r < 0 && statxUnusable(r)) {
      haveStatx = false;
      viaStat();
      return;
    }
    finish(r, true);
  }, nr.statx, AT_FDCWD, p, flags, STATX_MASK, rec);
}

function statFd(fd, bigint, cb) {
  const rec = record();
  const finish = (r, isStatx) => {
    if (r < 0) {
      release(rec);
      cb(r);
      return;
    }
    const stats = decode(rec, isStatx, bigint);
    release(rec);
    cb(0, stats);
  };
  if (!haveStatx) {
    submit((r) => finish(r, false), nr.fstat, fd, rec);
    return;
  }
  submit((r) => {
    if (r < 0 && statxUnusable(r)) {
      haveStatx = false;
      submit((r2) => finish(r2, false), nr.fstat, fd, rec);
      return;
    }
    finish(r, true);
  }, nr.statx, fd, EMPTY, AT_EMPTY_PATH, STATX_MASK, rec);
}

// The size of a regular file behind fd, 0 for anything else (readFile's
// question), through fstat(2): only the mode and the size are needed.
const st = require('libjs/struct/stat').layout.fields;
const MODE = st.st_mode[0] >> 2;
const SIZE = st.st_size[0] >> 2;

function regularSize(fd, cb) {
  const rec = record();
  submit((r) => {
    if (r < 0) {
      release(rec);
      cb(r);
      return;
    }
    const u32 = new Uint32Array(rec.buffer, rec.byteOffset, 64);
    const size = (u32[MODE] & S_IFMT) === S_IFREG ? u32[SIZE] + u32[SIZE + 1] * 4294967296 : 0;
    release(rec);
    cb(0, size);
  }, nr.fstat, fd, rec);
}

// struct statfs: f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files,
// f_ffree are its first seven 64-bit words on both architectures.
function statfs(path, bigint, cb) {
  const buf = new BigInt64Array(15);
  submit((r) => {
    if (r < 0) {
      cb(r);
      return;
    }
    const w = new Uint32Array(buf.buffer);
    const v = new Array(7);
    for (let i = 0; i < 7; i++) v[i] = bigint ? buf[i] : w[2 * i] + w[2 * i + 1] * 4294967296;
    cb(0, new S.StatFs(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
  }, nr.statfs, kpath(path), buf);
}

module.exports = {
  open,
  close,
  read,
  writeAll,
  readBuffers,
  writeBuffers,
  statPath,
  statFd,
  regularSize,
  statfs,
};
