// unode/internal/fs: opendir, opendirSync and Dir as Node 20.20 has them, over
// getdents64: entries in the kernel's order, handed out `bufferSize` at a time
// as libuv's uv_fs_readdir does; asynchronous calls run as eloop jobs (jobs.js).
'use strict';

const { Buffer } = require('buffer');
const pathModule = require('path');
const { promisify } = require('util');
const libsys = require('libsys');
// libsys knows (loading worker_threads would wrap Node's process.chdir).
const isMainThread = () => libsys.isMainThread;
const jobs = require('./jobs');
const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const sys = require('./sys');
const pub = require('./public');
const { encodeBytes, getOptions } = require('./utils');
const { Dirent, DirentFromStats, direntType, UV_DIRENT_UNKNOWN } = require('./dirent');
const {
  codes: { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_MISSING_ARGS },
  uvException,
} = require('../errors');
const { getValidatedPath, validateFunction, validateUint32 } = require('../validators');

const { AT_FDCWD } = sys;
// What glibc's opendir asks for.
const OPEN_FLAGS = C.O_RDONLY | C.O_NONBLOCK | C.O_DIRECTORY | C.O_CLOEXEC;
const ENOENT = -2;
const EINTR = -4;
const EINPROGRESS = -115;
const { SEEK_CUR } = C;
// glibc's readdir buffer: 4 * BUFSIZ.
const kReadBuffer = 32 * 1024;
const RECLEN = 16;
const TYPE = 18;
const NAME = 19;

// ---- the handle: one open directory ----------------------------------------------

// Closes handles that were collected without close(), as Node's DirHandle does.
const collected = new FinalizationRegistry((fd) => {
  if (!isMainThread()) libsys.fdUntrack(fd);
  sys.close(fd);
  process.emitWarning('Closing directory handle on garbage collection');
});

// The kernel's records are parsed out of `#buf` between `#pos` and `#end`; an
// empty buffer is refilled with getdents64 (on eloop for the async read). The
// fields are private, so util.inspect shows `DirHandle {}` as for Node's.
class DirHandle {
  #fd;
  #buf = null;
  #pos = 0;
  #end = 0;

  constructor(fd) {
    this.#fd = fd;
    collected.register(this, fd, this);
    // In a Worker, libsys closes it if the Worker is terminated (as Node's
    // DirHandle is closed when its environment goes).
    if (!isMainThread()) libsys.fdTrack(fd);
  }

  // Moves up to `max` entries (name, type pairs) from the buffer into `out`;
  // whether the buffer still holds records.
  #take(out, max, encoding) {
    const buf = this.#buf;
    let p = this.#pos;
    const end = this.#end;
    while (p < end && out.length < 2 * max) {
      const reclen = buf[p + RECLEN] | (buf[p + RECLEN + 1] << 8);
      const a = p + NAME;
      let e = a;
      while (e < p + reclen && buf[e] !== 0) e++;
      const len = e - a;
      if (!(buf[a] === 46 && (len === 1 || (len === 2 && buf[a + 1] === 46))))
        out.push(encodeBytes(buf, a, e, encoding), direntType(buf[p + TYPE]));
      p += reclen;
    }
    this.#pos = p;
    return p < end;
  }

  #filled(n) {
    this.#pos = 0;
    this.#end = n;
  }

  // Up to `max` entries as [name, type, ...], null at the end, or -errno.
  readSync(encoding, max) {
    this.#buf ??= Buffer.allocUnsafeSlow(kReadBuffer);
    const out = [];
    while (!this.#take(out, max, encoding) && out.length < 2 * max) {
      let n = sys.getdents64(this.#fd, this.#buf, kReadBuffer);
      if (n === ENOENT) n = 0; // removed while open: glibc's readdir ends there
      if (n < 0) {
        if (out.length > 0) break;
        return n;
      }
      this.#filled(n);
      if (n === 0) break;
    }
    return out.length === 0 ? null : out;
  }

  // The same, delivered to cb(result) from the loop. A batch the buffer
  // already holds still goes round the pool, as libuv's readdir job does
  // (its callback comes when Node's would, not from inside this call): the
  // job is an lseek(fd, 0, SEEK_CUR), which changes nothing.
  read(encoding, max, cb) {
    this.#buf ??= Buffer.allocUnsafeSlow(kReadBuffer);
    const out = [];
    let first = true;
    const step = () => {
      if (this.#take(out, max, encoding) || out.length === 2 * max) {
        if (first) jobs.submit(() => cb(out), nr.lseek, this.#fd, 0, SEEK_CUR);
        else cb(out);
        return;
      }
      first = false;
      jobs.submit((n) => {
        if (n === ENOENT) n = 0;
        if (n < 0) {
          cb(out.length > 0 ? out : n);
          return;
        }
        this.#filled(n);
        if (n === 0) cb(out.length === 0 ? null : out);
        else step();
      }, nr.getdents64, this.#fd, this.#buf, kReadBuffer);
    };
    step();
  }

  #release() {
    collected.unregister(this);
    const fd = this.#fd;
    if (!isMainThread()) libsys.fdUntrack(fd);
    this.#fd = -1;
    this.#buf = null;
    return fd;
  }

  // Linux releases the fd even when close fails with EINTR; libuv reports success.
  closeSync() {
    const r = sys.close(this.#release());
    return r === EINTR || r === EINPROGRESS ? 0 : r;
  }

  close(cb) {
    jobs.submit((r) => cb(r === EINTR || r === EINPROGRESS ? 0 : r), nr.close, this.#release());
  }
}

function openHandleSync(path) {
  const fd = sys.openat(AT_FDCWD, path, OPEN_FLAGS, 0);
  return fd < 0 ? fd : new DirHandle(fd);
}

// ---- Dir --------------------------------------------------------------------------

// Node's symbol names: util.inspect shows them.
const kDirHandle = Symbol('kDirHandle');
const kDirPath = Symbol('kDirPath');
const kDirBufferedEntries = Symbol('kDirBufferedEntries');
const kDirClosed = Symbol('kDirClosed');
const kDirOptions = Symbol('kDirOptions');
const kDirReadImpl = Symbol('kDirReadImpl');
const kDirReadPromisified = Symbol('kDirReadPromisified');
const kDirClosePromisified = Symbol('kDirClosePromisified');
const kDirOperationQueue = Symbol('kDirOperationQueue');

// A Dirent from the listing; entries the file system gave no type for are
// lstat'ed (synchronously, in the async read too, as in Node).
function makeDirent(path, name, type) {
  if (type !== UV_DIRENT_UNKNOWN) return new Dirent(name, type, path);
  const stats = pub.fs.lstatSync(pathModule.join(path, name));
  return new DirentFromStats(name, stats, path);
}

function readError(r, path) {
  return uvException(r, 'readdir', path, undefined, null);
}

class Dir {
  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this[kDirHandle] = handle;
    this[kDirBufferedEntries] = [];
    this[kDirPath] = path;
    this[kDirClosed] = false;
    // null, or the operations waiting for the one in flight.
    this[kDirOperationQueue] = null;
    this[kDirOptions] = {
      bufferSize: 32,
      ...getOptions(options, { encoding: 'utf8' }),
    };
    validateUint32(this[kDirOptions].bufferSize, 'options.bufferSize', true);
    this[kDirReadPromisified] = promisify(this[kDirReadImpl]).bind(this, false);
    this[kDirClosePromisified] = promisify(this.close).bind(this);
  }

  get path() {
    return this[kDirPath];
  }

  read(callback) {
    return this[kDirReadImpl](true, callback);
  }

  [kDirReadImpl](maybeSync, callback) {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED();
    if (callback === undefined) return this[kDirReadPromisified]();
    validateFunction(callback, 'callback');

    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => this[kDirReadImpl](maybeSync, callback));
      return;
    }

    if (this[kDirBufferedEntries].length > 0) {
      let dirent;
      try {
        dirent = this[kDirBufferedEntries].shift();
        if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
      } catch (error) {
        return callback(error);
      }
      if (maybeSync) process.nextTick(callback, null, dirent);
      else callback(null, dirent);
      return;
    }

    this[kDirOperationQueue] = [];
    const { encoding, bufferSize } = this[kDirOptions];
    this[kDirHandle].read(encoding, bufferSize, (result) => {
      process.nextTick(() => {
        const queue = this[kDirOperationQueue];
        this[kDirOperationQueue] = null;
        for (const op of queue) op();
      });
      if (typeof result === 'number') return callback(readError(result));
      if (result === null) return callback(null, null);
      let dirent;
      try {
        this.processReadResult(this[kDirPath], result);
        dirent = this[kDirBufferedEntries].shift();
        if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
      } catch (error) {
        return callback(error);
      }
      callback(null, dirent);
    });
  }

  processReadResult(path, result) {
    for (let i = 0; i < result.length; i += 2)
      this[kDirBufferedEntries].push(makeDirent(path, result[i], result[i + 1]));
  }

  // Node 20.20 reads one batch (bufferSize entries) of each subdirectory.
  readSyncRecursive(dirent) {
    const path = pathModule.join(dirent.parentPath, dirent.name);
    const handle = openHandleSync(path);
    if (typeof handle === 'number') throw uvException(handle, 'opendir', path);
    const { encoding, bufferSize } = this[kDirOptions];
    const result = handle.readSync(encoding, bufferSize);
    if (result !== null && typeof result !== 'number') this.processReadResult(path, result);
    const r = handle.closeSync();
    if (typeof result === 'number') throw readError(result, path);
    if (r < 0) throw uvException(r, 'closedir', path);
  }

  readSync() {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED();
    if (this[kDirOperationQueue] !== null) throw new ERR_DIR_CONCURRENT_OPERATION();

    if (this[kDirBufferedEntries].length > 0) {
      const dirent = this[kDirBufferedEntries].shift();
      if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
      return dirent;
    }

    const { encoding, bufferSize } = this[kDirOptions];
    const result = this[kDirHandle].readSync(encoding, bufferSize);
    if (typeof result === 'number') throw uvException(result, 'readdir', this[kDirPath]);
    if (result === null) return result;
    this.processReadResult(this[kDirPath], result);
    const dirent = this[kDirBufferedEntries].shift();
    if (this[kDirOptions].recursive && dirent.isDirectory()) this.readSyncRecursive(dirent);
    return dirent;
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kDirClosed] === true) return Promise.reject(new ERR_DIR_CLOSED());
      return this[kDirClosePromisified]();
    }
    validateFunction(callback, 'callback');
    if (this[kDirClosed] === true) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => this.close(callback));
      return;
    }
    this[kDirClosed] = true;
    this[kDirHandle].close((r) => {
      if (r < 0) callback(uvException(r, 'closedir', undefined, undefined, null));
      else callback(null);
    });
  }

  closeSync() {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED();
    if (this[kDirOperationQueue] !== null) throw new ERR_DIR_CONCURRENT_OPERATION();
    this[kDirClosed] = true;
    const r = this[kDirHandle].closeSync();
    if (r < 0) throw uvException(r, 'closedir', this[kDirPath]);
  }

  async* entries() {
    try {
      while (true) {
        const result = await this[kDirReadPromisified]();
        if (result === null) break;
        yield result;
      }
    } finally {
      await this[kDirClosePromisified]();
    }
  }
}

Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  value: Dir.prototype.entries,
  enumerable: false,
  writable: true,
  configurable: true,
});

// A Dir over a handle that the options turned out to be wrong for must not
// keep its fd: close it before the error goes out.
function newDir(handle, path, options) {
  try {
    return new Dir(handle, path, options);
  } catch (err) {
    handle.closeSync();
    throw err;
  }
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  jobs.submit((fd) => {
    if (fd < 0) {
      callback(uvException(fd, 'opendir', path, undefined, null));
      return;
    }
    // As in Node, an option the Dir refuses throws from here (uncaught).
    callback(null, newDir(new DirHandle(fd), path, options));
  }, nr.openat, AT_FDCWD, jobs.kpath(path), OPEN_FLAGS, 0);
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const handle = openHandleSync(path);
  // Node 20.20's opendirSync error names no path.
  if (typeof handle === 'number') throw uvException(handle, 'opendir');
  return newDir(handle, path, options);
}

// fs.promises.opendir: util.promisify(opendir), as in Node (name and length included).
const opendirPromise = promisify(opendir);

module.exports = { Dir, opendir, opendirSync, opendirPromise, DirHandle };
