// unode/internal/fs: directory listings. readdirSync as Node 20 (libuv's
// scandir: every entry but '.' and '..', sorted bytewise as strcmp does), with
// withFileTypes, encodings and recursive; and the raw listing other fs parts use.
'use strict';

const { Buffer } = require('buffer');
const pathModule = require('path');
const C = require('libjs/constants');
const dirent64 = require('libjs/struct/dirent');
const sys = require('./sys');
const { uvException } = require('../errors');
const { getValidatedPath, validateBoolean } = require('../validators');
const { getOptions } = require('./utils');
const { Dirent, DirentFromStats, direntType, UV_DIRENT_UNKNOWN } = require('./dirent');
const { statPathRaw, scratchMode } = require('./sync-stat');
const pub = require('./public');

const { AT_FDCWD } = sys;
const { O_RDONLY, O_DIRECTORY, O_CLOEXEC, S_IFMT, S_IFDIR } = C;
const EINVAL = -22;
const ENOENT = -2;
const RECLEN = dirent64.layout.fields.d_reclen[0];
const TYPE = dirent64.layout.fields.d_type[0];
const NAME = dirent64.layout.fields.d_name[0];

// The kernel's records for one directory are read whole into `dbuf` (grown as
// needed; kept up to kKeep bytes for the next listing).
const kKeep = 4 * 1024 * 1024;
let dbuf = Buffer.allocUnsafeSlow(64 * 1024);
// The buffer holding the last listing's records (dbuf, or a bigger one).
let listingBuf = dbuf;

// Entry k: name bytes [starts[k], ends[k]) in dbuf, d_type types[k].
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
let types = new Uint8Array(1024);

function grow(n) {
  const size = Math.max(n, starts.length * 2);
  const s = new Int32Array(size);
  const e = new Int32Array(size);
  const t = new Uint8Array(size);
  s.set(starts);
  e.set(ends);
  t.set(types);
  starts = s;
  ends = e;
  types = t;
}

// Read every record of the open directory fd; the count of entries (without
// '.' and '..') indexed in starts/ends/types, or -errno.
function readEntries(fd) {
  let buf = dbuf;
  let used = 0;
  for (;;) {
    if (buf.length - used < 4096) {
      const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
      buf.copy(bigger, 0, 0, used);
      buf = bigger;
    }
    const n = sys.getdents64(fd, buf, buf.length - used, used);
    // A directory removed while open reads as ENOENT; glibc's readdir (and
    // so libuv's scandir) takes that as its end.
    if (n === 0 || n === ENOENT) break;
    if (n < 0) {
      // EINVAL: the next record does not fit in what is left.
      if (n === EINVAL && used > 0) {
        const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
        buf.copy(bigger, 0, 0, used);
        buf = bigger;
        continue;
      }
      return n;
    }
    used += n;
  }
  if (buf !== dbuf && buf.length <= kKeep) dbuf = buf;
  return indexRecords(buf, used);
}

// Index the getdents64 records in buf[0, used): the count of entries
// (without '.' and '..') in starts/ends/types over listingBuf.
function indexRecords(buf, used) {
  let count = 0;
  for (let p = 0; p < used;) {
    const reclen = buf[p + RECLEN] | (buf[p + RECLEN + 1] << 8);
    const a = p + NAME;
    // The kernel writes the name and its NUL but not the padding after it, so
    // the NUL is the first zero among the record's last 8 bytes (names hold none).
    let e = p + reclen - 8;
    if (e < a) e = a;
    while (buf[e] !== 0) e++;
    const len = e - a;
    if (!(buf[a] === 46 && (len === 1 || (len === 2 && buf[a + 1] === 46)))) {
      if (count === starts.length) grow(count + 1);
      starts[count] = a;
      ends[count] = e;
      types[count] = buf[p + TYPE];
      count++;
    }
    p += reclen;
  }
  listingBuf = buf;
  return count;
}

// ---- Sorting by bytes --------------------------------------------------------------
// strcmp order over the raw names without comparing strings (a string sort of
// 10,000 names costs more than the kernel's listing): an LSD radix sort on a
// 32-bit key of 4 name bytes from depth d (past the bytes all names share),
// skipping digits that are the same in every key, then runs of equal keys
// sorted again 4 bytes deeper; short runs by insertion.

let order = new Int32Array(1024);
let orderB = new Int32Array(1024);
let keyA = new Uint32Array(1024);
let keyB = new Uint32Array(1024);
const counts = new Int32Array(2048);
// Big-endian 32-bit reads of the listing buffer: four name bytes in one load.
let words = new DataView(dbuf.buffer, dbuf.byteOffset, dbuf.length);

function keyAt(buf, k, d) {
  const s = starts[k] + d;
  const e = ends[k];
  if (e - s >= 4) return words.getUint32(s);
  const b0 = s < e ? buf[s] : 0;
  const b1 = s + 1 < e ? buf[s + 1] : 0;
  const b2 = s + 2 < e ? buf[s + 2] : 0;
  return ((b0 << 24) | (b1 << 16) | (b2 << 8)) >>> 0;
}

// Bytes every name in order[lo, hi) begins with.
function commonPrefix(buf, lo, hi) {
  const s0 = starts[order[lo]];
  let lcp = ends[order[lo]] - s0;
  for (let i = lo + 1; i < hi && lcp > 0; i++) {
    const sk = starts[order[i]];
    const m = Math.min(lcp, ends[order[i]] - sk);
    let j = 0;
    while (j + 4 <= m && words.getUint32(s0 + j) === words.getUint32(sk + j)) j += 4;
    while (j < m && buf[s0 + j] === buf[sk + j]) j++;
    lcp = j;
  }
  return lcp;
}

// Names of entries x and y compared from byte d (they agree before it).
function compareFrom(buf, x, y, d) {
  let p = starts[x] + d;
  let q = starts[y] + d;
  const pe = ends[x];
  const qe = ends[y];
  for (;; p++, q++) {
    const a = p < pe ? buf[p] : 0;
    const b = q < qe ? buf[q] : 0;
    if (a !== b || a === 0) return a - b;
  }
}

function insertionSort(buf, lo, hi, d) {
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i];
    let j = i - 1;
    while (j >= lo && compareFrom(buf, order[j], v, d) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = v;
  }
}

function sortRange(buf, lo, hi, d) {
  if (hi - lo < 32) {
    insertionSort(buf, lo, hi, d);
    return;
  }
  // The keys; where they all agree on their first bytes, move past those.
  let diff;
  for (;;) {
    const k0 = keyAt(buf, order[lo], d);
    keyA[lo] = k0;
    diff = 0;
    for (let i = lo + 1; i < hi; i++) {
      const k = keyAt(buf, order[i], d);
      keyA[i] = k;
      diff |= k ^ k0;
    }
    // All equal: the names agree on 4 more bytes and go on, unless they end
    // there (a 0 byte is past a name's end): the same name twice, which a
    // directory changing under getdents64 can give.
    if (diff === 0 && (k0 & 0xff) === 0) return;
    const same = diff === 0 ? 4 : Math.clz32(diff) >>> 3;
    if (same === 0) break;
    d += same;
  }
  // 8-bit digits for small runs, 11-bit for large ones: 4 or 3 passes, less
  // those whose digit is the same in every key.
  const bits = hi - lo < 1024 ? 8 : 11;
  const mask = (1 << bits) - 1;
  let ka = keyA;
  let kb = keyB;
  let ia = order;
  let ib = orderB;
  for (let shift = 0; shift < 32; shift += bits) {
    if (((diff >>> shift) & mask) === 0) continue;
    counts.fill(0, 0, mask + 1);
    for (let i = lo; i < hi; i++) counts[(ka[i] >>> shift) & mask]++;
    let sum = lo;
    for (let c = 0; c <= mask; c++) {
      const t = counts[c];
      counts[c] = sum;
      sum += t;
    }
    for (let i = lo; i < hi; i++) {
      const pos = counts[(ka[i] >>> shift) & mask]++;
      kb[pos] = ka[i];
      ib[pos] = ia[i];
    }
    let t = ka; ka = kb; kb = t;
    t = ia; ia = ib; ib = t;
  }
  if (ia !== order) {
    for (let i = lo; i < hi; i++) {
      order[i] = ia[i];
      keyA[i] = ka[i];
    }
  }
  // Equal keys: those names agree on 4 more bytes.
  let i = lo;
  while (i < hi) {
    const k = keyA[i];
    let j = i + 1;
    while (j < hi && keyA[j] === k) j++;
    if (j - i > 1) sortRange(buf, i, j, d + 4);
    i = j;
  }
}

// Entry indices 0..count-1 in strcmp order of their names, in `order`.
function sortEntries(buf, count) {
  if (order.length < count) {
    const size = Math.max(count, order.length * 2);
    order = new Int32Array(size);
    orderB = new Int32Array(size);
    keyA = new Uint32Array(size);
    keyB = new Uint32Array(size);
  }
  for (let k = 0; k < count; k++) order[k] = k;
  if (count < 2) return;
  if (words.buffer !== buf.buffer || words.byteOffset !== buf.byteOffset || words.byteLength !== buf.length)
    words = new DataView(buf.buffer, buf.byteOffset, buf.length);
  // Start past the prefix every name shares.
  sortRange(buf, 0, count, commonPrefix(buf, 0, count));
}

// ---- Listings ------------------------------------------------------------------------

function openDir(path) {
  return sys.openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
}

// List `path` in strcmp order: the count (entries in order/starts/ends/types
// over listingBuf), or -errno.
function scan(path) {
  const fd = openDir(path);
  if (fd < 0) return fd;
  const count = readEntries(fd);
  sys.close(fd);
  if (count < 0) return count;
  sortEntries(listingBuf, count);
  return count;
}

function nameOf(buf, k, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8')
    return buf.utf8Slice(starts[k], ends[k]);
  if (encoding === 'buffer') return Buffer.from(buf.subarray(starts[k], ends[k]));
  return buf.toString(encoding, starts[k], ends[k]);
}

// Names of path (sorted), in the encoding asked for; throws scandir errors.
function readNames(path, encoding) {
  const count = scan(path);
  if (count < 0) throw uvException(count, 'scandir', path, undefined, readdirSync);
  const buf = listingBuf;
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = nameOf(buf, order[i], encoding);
  return out;
}

// [names, libuv entry types] of path (sorted).
function readNamesAndTypes(path, encoding) {
  const count = scan(path);
  if (count < 0) throw uvException(count, 'scandir', path, undefined, readdirSync);
  const buf = listingBuf;
  const names = new Array(count);
  const kinds = new Array(count);
  for (let i = 0; i < count; i++) {
    const k = order[i];
    names[i] = nameOf(buf, k, encoding);
    kinds[i] = direntType(types[k]);
  }
  return [names, kinds];
}

function join(path, name) {
  if ((typeof path === 'string' || path instanceof Uint8Array) && name === undefined) return path;
  if (typeof path === 'string' && name instanceof Uint8Array)
    return Buffer.concat([Buffer.from(pathModule.join(path, pathModule.sep)), name]);
  if (typeof path === 'string' && typeof name === 'string') return pathModule.join(path, name);
  if (path instanceof Uint8Array && name instanceof Uint8Array)
    return Buffer.concat([path, Buffer.from(pathModule.sep), name]);
  const { codes: { ERR_INVALID_ARG_TYPE } } = require('../errors');
  throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer'], path);
}

// A Dirent; entries the file system gave no type for are lstat'ed, as by Node.
function getDirent(path, name, type) {
  if (type === UV_DIRENT_UNKNOWN) {
    const stats = pub.fs.lstatSync(join(path, name));
    return new DirentFromStats(name, stats, path);
  }
  return new Dirent(name, type, path);
}

function getDirents(path, names, kinds) {
  for (let i = 0; i < names.length; i++) names[i] = getDirent(path, names[i], kinds[i]);
  return names;
}

// Node's breadth-first walk: names relative to the base (directories found
// through stat, so symlinks to directories are followed), or Dirents (typed
// by the directory entry, so they are not).
function readdirSyncRecursive(basePath, options) {
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const results = [];
  const queue = [basePath];
  for (let q = 0; q < queue.length; q++) {
    const path = queue[q];
    if (withFileTypes) {
      const [names, kinds] = readNamesAndTypes(path, encoding);
      for (let i = 0; i < names.length; i++) {
        const dirent = getDirent(path, names[i], kinds[i]);
        results.push(dirent);
        if (dirent.isDirectory()) queue.push(pathModule.join(dirent.parentPath, dirent.name));
      }
    } else {
      const names = readNames(path, encoding);
      for (let i = 0; i < names.length; i++) {
        const resultPath = pathModule.join(path, names[i]);
        results.push(pathModule.relative(basePath, resultPath));
        if (statPathRaw(resultPath, 0) === 0 && (scratchMode() & S_IFMT) === S_IFDIR)
          queue.push(resultPath);
      }
    }
  }
  return results;
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return readdirSyncRecursive(path, options);
  if (options.withFileTypes) {
    const [names, kinds] = readNamesAndTypes(path, options.encoding);
    return getDirents(path, names, kinds);
  }
  return readNames(path, options.encoding);
}

// Names (or [names, types]) from getdents64 records that were read elsewhere
// (the asynchronous readdir reads them on eloop), sorted as readdirSync's.
function listFromRecords(buf, used, encoding, withTypes) {
  const count = indexRecords(buf, used);
  sortEntries(buf, count);
  const names = new Array(count);
  const kinds = withTypes ? new Array(count) : null;
  for (let i = 0; i < count; i++) {
    const k = order[i];
    names[i] = nameOf(buf, k, encoding);
    if (withTypes) kinds[i] = direntType(types[k]);
  }
  return withTypes ? [names, kinds] : names;
}

// Unsorted raw listing for internal walks (cp, rm): names as Buffers or
// strings, or -errno. Entries come in the kernel's order, as from opendir.
function listRaw(path, encoding) {
  const fd = openDir(path);
  if (fd < 0) return fd;
  const count = readEntries(fd);
  sys.close(fd);
  if (count < 0) return count;
  const buf = listingBuf;
  const out = new Array(count);
  for (let k = 0; k < count; k++) out[k] = nameOf(buf, k, encoding);
  return out;
}

module.exports = {
  readdirSync,
  readdirSyncRecursive,
  readNames,
  readNamesAndTypes,
  getDirent,
  getDirents,
  listRaw,
  listFromRecords,
  join,
};
