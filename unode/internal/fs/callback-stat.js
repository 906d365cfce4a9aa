// unode/internal/fs: the callback forms of the metadata calls: stat, lstat,
// fstat, statfs, access, exists, and the chmod, chown and utimes families.
// Node 20's argument handling, in Node's order; the work runs on eloop.
'use strict';

const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const io = require('./async-io');
const pub = require('./public');
const { submit, kpath, AT_FDCWD } = require('./jobs');
const { timesFor } = require('./sync-stat');
const { uvErr, makeCallback, noArgs } = require('./callback-io');
const promisify = require('./promisify');
const {
  getValidatedPath,
  getValidatedFdNative,
  getValidFileModeNative,
  parseFileMode,
  toUnixTimestamp,
  validateFunction,
  validateInteger,
} = require('../validators');
const { kEmptyObject, kMaxUserId } = require('./utils');

const { AT_SYMLINK_NOFOLLOW } = C;

function statsDone(cb, syscall, path) {
  return (r, stats) => {
    if (r < 0) cb(uvErr(r, syscall, path));
    else cb(null, stats);
  };
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  io.statPath(path, 0, options.bigint === true, statsDone(callback, 'stat', path));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  io.statPath(path, AT_SYMLINK_NOFOLLOW, options.bigint === true, statsDone(callback, 'lstat', path));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  const bigint = options.bigint === true;
  fd = getValidatedFdNative(fd);
  io.statFd(fd, bigint, statsDone(callback, 'fstat'));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  io.statfs(path, options.bigint === true, statsDone(callback, 'statfs', path));
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = C.F_OK;
  }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  mode = getValidFileModeNative(mode);
  submit(noArgs(callback, 'access', path), nr.faccessat, AT_FDCWD, kpath(path), mode);
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  function suppressedCallback(err) {
    callback(!err);
  }
  try {
    pub.fs.access(path, C.F_OK, suppressedCallback);
  } catch {
    return callback(false);
  }
}

Object.defineProperty(exists, promisify.custom, {
  value: function exists(path) { // eslint-disable-line func-name-matching
    return new Promise((resolve) => pub.fs.exists(path, resolve));
  },
});

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  submit(noArgs(callback, 'chmod', path), nr.fchmodat, AT_FDCWD, kpath(path), mode);
}

function fchmod(fd, mode, callback) {
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  submit(noArgs(callback, 'fchmod'), nr.fchmod, fd, mode);
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  submit(noArgs(callback, 'chown', path), nr.fchownat, AT_FDCWD, kpath(path), uid, gid, 0);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  submit(noArgs(callback, 'lchown', path), nr.fchownat, AT_FDCWD, kpath(path), uid, gid,
    AT_SYMLINK_NOFOLLOW);
}

function fchown(fd, uid, gid, callback) {
  validateIds(uid, gid);
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  submit(noArgs(callback, 'fchown'), nr.fchown, fd, uid, gid);
}

// timesFor fills one shared array: each job gets a copy of its own.
function times(atime, mtime) {
  return timesFor(atime, mtime).slice();
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const t = times(toUnixTimestamp(atime), toUnixTimestamp(mtime));
  submit(noArgs(callback, 'utime', path), nr.utimensat, AT_FDCWD, kpath(path), t, 0);
}

function futimes(fd, atime, mtime, callback) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  submit(noArgs(callback, 'futime'), nr.utimensat, fd, null, times(atime, mtime), 0);
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const t = times(toUnixTimestamp(atime), toUnixTimestamp(mtime));
  submit(noArgs(callback, 'lutime', path), nr.utimensat, AT_FDCWD, kpath(path), t,
    AT_SYMLINK_NOFOLLOW);
}

module.exports = {
  stat,
  lstat,
  fstat,
  statfs,
  access,
  exists,
  chmod,
  fchmod,
  chown,
  lchown,
  fchown,
  utimes,
  futimes,
  lutimes,
  statsDone,
  times,
};
