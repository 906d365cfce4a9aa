// unode/internal/fs: rmSync and rmdirSync({ recursive }): Node 20's option
// checks and its rimraf walk (retries on EBUSY/EMFILE/ENFILE/ENOTEMPTY/EPERM,
// children as Buffer paths), on raw calls.
'use strict';

const { Buffer } = require('buffer');
const pathModule = require('path');
const C = require('libjs/constants');
const sys = require('./sys');
const pub = require('./public');
const { codes: { ERR_FS_EISDIR }, uvException, hideStackFrames, captureStack } = require('../errors');
const { getValidatedPath } = require('../validators');
const { validateRmOptionsShape, emitRecursiveRmdirWarning } = require('./utils');
const { statPathRaw, scratchMode } = require('./sync-stat');
const { readNames } = require('./readdir');

const { AT_FDCWD } = sys;
const { AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR, S_IFMT, S_IFDIR } = C;
const EPERM = -1;
const ENOENT = -2;
const EBUSY = -16;
const EEXIST = -17;
const ENOTDIR = -20;
const ENFILE = -23;
const EMFILE = -24;
const ENOTEMPTY = -39;
const EISDIR_ERRNO = 21;

const separator = Buffer.from(pathModule.sep);

function isRetryable(r) {
  return r === EBUSY || r === EMFILE || r === ENFILE || r === ENOTEMPTY || r === EPERM;
}

// A synchronous sleep, as Node's internal one.
let sleeper;
function sleep(ms) {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}

// rm's checks: an lstat through fs (so that ENOENT and the like come out as
// lstat errors), and EISDIR for a directory without `recursive`.
function validateRmOptionsSync(path, options, expectDir) {
  options = validateRmOptionsShape(options);
  if (!options.force || expectDir || !options.recursive) {
    const isDirectory = pub.fs.lstatSync(path, { throwIfNoEntry: !options.force })?.isDirectory();
    if (expectDir && !isDirectory) return false;
    if (isDirectory && !options.recursive) {
      const err = new ERR_FS_EISDIR.HideStackFramesError({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: EISDIR_ERRNO,
      });
      captureStack(err, validateRmOptionsSync);
      throw err;
    }
  }
  return options;
}

function unlinkWithRetries(path, options) {
  const tries = options.maxRetries + 1;
  for (let i = 1; i <= tries; i++) {
    const r = sys.unlinkat(AT_FDCWD, path, 0);
    if (r === 0) return;
    if (isRetryable(r) && i < tries && options.retryDelay > 0) sleep(i * options.retryDelay);
    else if (r === ENOENT) return;
    else if (i === tries) throw uvException(r, 'unlink', path);
  }
}

function rmdirTree(path, options, originalErr) {
  const r = sys.unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
  if (r === 0 || r === ENOENT) return;
  if (r === ENOTDIR) throw originalErr || uvException(r, 'rmdir', path);
  if (r === ENOTEMPTY || r === EEXIST || r === EPERM) {
    const pathBuf = Buffer.from(path);
    const children = readNames(pathBuf, 'buffer');
    for (let i = 0; i < children.length; i++)
      rimrafSync(Buffer.concat([pathBuf, separator, children[i]]), options);
    const tries = options.maxRetries + 1;
    for (let i = 1; i <= tries; i++) {
      try {
        return pub.fs.rmdirSync(path);
      } catch (err) {
        if (isRetryable(err.errno) && i < tries && options.retryDelay > 0) sleep(i * options.retryDelay);
        else if (err.code === 'ENOENT') return;
        else if (i === tries) throw err;
      }
    }
  }
  throw originalErr || uvException(r, 'rmdir', path);
}

function rimrafSync(path, options) {
  const s = statPathRaw(path, AT_SYMLINK_NOFOLLOW);
  if (s === ENOENT) return;
  const isDir = s === 0 && (scratchMode() & S_IFMT) === S_IFDIR;
  try {
    if (isDir) rmdirTree(path, options, null);
    else unlinkWithRetries(path, options);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code === 'EPERM') return rmdirTree(path, options, err);
    if (err.code !== 'EISDIR') throw err;
    rmdirTree(path, options, err);
  }
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptionsSync(path, options, false);
  rimrafSync(path, options);
}

// rmdirSync(path, { recursive: true }), path validated.
function rmdirRecursiveSync(path, options) {
  emitRecursiveRmdirWarning();
  const checked = validateRmOptionsSync(path, { ...options, force: false }, true);
  if (checked !== false) return rimrafSync(path, checked);
  const r = sys.unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
  if (r < 0) throw uvException(r, 'rmdir', path);
}

hideStackFrames(validateRmOptionsSync);
hideStackFrames(rmdirRecursiveSync);

module.exports = { rmSync, rmdirRecursiveSync, rimrafSync, validateRmOptionsSync };
