// unode/internal/fs: synchronous metadata calls: stat, lstat, fstat, statfs,
// access, exists, and the chmod, chown and utimes families.
'use strict';

const C = require('libjs/constants');
const sys = require('./sys');
const S = require('./stats');
const { uvException, uvMessage, uvErrorFill } = require('../errors');
const {
  getValidatedPath,
  getValidatedFdNative,
  getValidFileModeNative,
  parseFileMode,
  toUnixTimestamp,
  validateInteger,
} = require('../validators');
const { kMaxUserId } = require('./utils');

const { AT_FDCWD } = sys;
const { AT_SYMLINK_NOFOLLOW } = C;
const ENOENT = -2;
const EINVAL = -22;
const EPERM = -1;
const ENOSYS = -38;
const EOPNOTSUPP = -95;

// STATX_BASIC_STATS | STATX_BTIME: what libuv asks for, birthtime included.
const STATX_MASK = 0xfff;

// libuv gives up on statx for good after ENOSYS, EPERM (seccomp), EINVAL or
// EOPNOTSUPP, and uses stat, whose ctime then stands in for the birthtime.
let haveStatx = true;
function statxFailed(r) {
  if (r === ENOSYS || r === EPERM || r === EINVAL || r === EOPNOTSUPP) {
    haveStatx = false;
    return true;
  }
  return false;
}

// Fill the stats scratch for a path (flags 0 or AT_SYMLINK_NOFOLLOW) or an fd;
// 0 or -errno. statFromScratch(bigint) then builds the object.
function statPathRaw(path, flags) {
  if (haveStatx) {
    const r = sys.statx(AT_FDCWD, path, flags, STATX_MASK, S.scratch);
    if (r === 0 || !statxFailed(r)) return r;
  }
  return sys.newfstatat(AT_FDCWD, path, S.scratch, flags);
}

function statFdRaw(fd) {
  if (haveStatx) {
    const r = sys.fstatx(fd, 0, STATX_MASK, S.scratch);
    if (r === 0 || !statxFailed(r)) return r;
  }
  return sys.fstat(fd, S.scratch);
}

function statFromScratch(bigint) {
  if (haveStatx) return bigint ? S.bigIntStatsFromStatx() : S.statsFromStatx();
  return bigint ? S.bigIntStatsFromStat() : S.statsFromStat();
}

// dev:ino of the last record in the scratch.
function scratchIdentity() {
  return haveStatx ? S.statxIdentity() : S.statIdentity();
}

// st_mode of the last record in the scratch.
function scratchMode() {
  return haveStatx ? S.statxMode() : S.statMode();
}

const kStatDefaults = { bigint: false, throwIfNoEntry: true };
const kFstatDefaults = { bigint: false };

function statSync(path, options = kStatDefaults) {
  path = getValidatedPath(path);
  const bigint = options.bigint === true;
  const throwIfNoEntry = options.throwIfNoEntry !== false;
  const r = statPathRaw(path, 0);
  if (r !== 0) {
    if (r === ENOENT && !throwIfNoEntry) return undefined;
    throw uvErrorFill(new Error(uvMessage(r, 'stat', path)), r, 'stat', path);
  }
  return statFromScratch(bigint);
}

function lstatSync(path, options = kStatDefaults) {
  path = getValidatedPath(path);
  const bigint = options.bigint === true;
  const throwIfNoEntry = options.throwIfNoEntry !== false;
  const r = statPathRaw(path, AT_SYMLINK_NOFOLLOW);
  if (r !== 0) {
    if (r === ENOENT && !throwIfNoEntry) return undefined;
    throw uvErrorFill(new Error(uvMessage(r, 'lstat', path)), r, 'lstat', path);
  }
  return statFromScratch(bigint);
}

function fstatSync(fd, options = kFstatDefaults) {
  const bigint = options.bigint === true;
  fd = getValidatedFdNative(fd);
  const r = statFdRaw(fd);
  if (r !== 0) throw uvException(r, 'fstat');
  return statFromScratch(bigint);
}

// struct statfs: f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files,
// f_ffree are the first seven 64-bit words on both architectures.
const statfsBuf = new BigInt64Array(15);
const statfsWords = new Uint32Array(statfsBuf.buffer);

function statfsSync(path, options = kFstatDefaults) {
  path = getValidatedPath(path);
  const bigint = options.bigint === true;
  const r = sys.statfs(path, statfsBuf);
  if (r < 0) throw uvException(r, 'statfs', path);
  const v = new Array(7);
  for (let i = 0; i < 7; i++)
    v[i] = bigint ? statfsBuf[i] : statfsWords[2 * i] + statfsWords[2 * i + 1] * 4294967296;
  return new S.StatFs(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = getValidFileModeNative(mode);
  const r = sys.faccessat(AT_FDCWD, path, mode);
  if (r < 0) throw uvErrorFill(new Error(uvMessage(r, 'access', path)), r, 'access', path);
}

// Never throws, whatever it is given (Node keeps it so for compatibility).
function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return sys.faccessat(AT_FDCWD, path, 0) === 0;
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  const r = sys.fchmodat(AT_FDCWD, path, mode);
  if (r < 0) throw uvException(r, 'chmod', path);
}

function fchmodSync(fd, mode) {
  mode = parseFileMode(mode, 'mode');
  fd = getValidatedFdNative(fd);
  const r = sys.fchmod(fd, mode);
  if (r < 0) throw uvException(r, 'fchmod');
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  const r = sys.fchownat(AT_FDCWD, path, uid, gid, 0);
  if (r < 0) throw uvException(r, 'chown', path);
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  const r = sys.fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
  if (r < 0) throw uvException(r, 'lchown', path);
}

function fchownSync(fd, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  fd = getValidatedFdNative(fd);
  const r = sys.fchown(fd, uid, gid);
  if (r < 0) throw uvException(r, 'fchown');
}

// Two struct timespec for utimensat, from fractional seconds as libuv makes
// them: truncated to whole microseconds. Node's libuv has no special case for
// infinities (a numeric string can carry one) or for seconds outside int64
// (2 ** 63 and up: x86-64's conversion gives INT64_MIN and a nanosecond
// field out of range): the result is an invalid timespec, and the kernel's
// EINVAL, as here.
const times = new Int32Array(8);
const kInt64Bound = 2 ** 63;

function setTimespec(i, t) {
  let sec;
  let nsec;
  if (!(t >= -kInt64Bound && t < kInt64Bound)) {
    sec = 0;
    nsec = 1e9;
  } else {
    sec = Math.trunc(t);
    nsec = Math.trunc((t - sec) * 1e9);
    nsec -= nsec % 1000;
    if (nsec < 0) {
      nsec += 1e9;
      sec -= 1;
    }
  }
  const hi = Math.floor(sec / 4294967296);
  times[i] = sec - hi * 4294967296;
  times[i + 1] = hi;
  times[i + 2] = nsec;
  times[i + 3] = 0;
}

function timesFor(atime, mtime) {
  setTimespec(0, atime);
  setTimespec(4, mtime);
  return times;
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  const r = sys.utimensat(AT_FDCWD, path, timesFor(toUnixTimestamp(atime), toUnixTimestamp(mtime)), 0);
  if (r < 0) throw uvException(r, 'utime', path);
}

function futimesSync(fd, atime, mtime) {
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  fd = getValidatedFdNative(fd);
  const r = sys.utimensat(fd, null, timesFor(a, m), 0);
  if (r < 0) throw uvException(r, 'futime');
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  const r = sys.utimensat(AT_FDCWD, path, timesFor(toUnixTimestamp(atime), toUnixTimestamp(mtime)),
    AT_SYMLINK_NOFOLLOW);
  if (r < 0) throw uvException(r, 'lutime', path);
}

module.exports = {
  statSync,
  lstatSync,
  fstatSync,
  statfsSync,
  accessSync,
  existsSync,
  chmodSync,
  fchmodSync,
  chownSync,
  lchownSync,
  fchownSync,
  utimesSync,
  futimesSync,
  lutimesSync,
  // For the other forms of fs and for internal walks (realpath, rm, cp):
  statPathRaw,
  statFdRaw,
  statFromScratch,
  scratchMode,
  scratchIdentity,
  timesFor,
  STATX_MASK,
};
