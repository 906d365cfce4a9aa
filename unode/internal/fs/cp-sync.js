// unode/internal/fs: cpSync, Node 20's recursive copy: the same checks (same
// file, directory onto non-directory, into itself, through parents), the same
// SystemErrors, filter, force/errorOnExist, dereference, preserveTimestamps,
// verbatimSymlinks and mode.
'use strict';

const { dirname, isAbsolute, join, parse, resolve, sep } = require('path');
const { isPromise } = require('util').types;
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
    ERR_INVALID_RETURN_VALUE,
  },
  uvException,
} = require('../errors');
const { getValidatedPath } = require('../validators');
const { validateCpOptions } = require('./utils');
const { statSync, lstatSync, existsSync, chmodSync, utimesSync } = require('./sync-stat');
const { mkdirSync, readlinkSync, symlinkSync, unlinkSync, copyFileSync } = require('./sync-paths');
const { listRaw } = require('./readdir');

const EEXIST = 17;
const EISDIR = 21;
const EINVAL = 22;
const ENOTDIR = 20;

function areIdentical(srcStat, destStat) {
  return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
}

function pathParts(path) {
  return resolve(path).split(sep).filter(Boolean);
}

// Whether dest lies inside src, by the names alone.
function isSrcSubdir(src, dest) {
  const srcArr = pathParts(src);
  const destArr = pathParts(dest);
  return srcArr.every((cur, i) => destArr[i] === cur);
}

function cpSystemError(Code, message, path, errno, code) {
  return new Code({ message, path, syscall: 'cp', errno, code });
}

function checkPathsSync(src, dest, opts) {
  if (opts.filter) {
    const shouldCopy = opts.filter(src, dest);
    if (isPromise(shouldCopy)) throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', shouldCopy);
    if (!shouldCopy) return { __proto__: null, skipped: true };
  }
  const statFunc = opts.dereference ? statSync : lstatSync;
  const srcStat = statFunc(src, { bigint: true, throwIfNoEntry: true });
  const destStat = statFunc(dest, { bigint: true, throwIfNoEntry: false });
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpSystemError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpSystemError(ERR_FS_CP_DIR_TO_NON_DIR,
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpSystemError(ERR_FS_CP_NON_DIR_TO_DIR,
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpSystemError(ERR_FS_CP_EINVAL,
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, 'EINVAL');
  }
  return { __proto__: null, srcStat, destStat, skipped: false };
}

function checkParentPathsSync(src, srcStat, dest) {
  const srcParent = resolve(dirname(src));
  const destParent = resolve(dirname(dest));
  if (destParent === srcParent || destParent === parse(destParent).root) return;
  const destStat = statSync(destParent, { bigint: true, throwIfNoEntry: false });
  if (destStat === undefined) return;
  if (areIdentical(srcStat, destStat)) {
    throw cpSystemError(ERR_FS_CP_EINVAL,
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, 'EINVAL');
  }
  return checkParentPathsSync(src, srcStat, destParent);
}

function getStats(destStat, src, dest, opts) {
  const srcStat = (opts.dereference ? statSync : lstatSync)(src);
  if (srcStat.isDirectory() && opts.recursive) return onDir(srcStat, destStat, src, dest, opts);
  if (srcStat.isDirectory()) {
    throw cpSystemError(ERR_FS_EISDIR, `${src} is a directory (not copied)`, src, EINVAL, 'EISDIR');
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice())
    return onFile(srcStat, destStat, src, dest, opts);
  if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
  if (srcStat.isSocket())
    throw cpSystemError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  if (srcStat.isFIFO())
    throw cpSystemError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  throw cpSystemError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL');
}

function onFile(srcStat, destStat, src, dest, opts) {
  if (!destStat) return copyFile(srcStat, src, dest, opts);
  if (opts.force) {
    unlinkSync(dest);
    return copyFile(srcStat, src, dest, opts);
  }
  if (opts.errorOnExist)
    throw cpSystemError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, EEXIST, 'EEXIST');
}

function copyFile(srcStat, src, dest, opts) {
  copyFileSync(src, dest, opts.mode);
  if (opts.preserveTimestamps) {
    // A read-only source is made writable for the utimes call.
    if ((srcStat.mode & 0o200) === 0) chmodSync(dest, srcStat.mode | 0o200);
    const updated = statSync(src);
    utimesSync(dest, updated.atime, updated.mtime);
  }
  return chmodSync(dest, srcStat.mode);
}

function onDir(srcStat, destStat, src, dest, opts) {
  if (!destStat) {
    mkdirSync(dest);
    copyDir(src, dest, opts);
    return chmodSync(dest, srcStat.mode);
  }
  return copyDir(src, dest, opts);
}

// Entries in the kernel's order, as Node reads them through opendir.
function copyDir(src, dest, opts) {
  const names = listRaw(src);
  if (typeof names === 'number') throw uvException(names, 'opendir');
  for (const name of names) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    const { destStat, skipped } = checkPathsSync(srcItem, destItem, opts);
    if (!skipped) getStats(destStat, srcItem, destItem, opts);
  }
}

function onLink(destStat, src, dest, opts) {
  let resolvedSrc = readlinkSync(src);
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) resolvedSrc = resolve(dirname(src), resolvedSrc);
  if (!destStat) return symlinkSync(resolvedSrc, dest);
  let resolvedDest;
  try {
    resolvedDest = readlinkSync(dest);
  } catch (err) {
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') return symlinkSync(resolvedSrc, dest);
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolve(dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw cpSystemError(ERR_FS_CP_EINVAL,
      `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, EINVAL, 'EINVAL');
  }
  if (statSync(dest).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpSystemError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, 'EINVAL');
  }
  unlinkSync(dest);
  return symlinkSync(resolvedSrc, dest);
}

function cpSyncFn(src, dest, opts) {
  if (opts.preserveTimestamps && process.arch === 'ia32') {
    process.emitWarning('Using the preserveTimestamps option in 32-bit node is not recommended',
      'TimestampPrecisionWarning');
  }
  const { srcStat, destStat, skipped } = checkPathsSync(src, dest, opts);
  if (skipped) return;
  checkParentPathsSync(src, srcStat, dest);
  const destParent = dirname(dest);
  if (!existsSync(destParent)) mkdirSync(destParent, { recursive: true });
  return getStats(destStat, src, dest, opts);
}

function cpSync(src, dest, options) {
  options = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  cpSyncFn(src, dest, options);
}

module.exports = { cpSync, cpSyncFn, isSrcSubdir, areIdentical };
