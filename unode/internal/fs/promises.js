// unode/internal/fs: the functions of fs/promises (everything but FileHandle's
// own operations, in filehandle.js): Node 20's argument handling, errors as
// rejections, the system calls as eloop jobs. unode/lib/fs_promises.js lays
// them out as Node's module object.
'use strict';

const { Buffer } = require('buffer');
const { isArrayBufferView } = require('util').types;
const pathModule = require('path');
const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const io = require('./async-io');
const ap = require('./async-paths');
const fh = require('./filehandle');
const { call, promised, kpath, AT_FDCWD } = require('./jobs');
const { timesFor, statPathRaw, scratchMode } = require('./sync-stat');
const { getDirents } = require('./readdir');
const { encodeTemp } = require('./callback-paths');
const { getDirents: getDirentsAsync, validateRmOptions, rimraf } = require('./callback-dirs');
const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
  uvRejection,
  aggregateTwoErrors,
} = require('../errors');
const {
  getValidatedPath,
  getValidFileModeNative,
  parseFileMode,
  stringToFlags,
  toUnixTimestamp,
  validateAbortSignal,
  validateBoolean,
  validateInteger,
} = require('../validators');
const {
  kEmptyObject,
  kMaxUserId,
  getOptions,
  copyObject,
  encodeBytes,
  stringToSymlinkType,
  warnOnNonPortableTemplate,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  emitRecursiveRmdirWarning,
} = require('./utils');

// readFileHandle called as a plain function, as Node does (an async stack
// names it `readFileHandle`, not `Object.readFileHandle`).
const { FileHandle, NativeHandle, checkAborted, isCustomIterable, readFileHandle } = fh;
const { AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR, S_IFMT, S_IFDIR } = C;

// A raw completion (r, value) as a Promise of [r, value].
function pair(start) {
  return promised((resolve) => start((r, v) => resolve([r, v])));
}

// ---- open, and what goes through a FileHandle ---------------------------------------

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const fd = await promised((resolve) => io.open(path, flagsNumber, mode, resolve));
  if (fd < 0) throw await uvRejection(fd, 'open', path);
  return new FileHandle(new NativeHandle(fd));
}

// The operation's result after the handle is closed; its error (with the
// close error, if that failed too) otherwise.
function handleFdClose(fileOpPromise, closeFunc) {
  return fileOpPromise.then(
    (result) => closeFunc().then(() => result),
    (opError) => closeFunc().then(
      () => Promise.reject(opError),
      (closeError) => Promise.reject(aggregateTwoErrors(closeError, opError)),
    ),
  );
}

function handleFdSync(fileOpPromise, handle) {
  return fileOpPromise.then((result) => handle.sync().then(() => result));
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return readFileHandle(path, options);
  checkAborted(options.signal);
  const fd = await open(path, flag, 0o666);
  return handleFdClose(readFileHandle(fd, options), fd.close);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  validateAbortSignal(options.signal);
  if (path instanceof FileHandle) return fh.writeFileHandle(path, data, options.signal, options.encoding);
  checkAborted(options.signal);
  const fd = await open(path, flag, options.mode);
  let writeOp = fh.writeFileHandle(fd, data, options.signal, options.encoding);
  if (flush) writeOp = handleFdSync(writeOp, fd);
  return handleFdClose(writeOp, fd.close);
}

fh.wholeFile.readFile = readFile;
fh.wholeFile.writeFile = writeFile;

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(fh.ftruncate(fd, len), fd.close);
}

async function lchmod(path, mode) { // eslint-disable-line no-unused-vars
  // Node's lchmod needs O_SYMLINK (macOS only).
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

// ---- single calls on names -------------------------------------------------------------

async function access(path, mode = C.F_OK) {
  path = getValidatedPath(path);
  mode = getValidFileModeNative(mode);
  const r = await call(nr.faccessat, AT_FDCWD, kpath(path), mode);
  if (r < 0) throw await uvRejection(r, 'access', path);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidFileModeNative(mode);
  const r = await promised((resolve) => ap.copyFile(src, dest, mode, resolve));
  if (r < 0) throw await uvRejection(r, 'copyfile', src, dest);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  const r = nr.renameat !== undefined ?
    await call(nr.renameat, AT_FDCWD, kpath(oldPath), AT_FDCWD, kpath(newPath)) :
    await call(nr.renameat2, AT_FDCWD, kpath(oldPath), AT_FDCWD, kpath(newPath), 0);
  if (r < 0) throw await uvRejection(r, 'rename', oldPath, newPath);
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  const r = await call(nr.linkat, AT_FDCWD, kpath(existingPath), AT_FDCWD, kpath(newPath), 0);
  if (r < 0) throw await uvRejection(r, 'link', existingPath, newPath);
}

async function unlink(path) {
  path = getValidatedPath(path);
  const r = await call(nr.unlinkat, AT_FDCWD, kpath(path), 0);
  if (r < 0) throw await uvRejection(r, 'unlink', path);
}

async function symlink(target, path, type_) {
  const type = (typeof type_ === 'string' ? type_ : null);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  stringToSymlinkType(type);
  const r = await call(nr.symlinkat, kpath(target), AT_FDCWD, kpath(path));
  if (r < 0) throw await uvRejection(r, 'symlink', target, path);
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const [r, target] = await pair((cb) => ap.readlink(path, cb));
  if (r < 0) throw await uvRejection(r, 'readlink', path);
  return encodeBytes(target, 0, target.length, options.encoding);
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  const r = await call(nr.fchmodat, AT_FDCWD, kpath(path), mode);
  if (r < 0) throw await uvRejection(r, 'chmod', path);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  const r = await call(nr.fchownat, AT_FDCWD, kpath(path), uid, gid, 0);
  if (r < 0) throw await uvRejection(r, 'chown', path);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  const r = await call(nr.fchownat, AT_FDCWD, kpath(path), uid, gid, AT_SYMLINK_NOFOLLOW);
  if (r < 0) throw await uvRejection(r, 'lchown', path);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  const t = timesFor(toUnixTimestamp(atime), toUnixTimestamp(mtime)).slice();
  const r = await call(nr.utimensat, AT_FDCWD, kpath(path), t, 0);
  if (r < 0) throw await uvRejection(r, 'utime', path);
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  const t = timesFor(toUnixTimestamp(atime), toUnixTimestamp(mtime)).slice();
  const r = await call(nr.utimensat, AT_FDCWD, kpath(path), t, AT_SYMLINK_NOFOLLOW);
  if (r < 0) throw await uvRejection(r, 'lutime', path);
}


// ---- stat ------------------------------------------------------------------------------

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const [r, stats] = await pair((cb) => io.statPath(path, 0, options.bigint === true, cb));
  if (r < 0) throw await uvRejection(r, 'stat', path);
  return stats;
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const [r, stats] = await pair((cb) => io.statPath(path, AT_SYMLINK_NOFOLLOW, options.bigint === true, cb));
  if (r < 0) throw await uvRejection(r, 'lstat', path);
  return stats;
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const [r, stats] = await pair((cb) => io.statfs(path, options.bigint === true, cb));
  if (r < 0) throw await uvRejection(r, 'statfs', path);
  return stats;
}

// ---- directories ------------------------------------------------------------------------

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const m = parseFileMode(mode, 'mode', 0o777);
  if (!recursive) {
    const r = await call(nr.mkdirat, AT_FDCWD, kpath(path), m);
    if (r < 0) throw await uvRejection(r, 'mkdir', path);
    return undefined;
  }
  const [r, first] = await pair((cb) => require('./callback-paths').mkdirRecursive(path, m, cb));
  if (r < 0) throw await uvRejection(r, 'mkdir', first); // (on failure, the path the error names)
  return first;
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  const bytes = typeof prefix === 'string' ? Buffer.from(prefix) : prefix;
  const [r, path] = await pair((cb) => ap.mkdtemp(bytes, cb));
  if (r < 0) throw await uvRejection(r, 'mkdtemp', path.toString());
  return encodeTemp(path, options.encoding);
}

// [r, listing]: the caller rejects, so that its own frame heads the async
// stack as in Node (`at async Object.readdir`, `at async readdirRecursive`).
function scandir(path, encoding, withTypes) {
  return pair((cb) => ap.scandir(path, encoding, withTypes, cb));
}

// Node's: a stack of [directory, listing]; subdirectories found through a
// synchronous stat (follows links) or, with file types, by their entry.
async function readdirRecursive(originalPath, options) {
  const result = [];
  const [r0, first] = await scandir(originalPath, options.encoding, !!options.withFileTypes);
  if (r0 < 0) throw await uvRejection(r0, 'scandir', originalPath);
  const queue = [[originalPath, first]];
  if (options.withFileTypes) {
    while (queue.length > 0) {
      const [path, listing] = queue.pop();
      for (const dirent of getDirents(path, listing[0], listing[1])) {
        result.push(dirent);
        if (dirent.isDirectory()) {
          const direntPath = pathModule.join(path, dirent.name);
          const [r, listing] = await scandir(direntPath, options.encoding, true);
          if (r < 0) throw await uvRejection(r, 'scandir', direntPath);
          queue.push([direntPath, listing]);
        }
      }
    }
  } else {
    while (queue.length > 0) {
      const [path, listing] = queue.pop();
      for (const ent of listing) {
        const direntPath = pathModule.join(path, ent);
        const isDir = statPathRaw(direntPath, 0) === 0 && (scratchMode() & S_IFMT) === S_IFDIR;
        result.push(pathModule.relative(originalPath, direntPath));
        if (!isDir) continue;
        const [r, sub] = await scandir(direntPath, options.encoding, false);
        if (r < 0) throw await uvRejection(r, 'scandir', direntPath);
        queue.push([direntPath, sub]);
      }
    }
  }
  return result;
}

async function readdir(path, options) {
  options = getOptions(options);
  options = copyObject(options);
  path = getValidatedPath(path);
  if (options.recursive) return readdirRecursive(path, options);
  const withTypes = !!options.withFileTypes;
  const [r, result] = await scandir(path, options.encoding, withTypes);
  if (r < 0) throw await uvRejection(r, 'scandir', path);
  if (!withTypes) return result;
  return promised((resolve, reject) => {
    getDirentsAsync(path, result[0], result[1], (err, dirents) => {
      if (err) reject(err);
      else resolve(dirents);
    });
  });
}

function rimrafPromise(path, options) {
  return promised((resolve, reject) => {
    rimraf(path, options, (err) => {
      if (err) reject(err);
      else resolve();
    });
  });
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = await promised((resolve, reject) => {
    validateRmOptions(path, options, false, (err, opts) => {
      if (err) reject(err);
      else resolve(opts);
    });
  });
  return rimrafPromise(path, options);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) {
    emitRecursiveRmdirWarning();
    const stats = await stat(path);
    if (stats.isDirectory()) return rimrafPromise(path, options);
  }
  const r = await call(nr.unlinkat, AT_FDCWD, kpath(path), AT_REMOVEDIR);
  if (r < 0) throw await uvRejection(r, 'rmdir', path);
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const [r, target] = await pair((cb) => ap.realpathNative(path, cb));
  if (r === 1) {
    // No /proc: Node's walk gives the same answer.
    return promised((resolve, reject) => {
      require('./callback-dirs').realpath(typeof path === 'string' ? path : Buffer.from(path).toString(),
        options, (err, p) => (err ? reject(err) : resolve(p)));
    });
  }
  if (r < 0) throw await uvRejection(r, 'realpath', path);
  return encodeBytes(target, 0, target.length, options.encoding);
}

module.exports = {
  access,
  copyFile,
  open,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  constants: require('./constants'),
};
