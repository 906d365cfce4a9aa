// unode/internal/fs: realpathSync (Node's JavaScript walk: lstat each
// component, follow links, with the caller's cache) and realpathSync.native
// (the kernel's answer: open with O_PATH and read /proc/self/fd/N).
'use strict';

const { Buffer } = require('buffer');
const pathModule = require('path');
const C = require('libjs/constants');
const sys = require('./sys');
const { uvException } = require('../errors');
const { getValidatedPath, toPathIfFileURL, validatePath } = require('../validators');
const { getOptions } = require('./utils');
const { statPathRaw, scratchMode, scratchIdentity } = require('./sync-stat');
const { readlinkRaw, linkBuf } = require('./sync-paths');

const { AT_FDCWD } = sys;
const { AT_SYMLINK_NOFOLLOW, S_IFMT, S_IFLNK, S_IFIFO, S_IFSOCK, O_PATH, O_CLOEXEC } = C;
const ENOENT = -2;
const ENAMETOOLONG = -36;

// Node's CommonJS loader passes its cache under a private symbol of its own;
// any symbol key described as 'realpathCacheKey' holding a Map is taken as one.
function cacheOf(options) {
  if (options === null || typeof options !== 'object') return undefined;
  const syms = Object.getOwnPropertySymbols(options);
  for (let i = 0; i < syms.length; i++) {
    if (syms[i].description === 'realpathCacheKey') {
      const c = options[syms[i]];
      if (c && typeof c.get === 'function' && typeof c.set === 'function') return c;
    }
  }
  return undefined;
}

function splitRoot(str) {
  for (let i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) !== 47) return str.slice(0, i);
  }
  return str;
}

function encodeResult(result, options) {
  if (!options || !options.encoding || options.encoding === 'utf8') return result;
  const asBuffer = Buffer.from(result);
  if (options.encoding === 'buffer') return asBuffer;
  return asBuffer.toString(options.encoding);
}

function realpathSync(p, options) {
  const cache = cacheOf(options);
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  p = pathModule.resolve(p);

  const cached = cache?.get(p);
  if (cached) return cached;

  const seenLinks = new Map();
  const knownHard = new Set();
  const original = p;
  let lastTarget = 0; // the file type of the last link target stat'ed
  let current = splitRoot(p);
  let base = current;
  let pos = current.length;
  let previous;

  while (pos < p.length) {
    const next = p.indexOf('/', pos);
    previous = current;
    if (next === -1) {
      const last = p.slice(pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += p.slice(pos, next + 1);
      base = previous + p.slice(pos, next);
      pos = next + 1;
    }

    // As Node's walk: a known component ends it when the last stat made (here,
    // of a link's target) saw a pipe or a socket, so /dev/stdin on a pipe is
    // /proc/<pid>/fd/pipe:[N], a name with nothing behind it.
    if (knownHard.has(base) || cache?.get(base) === base) {
      if (lastTarget === S_IFIFO || lastTarget === S_IFSOCK) break;
      continue;
    }

    let resolvedLink;
    const cachedResolved = cache?.get(base);
    if (cachedResolved) {
      resolvedLink = cachedResolved;
    } else {
      const r = statPathRaw(base, AT_SYMLINK_NOFOLLOW);
      if (r < 0) throw uvException(r, 'lstat', base, undefined, realpathSync);
      if ((scratchMode() & S_IFMT) !== S_IFLNK) {
        knownHard.add(base);
        cache?.set(base, base);
        continue;
      }
      const id = scratchIdentity();
      let linkTarget = seenLinks.has(id) ? seenLinks.get(id) : null;
      if (linkTarget === null) {
        const s = statPathRaw(base, 0);
        if (s < 0) throw uvException(s, 'stat', base, undefined, realpathSync);
        lastTarget = scratchMode() & S_IFMT;
        const n = readlinkRaw(base);
        if (n < 0) throw uvException(n, 'readlink', base, undefined, realpathSync);
        linkTarget = linkBuf.utf8Slice(0, n);
      }
      resolvedLink = pathModule.resolve(previous, linkTarget);
      cache?.set(base, resolvedLink);
      seenLinks.set(id, linkTarget);
    }

    p = pathModule.resolve(resolvedLink, p.slice(pos));
    current = base = splitRoot(p);
    pos = current.length;
  }

  cache?.set(original, p);
  return encodeResult(p, options);
}

// The resolved path of an O_PATH descriptor, from /proc/self/fd: the length
// of the path in linkBuf; -errno for the path; null without /proc.
const fdLinkPrefix = '/proc/self/fd/';

function realpathNativeRaw(path) {
  const fd = sys.openat(AT_FDCWD, path, O_PATH | O_CLOEXEC, 0);
  if (fd < 0) return fd;
  const n = readlinkRaw(fdLinkPrefix + fd);
  sys.close(fd);
  // Past a page the kernel cannot name it (Node's realpath(3) then works
  // for '.' alone, from glibc's own walk up the tree: see docs/fs.md).
  if (n === ENAMETOOLONG) return n;
  if (n < 0) return null;
  const r = nativeVerdict(path, linkBuf, n);
  return r < 0 ? r : n;
}

// Where realpath(3), which resolves names from getcwd(3), fails although the
// descriptor has a name: 0, or -errno. `target` is /proc's name (n bytes).
// - A pipe, socket or anonymous inode has no path ('pipe:[N]'): ENOENT.
// - A relative path in a removed working directory: getcwd fails, ENOENT
//   (even for '..', whose directory still exists).
// - A removed directory or file reached another way (/proc/self/cwd): /proc
//   names it '<path> (deleted)', a name realpath(3) would not find.
const kDeleted = Buffer.from(' (deleted)');

function nativeVerdict(path, target, n) {
  if (target[0] !== 0x2f) return ENOENT;
  const first = typeof path === 'string' ? path.charCodeAt(0) : path[0];
  // (Loaded here: process/cwd is part of a cycle at start-up.)
  if (first !== 0x2f && require('../process/cwd').getcwd() === ENOENT) return ENOENT;
  if (n > kDeleted.length && target.subarray(n - kDeleted.length, n).equals(kDeleted) &&
      statPathRaw(Buffer.from(target.subarray(0, n)), AT_SYMLINK_NOFOLLOW) !== 0) return ENOENT;
  return 0;
}

function realpathSyncNative(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const n = realpathNativeRaw(path);
  if (n === null) {
    // No /proc: the walk gives the same answer.
    return realpathSync(typeof path === 'string' ? path : Buffer.from(path).toString(), options);
  }
  if (n < 0) throw uvException(n, 'realpath', path, undefined, realpathSyncNative);
  const enc = options.encoding;
  if (!enc || enc === 'utf8' || enc === 'utf-8') return linkBuf.utf8Slice(0, n);
  if (enc === 'buffer') return Buffer.from(linkBuf.subarray(0, n));
  return linkBuf.toString(enc, 0, n);
}

realpathSync.native = realpathSyncNative;

module.exports = { realpathSync, realpathSyncNative, cacheOf, nativeVerdict };
