// unode/internal/fs: fs.cp and fs.promises.cp, Node 20's asynchronous
// recursive copy: the checks and errors of cpSync (./cp-sync.js, whose
// helpers it shares), made through fs/promises' calls, one entry at a time in
// the order opendir gives them.
'use strict';

const { callbackify } = require('util');
const { dirname, isAbsolute, join, parse, resolve, toNamespacedPath } = require('path');
const fsp = require('./promises');
const { opendirPromise: opendir } = require('./dir');
const { areIdentical, isSrcSubdir } = require('./cp-sync');
const { validateCpOptions } = require('./utils');
const { getValidatedPath, validateFunction } = require('../validators');
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
  },
} = require('../errors');

const { chmod, copyFile, lstat, mkdir, readlink, stat, symlink, unlink, utimes } = fsp;
const EEXIST = 17;
const EISDIR = 21;
const EINVAL = 22;
const ENOTDIR = 20;

function cpError(Code, message, path, errno, code) {
  return new Code({ message, path, syscall: 'cp', errno, code });
}

function subdirError(src, dest, at) {
  return cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, at, EINVAL, 'EINVAL');
}

async function cpFn(src, dest, opts) {
  if (opts.preserveTimestamps && process.arch === 'ia32') {
    process.emitWarning('Using the preserveTimestamps option in 32-bit node is not recommended',
      'TimestampPrecisionWarning');
  }
  const { srcStat, destStat, skipped } = await checkPaths(src, dest, opts);
  if (skipped) return;
  await checkParentPaths(src, srcStat, dest);
  return checkParentDir(destStat, src, dest, opts);
}

async function checkPaths(src, dest, opts) {
  if (opts.filter && !(await opts.filter(src, dest))) return { __proto__: null, skipped: true };
  const { 0: srcStat, 1: destStat } = await getStats(src, dest, opts);
  if (destStat) {
    if (areIdentical(srcStat, destStat))
      throw cpError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_DIR_TO_NON_DIR,
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_NON_DIR_TO_DIR,
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) throw subdirError(src, dest, dest);
  return { __proto__: null, srcStat, destStat, skipped: false };
}

// Both at once; a dest that does not exist is null.
function getStats(src, dest, opts) {
  const statFunc = opts.dereference ?
    (file) => stat(file, { bigint: true }) :
    (file) => lstat(file, { bigint: true });
  return Promise.all([
    statFunc(src),
    statFunc(dest).then(undefined, (err) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    }),
  ]);
}

async function checkParentDir(destStat, src, dest, opts) {
  const destParent = dirname(dest);
  if (!(await pathExists(destParent))) await mkdir(destParent, { recursive: true });
  return getStatsForCopy(destStat, src, dest, opts);
}

function pathExists(dest) {
  return stat(dest).then(() => true, (err) => (err.code === 'ENOENT' ? false : Promise.reject(err)));
}

// Whether dest lies under src through its parents, by inode: symlinks
// included. Walks up from dest's parent to src's parent or the root.
async function checkParentPaths(src, srcStat, dest) {
  const srcParent = resolve(dirname(src));
  const destParent = resolve(dirname(dest));
  if (destParent === srcParent || destParent === parse(destParent).root) return;
  let destStat;
  try {
    destStat = await stat(destParent, { bigint: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  if (areIdentical(srcStat, destStat)) throw subdirError(src, dest, dest);
  return checkParentPaths(src, srcStat, destParent);
}

async function getStatsForCopy(destStat, src, dest, opts) {
  const srcStat = await (opts.dereference ? stat : lstat)(src);
  if (srcStat.isDirectory() && opts.recursive) return onDir(srcStat, destStat, src, dest, opts);
  if (srcStat.isDirectory())
    throw cpError(ERR_FS_EISDIR, `${src} is a directory (not copied)`, src, EISDIR, 'EISDIR');
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice())
    return onFile(srcStat, destStat, src, dest, opts);
  if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
  if (srcStat.isSocket())
    throw cpError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  if (srcStat.isFIFO())
    throw cpError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  throw cpError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL');
}

function onFile(srcStat, destStat, src, dest, opts) {
  if (!destStat) return copyOne(srcStat, src, dest, opts);
  return mayCopyFile(srcStat, src, dest, opts);
}

async function mayCopyFile(srcStat, src, dest, opts) {
  if (opts.force) {
    await unlink(dest);
    return copyOne(srcStat, src, dest, opts);
  }
  if (opts.errorOnExist)
    throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, EEXIST, 'EEXIST');
}

async function copyOne(srcStat, src, dest, opts) {
  await copyFile(src, dest, opts.mode);
  if (opts.preserveTimestamps) {
    // utimes opens the file for writing: a read-only copy is made writable first.
    if ((srcStat.mode & 0o200) === 0) await chmod(dest, srcStat.mode | 0o200);
    // The atime of the first stat cannot be trusted: the copy read the file.
    const updated = await stat(src);
    await utimes(dest, updated.atime, updated.mtime);
  }
  return chmod(dest, srcStat.mode);
}

function onDir(srcStat, destStat, src, dest, opts) {
  if (!destStat) return mkDirAndCopy(srcStat.mode, src, dest, opts);
  return copyDir(src, dest, opts);
}

async function mkDirAndCopy(srcMode, src, dest, opts) {
  await mkdir(dest);
  await copyDir(src, dest, opts);
  return chmod(dest, srcMode);
}

async function copyDir(src, dest, opts) {
  const dir = await opendir(src);
  for await (const { name } of dir) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    const { destStat, skipped } = await checkPaths(srcItem, destItem, opts);
    if (!skipped) await getStatsForCopy(destStat, srcItem, destItem, opts);
  }
}

async function onLink(destStat, src, dest, opts) {
  let resolvedSrc = await readlink(src);
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) resolvedSrc = resolve(dirname(src), resolvedSrc);
  if (!destStat) return symlink(resolvedSrc, dest);
  let resolvedDest;
  try {
    resolvedDest = await readlink(dest);
  } catch (err) {
    // dest is there and is no link: symlink reports what it finds.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') return symlink(resolvedSrc, dest);
    throw err;
  }
  if (!isAbsolute(resolvedDest)) resolvedDest = resolve(dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) throw subdirError(resolvedSrc, resolvedDest, dest);
  // Replacing dest would delete what src's link leads to.
  const srcStat = await stat(src);
  if (srcStat.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, 'EINVAL');
  }
  await unlink(dest);
  return symlink(resolvedSrc, dest);
}

const cpCallback = callbackify(cpFn);

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  options = validateCpOptions(options);
  src = toNamespacedPath(getValidatedPath(src, 'src'));
  dest = toNamespacedPath(getValidatedPath(dest, 'dest'));
  cpCallback(src, dest, options, callback);
}

async function cpPromise(src, dest, options) {
  options = validateCpOptions(options);
  src = toNamespacedPath(getValidatedPath(src, 'src'));
  dest = toNamespacedPath(getValidatedPath(dest, 'dest'));
  return cpFn(src, dest, options);
}
Object.defineProperty(cpPromise, 'name', { value: 'cp' });

module.exports = { cp, cpPromise, cpFn };
