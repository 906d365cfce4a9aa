// unode/internal/fs: the callback forms of readdir, rmdir, rm (Node's
// rimraf, retries included) and realpath (Node's JavaScript walk) with
// realpath.native. Node 20's argument handling, in Node's order.
'use strict';

const { Buffer } = require('buffer');
const pathModule = require('path');
const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const ap = require('./async-paths');
const pub = require('./public');
const { submit, kpath, AT_FDCWD } = require('./jobs');
const { uvErr, makeCallback, noArgs } = require('./callback-io');
const { lstat } = require('./callback-stat');
const { unlink } = require('./callback-paths');
const { readdirSyncRecursive, join } = require('./readdir');
const { Dirent, DirentFromStats, UV_DIRENT_UNKNOWN } = require('./dirent');
const { codes: { ERR_FS_EISDIR } } = require('../errors');
const {
  getValidatedPath,
  toPathIfFileURL,
  validateBoolean,
  validateFunction,
  validatePath,
} = require('../validators');
const {
  getOptions,
  encodeBytes,
  validateRmdirOptions,
  validateRmOptionsShape,
  emitRecursiveRmdirWarning,
} = require('./utils');

const { AT_REMOVEDIR, S_IFMT, S_IFIFO, S_IFSOCK } = C;
const EISDIR_ERRNO = 21;

// ---- readdir ---------------------------------------------------------------------

// Dirents for [names, types]; entries the file system gave no type for are
// lstat'ed through fs.lstat, as Node's getDirents does. cb once.
function getDirents(path, names, types, callback) {
  let toFinish = 0;
  let called = false;
  const once = (err, result) => {
    if (called) return;
    called = true;
    callback(err, result);
  };
  for (let i = 0; i < names.length; i++) {
    if (types[i] === UV_DIRENT_UNKNOWN) {
      const name = names[i];
      toFinish++;
      let filepath;
      try {
        filepath = join(path, name);
      } catch (err) {
        once(err);
        return;
      }
      pub.fs.lstat(filepath, (err, stats) => {
        if (err) {
          once(err);
          return;
        }
        names[i] = new DirentFromStats(name, stats, path);
        if (--toFinish === 0) once(null, names);
      });
    } else {
      names[i] = new Dirent(names[i], types[i], path);
    }
  }
  if (toFinish === 0) once(null, names);
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    // Node 20 lists recursively with the synchronous walk and calls back at once.
    callback(null, readdirSyncRecursive(path, options));
    return;
  }
  const withTypes = !!options.withFileTypes;
  ap.scandir(path, options.encoding, withTypes, (r, result) => {
    if (r < 0) callback(uvErr(r, 'scandir', path));
    else if (!withTypes) callback(null, result);
    else getDirents(path, result[0], result[1], callback);
  });
}

// ---- rmdir and rm ----------------------------------------------------------------

// Node's validateRmOptions: the options, then an lstat through fs.lstat.
// cb(false) when a directory was expected and this is not one.
function validateRmOptions(path, options, expectDir, cb) {
  options = validateRmOptionsShape(options);
  pub.fs.lstat(path, (err, stats) => {
    if (err) {
      if (options.force && err.code === 'ENOENT') return cb(null, options);
      return cb(err, options);
    }
    if (expectDir && !stats.isDirectory()) return cb(false);
    if (stats.isDirectory() && !options.recursive) {
      return cb(new ERR_FS_EISDIR.HideStackFramesError({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: EISDIR_ERRNO,
      }));
    }
    return cb(null, options);
  });
}

function rmdirNow(path, callback) {
  submit(noArgs(callback, 'rmdir', path), nr.unlinkat, AT_FDCWD, kpath(path), AT_REMOVEDIR);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmOptions(path, { ...options, force: false }, true, (err, opts) => {
      if (err === false) return rmdirNow(path, callback);
      if (err) return callback(err);
      rimraf(path, opts, callback);
    });
  } else {
    validateRmdirOptions(options);
    rmdirNow(path, callback);
  }
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  validateRmOptions(path, options, false, (err, opts) => {
    if (err) return callback(err);
    return rimraf(path, opts, callback);
  });
}

// Node's rimraf, on unode's own callback functions.
const notEmpty = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM']);
const retryable = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);
const separator = Buffer.from(pathModule.sep);

function rimraf(path, options, callback) {
  let retries = 0;
  walk(path, options, function CB(err) {
    if (err) {
      if (retryable.has(err.code) && retries < options.maxRetries) {
        retries++;
        setTimeout(walk, retries * options.retryDelay, path, options, CB);
        return;
      }
      if (err.code === 'ENOENT') err = null;
    }
    callback(err);
  });
}

function walk(path, options, callback) {
  own.lstat(path, (err, stats) => {
    if (err) {
      if (err.code === 'ENOENT') return callback(null);
    } else if (stats.isDirectory()) {
      return removeDir(path, options, err, callback);
    }
    own.unlink(path, (err) => {
      if (err) {
        if (err.code === 'ENOENT') return callback(null);
        if (err.code === 'EISDIR' || err.code === 'EPERM') return removeDir(path, options, err, callback);
      }
      return callback(err);
    });
  });
}

function removeDir(path, options, originalErr, callback) {
  own.rmdir(path, (err) => {
    if (err) {
      if (notEmpty.has(err.code)) return removeChildren(path, options, callback);
      if (err.code === 'ENOTDIR') return callback(originalErr);
    }
    callback(err);
  });
}

function removeChildren(path, options, callback) {
  const pathBuf = Buffer.from(path);
  own.readdir(pathBuf, 'buffer', (err, files) => {
    if (err) return callback(err);
    let numFiles = files.length;
    if (numFiles === 0) return own.rmdir(path, callback);
    let done = false;
    const childPathPrefix = Buffer.concat([pathBuf, separator]);
    for (let i = 0; i < files.length; i++) {
      rimraf(Buffer.concat([childPathPrefix, files[i]]), options, (err) => {
        if (done) return;
        if (err) {
          done = true;
          return callback(err);
        }
        numFiles--;
        if (numFiles === 0) own.rmdir(path, callback);
      });
    }
  });
}

// ---- realpath ----------------------------------------------------------------------

function splitRoot(str) {
  for (let i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) !== 47) return str.slice(0, i);
  }
  return str;
}

function encodeRealpathResult(result, options) {
  if (!options || !options.encoding || options.encoding === 'utf8') return result;
  const asBuffer = Buffer.from(result);
  if (options.encoding === 'buffer') return asBuffer;
  return asBuffer.toString(options.encoding);
}

// Node's walk: lstat each component (through fs.lstat, as Node), follow
// links with fs.stat and fs.readlink, one step per tick.
function realpath(p, options, callback) {
  if (typeof options === 'function') callback = options;
  else validateFunction(callback, 'cb');
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  p = pathModule.resolve(p);

  const seenLinks = new Map();
  const knownHard = new Set();
  let pos;
  let current;
  let base;
  let previous;
  // The file type of the last link target this walk stat'ed: Node's walk
  // checks the stat array that call filled (see realpath.js).
  let lastTarget = 0;

  current = base = splitRoot(p);
  pos = current.length;
  process.nextTick(LOOP);

  function LOOP() {
    if (pos >= p.length) return callback(null, encodeRealpathResult(p, options));
    const result = p.indexOf('/', pos);
    previous = current;
    if (result === -1) {
      const last = p.slice(pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += p.slice(pos, result + 1);
      base = previous + p.slice(pos, result);
      pos = result + 1;
    }
    if (knownHard.has(base)) {
      if (lastTarget === S_IFIFO || lastTarget === S_IFSOCK) return callback(null, encodeRealpathResult(p, options));
      return process.nextTick(LOOP);
    }
    return pub.fs.lstat(base, { bigint: true }, gotStat);
  }

  function gotStat(err, stats) {
    if (err) return callback(err);
    if (!stats.isSymbolicLink()) {
      knownHard.add(base);
      return process.nextTick(LOOP);
    }
    const id = `${stats.dev.toString(32)}:${stats.ino.toString(32)}`;
    if (seenLinks.has(id)) return gotTarget(null, seenLinks.get(id));
    pub.fs.stat(base, (err, st) => {
      if (err) return callback(err);
      lastTarget = st.mode & S_IFMT;
      pub.fs.readlink(base, (err, target) => {
        seenLinks.set(id, target);
        gotTarget(err, target);
      });
    });
  }

  function gotTarget(err, target) {
    if (err) return callback(err);
    p = pathModule.resolve(pathModule.resolve(previous, target), p.slice(pos));
    current = base = splitRoot(p);
    pos = current.length;
    process.nextTick(LOOP);
  }
}

realpath.native = (path, options, callback) => {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  ap.realpathNative(path, (r, target) => {
    if (r === 1) {
      // No /proc: the walk gives the same answer (its errors, a working
      // directory that cannot be named, go to the callback).
      try {
        realpath(typeof path === 'string' ? path : Buffer.from(path).toString(), options, callback);
      } catch (err) {
        callback(err);
      }
    } else if (r < 0) {
      callback(uvErr(r, 'realpath', path));
    } else {
      callback(null, encodeBytes(target, 0, target.length, options.encoding));
    }
  });
};

// rimraf calls unode's own functions, as Node's calls the ones it took from fs at load.
const own = { lstat, unlink, rmdir, readdir };

module.exports = { readdir, rmdir, rm, realpath, getDirents, validateRmOptions, rimraf };
