// unode/internal/fs: synchronous calls on names: mkdir (recursive as Node's
// MKDirpSync), mkdtemp, rename, link, symlink, readlink, unlink, rmdir,
// copyFile (libuv's algorithm: copy_file_range, then sendfile, then read/write).
'use strict';

const { Buffer } = require('buffer');
const C = require('libjs/constants');
const sys = require('./sys');
const S = require('./stats');
const { uvException } = require('../errors');
const {
  getValidatedPath,
  getValidFileModeNative,
  parseFileMode,
  validateBoolean,
} = require('../validators');
const {
  getOptions,
  encodeString,
  stringToSymlinkType,
  warnOnNonPortableTemplate,
  validateRmdirOptions,
} = require('./utils');
const { statPathRaw, scratchMode } = require('./sync-stat');

const { AT_FDCWD } = sys;
const {
  AT_REMOVEDIR, O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_CLOEXEC, S_IFMT, S_IFDIR,
} = C;
const ENOENT = -2;
const EINTR = -4;
const EIO = -5;
const EACCES = -13;
const EEXIST = -17;
const EXDEV = -18;
const ENOTDIR = -20;
const EINVAL = -22;
const ENOSPC = -28;
const EPERM = -1;
const ENOSYS = -38;
const ENOTSOCK = -88;
const EOPNOTSUPP = -95;

// ---- mkdir -------------------------------------------------------------------------

function isDirectoryRaw(path) {
  const r = statPathRaw(path, 0);
  if (r < 0) return r;
  return (scratchMode() & S_IFMT) === S_IFDIR ? 1 : 0;
}

// Node's MKDirpSync: create missing parents one at a time; the first directory
// created (or undefined), or -errno. Paths are strings or, for Buffer paths,
// latin1 strings standing for their bytes.
function mkdirpRaw(path, mode, toKernel) {
  const stack = [path];
  let first;
  while (stack.length > 0) {
    const next = stack.pop();
    let err = sys.mkdirat(AT_FDCWD, toKernel(next), mode);
    for (;;) {
      if (err === 0) {
        if (first === undefined) first = next;
      } else if (err === EACCES || err === ENOSPC || err === ENOTDIR || err === EPERM) {
        return { err };
      } else if (err === ENOENT) {
        const slash = next.lastIndexOf('/');
        const dirname = slash === -1 ? next : next.slice(0, slash);
        if (dirname !== next) {
          stack.push(next);
          stack.push(dirname);
        } else if (stack.length === 0) {
          err = EEXIST;
          continue;
        }
      } else {
        const orig = err;
        const isDir = isDirectoryRaw(toKernel(next));
        if (isDir === 0) {
          if (orig === EEXIST && stack.length > 0) return { err: ENOTDIR };
          return { err: EEXIST };
        }
        if (isDir < 0) return { err: isDir };
      }
      break;
    }
  }
  return { err: 0, first };
}

const identity = (p) => p;
const latin1Bytes = (p) => Buffer.from(p, 'latin1');

function mkdirSync(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  mode = parseFileMode(mode, 'mode');
  if (!recursive) {
    const r = sys.mkdirat(AT_FDCWD, path, mode);
    if (r < 0) throw uvException(r, 'mkdir', path);
    return;
  }
  const { err, first } = typeof path === 'string' ?
    mkdirpRaw(path, mode, identity) :
    mkdirpRaw(Buffer.from(path).toString('latin1'), mode, latin1Bytes);
  if (err < 0) throw uvException(err, 'mkdir', path);
  if (first === undefined) return undefined;
  return typeof path === 'string' ? first : Buffer.from(first, 'latin1').toString('utf8');
}

// ---- mkdtemp -----------------------------------------------------------------------

// As glibc's mkdtemp: six characters from [A-Za-z0-9], mode 0700, another
// name on EEXIST.
const kTempChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomBytes = new Uint8Array(6);

function fillRandom() {
  if (sys.getrandom(randomBytes, 6, 0) !== 6) {
    for (let i = 0; i < 6; i++) randomBytes[i] = Math.floor(Math.random() * 256);
  }
}

// Node 20 appends the six Xs with snprintf into a buffer one byte short when
// the prefix is empty: the template is then 'XXXXX', which mkdtemp refuses.
const kEmptyPrefixTemplate = 'XXXXX';

function mkdtempRaw(prefixBytes) {
  if (prefixBytes.length === 0) return EINVAL;
  const path = Buffer.allocUnsafe(prefixBytes.length + 6);
  path.set(prefixBytes, 0);
  for (let attempt = 0; attempt < 62 * 62 * 62; attempt++) {
    fillRandom();
    for (let i = 0; i < 6; i++) path[prefixBytes.length + i] = kTempChars.charCodeAt(randomBytes[i] % 62);
    const r = sys.mkdirat(AT_FDCWD, path, 0o700);
    if (r !== EEXIST) return r < 0 ? r : path;
  }
  return EEXIST;
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  const bytes = typeof prefix === 'string' ? Buffer.from(prefix) : prefix;
  const r = mkdtempRaw(bytes);
  if (typeof r === 'number')
    throw uvException(r, 'mkdtemp', bytes.length === 0 ? kEmptyPrefixTemplate : `${prefix}XXXXXX`);
  const enc = options.encoding;
  if (enc === 'buffer') return r;
  return !enc || enc === 'utf8' || enc === 'utf-8' ?
    r.utf8Slice(0, r.length) : r.toString(enc);
}

// ---- names -------------------------------------------------------------------------

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  const r = sys.renameat(oldPath, newPath);
  if (r < 0) throw uvException(r, 'rename', oldPath, newPath);
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  const r = sys.linkat(AT_FDCWD, existingPath, AT_FDCWD, newPath, 0);
  if (r < 0) throw uvException(r, 'link', existingPath, newPath);
}

function symlinkSync(target, path, type) {
  type = typeof type === 'string' ? type : null;
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  stringToSymlinkType(type);
  const r = sys.symlinkat(target, AT_FDCWD, path);
  if (r < 0) throw uvException(r, 'symlink', target, path);
}

// Link targets are shorter than PATH_MAX; libuv reads them in one call.
const linkBuf = Buffer.allocUnsafeSlow(4096);

function readlinkRaw(path) {
  return sys.readlinkat(AT_FDCWD, path, linkBuf, linkBuf.length);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const n = readlinkRaw(path);
  if (n < 0) throw uvException(n, 'readlink', path);
  const enc = options.encoding;
  if (!enc || enc === 'utf8' || enc === 'utf-8') return linkBuf.utf8Slice(0, n);
  if (enc === 'buffer') return Buffer.from(linkBuf.subarray(0, n));
  return linkBuf.toString(enc, 0, n);
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  const r = sys.unlinkat(AT_FDCWD, path, 0);
  if (r < 0) throw uvException(r, 'unlink', path);
}

function rmdirRaw(path) {
  return sys.unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    // Deprecated: removes the tree as rm would, when path is a directory.
    return require('./rm').rmdirRecursiveSync(path, options);
  }
  validateRmdirOptions(options);
  const r = rmdirRaw(path);
  if (r < 0) throw uvException(r, 'rmdir', path);
}

// ---- copyFile ----------------------------------------------------------------------

const COPYFILE_EXCL = 1;
const COPYFILE_FICLONE = 2;
const COPYFILE_FICLONE_FORCE = 4;

let noCopyFileRange = false;
const emulBuf = Buffer.allocUnsafeSlow(64 * 1024);

// One step of libuv's uv_fs_sendfile between file positions: copy_file_range,
// then sendfile, then read/write; bytes moved or -errno.
function copyChunk(inFd, outFd, len) {
  let r = ENOSYS;
  if (!noCopyFileRange) {
    r = sys.copy_file_range(inFd, null, outFd, null, len, 0);
    if (r >= 0) return r;
    if (r === ENOSYS) noCopyFileRange = true;
    else if (r === EOPNOTSUPP || r === EXDEV) r = ENOSYS;
  }
  if (r === ENOSYS) {
    r = sys.sendfile(outFd, inFd, null, len);
    if (r >= 0) return r;
  }
  if (r === EINVAL || r === EIO || r === ENOTSOCK || r === EXDEV) return copyChunkEmulated(inFd, outFd, len);
  return r;
}

function copyChunkEmulated(inFd, outFd, len) {
  const n = sys.read(inFd, emulBuf, Math.min(len, emulBuf.length));
  if (n <= 0) return n;
  let done = 0;
  while (done < n) {
    const w = sys.write(outFd, emulBuf, n - done, done);
    if (w < 0) return w;
    done += w;
  }
  return n;
}

// 0 or -errno; dest is removed when the copy fails after it was opened.
function copyFileRaw(src, dest, mode) {
  const srcFd = sys.openat(AT_FDCWD, src, O_RDONLY | O_CLOEXEC, 0);
  if (srcFd < 0) return srcFd;
  let err = 0;
  let destFd = -1;
  let r = sys.fstat(srcFd, S.scratch);
  if (r < 0) {
    err = r;
  } else {
    const srcMode = S.statMode();
    const size = S.statSize();
    const srcIdentity = S.statIdentity();
    const flags = O_WRONLY | O_CREAT | ((mode & COPYFILE_EXCL) ? O_EXCL : 0);
    destFd = sys.openat(AT_FDCWD, dest, flags | O_CLOEXEC, srcMode);
    if (destFd < 0) {
      err = destFd;
    } else {
      err = copyOpened(srcFd, destFd, mode, srcMode, size, srcIdentity);
    }
  }
  let result = err < 0 ? err : 0;
  r = closeQuiet(srcFd);
  if (r < 0 && result === 0) result = r;
  if (destFd >= 0) {
    r = closeQuiet(destFd);
    if (r < 0 && result === 0) result = r;
    if (result !== 0) sys.unlinkat(AT_FDCWD, dest, 0);
  }
  return result;
}

function copyOpened(srcFd, destFd, mode, srcMode, size, srcIdentity) {
  if ((mode & COPYFILE_EXCL) === 0) {
    const r = sys.fstat(destFd, S.scratch);
    if (r < 0) return r;
    if (S.statIdentity() === srcIdentity) return 0; // the same file: nothing to do
    const destSize = S.statSize();
    const t = sys.ftruncate(destFd, 0);
    if (t < 0 && !(t === EACCES && destSize === 0)) return t;
  }
  const c = sys.fchmod(destFd, srcMode);
  if (c < 0) return c;
  if (mode & (COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE)) {
    const f = sys.ficlone(destFd, srcFd);
    if (f === 0) return 0;
    if (mode & COPYFILE_FICLONE_FORCE) return f;
  }
  let left = size;
  while (left > 0) {
    const n = copyChunk(srcFd, destFd, Math.min(left, 0x7ffff000));
    if (n < 0) return n;
    if (n === 0) break; // the source shrank: stop rather than spin
    left -= n;
  }
  return 0;
}

function closeQuiet(fd) {
  const r = sys.close(fd);
  return r === EINTR ? 0 : r;
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidFileModeNative(mode);
  const r = copyFileRaw(src, dest, mode);
  if (r < 0) throw uvException(r, 'copyfile', src, dest);
}

module.exports = {
  mkdirSync,
  mkdtempSync,
  renameSync,
  linkSync,
  symlinkSync,
  readlinkSync,
  unlinkSync,
  rmdirSync,
  copyFileSync,
  // For the other forms of fs and for internal walks:
  mkdirpRaw,
  mkdtempRaw,
  readlinkRaw,
  linkBuf,
  rmdirRaw,
  copyFileRaw,
  encodeString,
};
