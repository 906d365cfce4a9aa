// unode/internal/fs: Stats, BigIntStats and StatFs as Node 20 has them, built
// straight from a struct statx (or struct stat) filled by the kernel.
'use strict';

const statx = require('libjs/struct/statx');
const stat = require('libjs/struct/stat');
const { makedev, makedevBigInt } = require('libjs/struct/mem');
const C = require('libjs/constants');

const { S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK } = C;

const TWO32 = 4294967296;

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };

// Date's time clip floors the absolute value; Node rounds first.
function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

// The fields are assigned here rather than through StatsBase.call so that the
// hot constructor is a single inlinable function; the order is Node's.
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype.isFile = StatsBase.prototype.isFile;
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};

const kNsPerMsBigInt = 1000000n;

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

// ---- Decoding --------------------------------------------------------------------
// One scratch area per process for the kernel to fill (the calls are
// synchronous, and a Stats is built from it before anything else runs).
// Word indices come from libjs's layout tables.

const scratch = new Uint8Array(new ArrayBuffer(Math.max(statx.SIZE, stat.SIZE)));
const u32 = new Uint32Array(scratch.buffer);
const i32 = new Int32Array(scratch.buffer);
const u64 = new BigUint64Array(scratch.buffer);
const i64 = new BigInt64Array(scratch.buffer);

function w(fields, name) { return fields[name][0] >> 2; }

const X = statx.layout.fields;
const XM = w(X, 'stx_mask'), XBLKSIZE = w(X, 'stx_blksize'), XNLINK = w(X, 'stx_nlink');
const XUID = w(X, 'stx_uid'), XGID = w(X, 'stx_gid'), XMODE = w(X, 'stx_mode');
const XINO = w(X, 'stx_ino'), XSIZE = w(X, 'stx_size'), XBLOCKS = w(X, 'stx_blocks');
const XATIME = w(X, 'stx_atime'), XBTIME = w(X, 'stx_btime');
const XCTIME = w(X, 'stx_ctime'), XMTIME = w(X, 'stx_mtime');
const XRDEVMA = w(X, 'stx_rdev_major'), XRDEVMI = w(X, 'stx_rdev_minor');
const XDEVMA = w(X, 'stx_dev_major'), XDEVMI = w(X, 'stx_dev_minor');
void XM;

function msAt(k) {
  return (u32[k] + i32[k + 1] * TWO32) * 1e3 + u32[k + 2] / 1e6;
}
function nsAt(k) {
  return i64[k >> 1] * 1000000000n + BigInt(u32[k + 2]);
}

// A Stats from the statx record in `scratch`, as libuv converts it (dev and rdev
// through glibc's makedev, birthtime from stx_btime).
function statsFromStatx() {
  return new Stats(
    makedev(u32[XDEVMA], u32[XDEVMI]),
    u32[XMODE] & 0xffff,
    u32[XNLINK],
    u32[XUID],
    u32[XGID],
    makedev(u32[XRDEVMA], u32[XRDEVMI]),
    u32[XBLKSIZE],
    u32[XINO] + u32[XINO + 1] * TWO32,
    u32[XSIZE] + u32[XSIZE + 1] * TWO32,
    u32[XBLOCKS] + u32[XBLOCKS + 1] * TWO32,
    msAt(XATIME), msAt(XMTIME), msAt(XCTIME), msAt(XBTIME));
}

// Node's BigIntStats come from a BigInt64Array: 64-bit fields are signed.
function bigIntStatsFromStatx() {
  return new BigIntStats(
    BigInt.asIntN(64, makedevBigInt(u32[XDEVMA], u32[XDEVMI])),
    BigInt(u32[XMODE] & 0xffff),
    BigInt(u32[XNLINK]),
    BigInt(u32[XUID]),
    BigInt(u32[XGID]),
    BigInt.asIntN(64, makedevBigInt(u32[XRDEVMA], u32[XRDEVMI])),
    BigInt(u32[XBLKSIZE]),
    i64[XINO >> 1],
    i64[XSIZE >> 1],
    i64[XBLOCKS >> 1],
    nsAt(XATIME), nsAt(XMTIME), nsAt(XCTIME), nsAt(XBTIME));
}

// struct stat (newfstatat/fstat), for kernels without statx: libuv then
// reports ctime as the birthtime.
const S = stat.layout.fields;
const SDEV = w(S, 'st_dev'), SINO = w(S, 'st_ino'), SNLINK = w(S, 'st_nlink');
const SMODE = w(S, 'st_mode'), SUID = w(S, 'st_uid'), SGID = w(S, 'st_gid');
const SRDEV = w(S, 'st_rdev'), SSIZE = w(S, 'st_size'), SBLKSIZE = w(S, 'st_blksize');
const SBLOCKS = w(S, 'st_blocks'), SATIM = w(S, 'st_atim'), SMTIM = w(S, 'st_mtim');
const SCTIM = w(S, 'st_ctim');
const NLINK64 = S.st_nlink[1] === 8;
const BLKSIZE64 = S.st_blksize[1] === 8;

function u64At(k) { return u32[k] + u32[k + 1] * TWO32; }
function tsMs(k) { return (u32[k] + i32[k + 1] * TWO32) * 1e3 + u32[k + 2] / 1e6; }
function tsNs(k) { return i64[k >> 1] * 1000000000n + u64[(k >> 1) + 1]; }

function statsFromStat() {
  const ctime = tsMs(SCTIM);
  return new Stats(
    u64At(SDEV), u32[SMODE], NLINK64 ? u64At(SNLINK) : u32[SNLINK], u32[SUID], u32[SGID],
    u64At(SRDEV), BLKSIZE64 ? u64At(SBLKSIZE) : u32[SBLKSIZE], u64At(SINO), u64At(SSIZE),
    u64At(SBLOCKS), tsMs(SATIM), tsMs(SMTIM), ctime, ctime);
}

function bigIntStatsFromStat() {
  const ctime = tsNs(SCTIM);
  return new BigIntStats(
    i64[SDEV >> 1], BigInt(u32[SMODE]), NLINK64 ? i64[SNLINK >> 1] : BigInt(u32[SNLINK]),
    BigInt(u32[SUID]), BigInt(u32[SGID]), i64[SRDEV >> 1],
    BLKSIZE64 ? i64[SBLKSIZE >> 1] : BigInt(i32[SBLKSIZE]), i64[SINO >> 1], i64[SSIZE >> 1],
    i64[SBLOCKS >> 1], tsNs(SATIM), tsNs(SMTIM), ctime, ctime);
}

// dev and ino of the last statx record, as one comparable string.
function statxIdentity() {
  return `${u32[XDEVMA]}.${u32[XDEVMI]}.${u32[XINO]}.${u32[XINO + 1]}`;
}

// Field readers for callers that need one field of the last statx record.
function statxMode() { return u32[XMODE] & 0xffff; }
function statxSize() { return u32[XSIZE] + u32[XSIZE + 1] * TWO32; }
function statMode() { return u32[SMODE]; }
// dev and ino of the last struct stat, as one comparable string.
function statIdentity() { return `${u32[SDEV]}.${u32[SDEV + 1]}.${u32[SINO]}.${u32[SINO + 1]}`; }
function statSize() { return u64At(SSIZE); }

module.exports = {
  Stats,
  BigIntStats,
  StatsBase,
  StatFs,
  scratch,
  statsFromStatx,
  bigIntStatsFromStatx,
  statsFromStat,
  bigIntStatsFromStat,
  statxMode,
  statxSize,
  statxIdentity,
  statMode,
  statSize,
  statIdentity,
  STATX_SIZE: statx.SIZE,
};
