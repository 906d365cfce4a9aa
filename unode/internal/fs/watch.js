// unode/internal/fs: fs.watch and fs.promises.watch as Node 20 has them on
// Linux: FSWatcher over an FSEvent handle on unode's inotify instance; with
// `recursive`, Node's JavaScript watcher (./watch-recursive.js).
'use strict';

const { AsyncResource } = require('async_hooks');
const { EventEmitter } = require('events');
const { Buffer } = require('buffer');
const { toNamespacedPath } = require('path');
const inotify = require('./inotify');
const active = require('./active');
const { encodeBytes, getOptions, copyObject, kEmptyObject } = require('./utils');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE },
  uvExceptionFromContext,
} = require('../errors');
const {
  getValidatedPath,
  validateAbortSignal,
  validateBoolean,
  validateObject,
} = require('../validators');

const ENOSPC = -28;
const kFSWatchStart = Symbol('kFSWatchStart');
const ownerSymbol = Symbol('owner_symbol');

// Node's UVException for a watch that could not start: errno, syscall, code,
// path (when given), then filename.
function watchError(errno, path, filename) {
  const err = uvExceptionFromContext(errno, 'watch', path, undefined, watchError);
  if (errno === ENOSPC) {
    const old = err.message;
    err.message = `ENOSPC: System limit for number of file watchers reached${old.slice(old.indexOf(','))}`;
    err.stack = err.stack.replace(old, err.message);
  }
  err.filename = filename;
  return err;
}

// ---- FSEvent: the handle (Node's C++ FSEventWrap) -----------------------------------

class FSEvent {
  #wd = -1;
  #ref = true;
  #encoding = 'utf8';
  #closed = false;

  #scope = null;

  constructor() {
    this.onchange = null;
  }

  get initialized() {
    return this.#wd >= 0;
  }

  // 0, or -errno as uv_fs_event_start returns it.
  start(path, persistent, recursive, encoding) {
    if (this.#wd >= 0 || this.#closed) return -22; // EINVAL: already started
    this.#ref = persistent === true;
    this.#encoding = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding :
      encoding === 'buffer' ? 'buffer' : 'utf8';
    const wd = inotify.start(this, path, this.#ref);
    if (wd < 0) return wd;
    this.#wd = wd;
    // Events arrive in the async context of fs.watch(), as from Node's
    // FSEventWrap (one inotify instance serves every watcher).
    this.#scope = new AsyncResource('FSEVENTWRAP');
    active.watcherStarted(this);
    return 0;
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    active.watcherStopped(this);
    if (this.#wd >= 0) inotify.stop(this, this.#wd, this.#ref);
  }

  get resourceName() { return 'FSEventWrap'; }

  get owner() { return this[ownerSymbol]; }

  ref() {
    if (this.#ref) return;
    this.#ref = true;
    if (this.#wd >= 0 && !this.#closed) inotify.setRef(1);
  }

  unref() {
    if (!this.#ref) return;
    this.#ref = false;
    if (this.#wd >= 0 && !this.#closed) inotify.setRef(-1);
  }

  hasRef() {
    return this.#ref && this.#wd >= 0 && !this.#closed;
  }

  // From the inotify instance: libuv's event bits and the name's bytes.
  _event(events, bytes) {
    const type = events & inotify.UV_RENAME ? 'rename' : 'change';
    const name = encodeBytes(bytes, 0, bytes.length, this.#encoding);
    if (this.#scope === null) this.onchange(0, type, name);
    else this.#scope.runInAsyncScope(this.onchange, this, 0, type, name);
  }
}

// ---- FSWatcher -------------------------------------------------------------------------

function FSWatcher() {
  EventEmitter.call(this);
  this._handle = new FSEvent();
  this._handle[ownerSymbol] = this;
  this._handle.onchange = (status, eventType, filename) => {
    if (status < 0) {
      if (this._handle !== null) {
        this._handle.close();
        this._handle = null;
      }
      this.emit('error', watchError(status, filename, filename));
    } else {
      this.emit('change', eventType, filename);
    }
  };
}
Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(FSWatcher, EventEmitter);

FSWatcher.prototype[kFSWatchStart] = function(filename, persistent, recursive, encoding) {
  if (this._handle === null) return; // closed
  if (this._handle.initialized) return; // started
  filename = getValidatedPath(filename, 'filename');
  const err = this._handle.start(toNamespacedPath(filename), persistent, recursive, encoding);
  if (err) throw watchError(err, filename, filename);
};

// Kept from Node's API for compatibility; does nothing.
FSWatcher.prototype.start = () => {};

FSWatcher.prototype.close = function() {
  if (this._handle === null) return;
  if (!this._handle.initialized) return;
  this._handle.close();
  this._handle = null;
  process.nextTick(emitCloseNT, this);
};

FSWatcher.prototype.ref = function() {
  if (this._handle) this._handle.ref();
  return this;
};

FSWatcher.prototype.unref = function() {
  if (this._handle) this._handle.unref();
  return this;
};

function emitCloseNT(self) {
  self.emit('close');
}

let recursiveWatch = null;
function lazyRecursive() {
  recursiveWatch ??= require('./watch-recursive');
  return recursiveWatch;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  options = getOptions(options);
  options = copyObject(options);
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;

  let watcher;
  const path = getValidatedPath(filename);
  // Linux: inotify watches one directory, so recursion is Node's JavaScript watcher.
  if (options.recursive) {
    const Recursive = lazyRecursive();
    watcher = new Recursive.FSWatcher(options);
    watcher[kFSWatchStart](path);
  } else {
    watcher = new FSWatcher();
    watcher[kFSWatchStart](path, options.persistent, options.recursive, options.encoding);
  }

  if (listener) {
    try {
      watcher.addListener('change', listener);
    } catch (err) {
      // A listener that is not a function: the same error as Node's, but the
      // watcher it already started is closed (Node's stays, keeping the
      // process alive with nothing to reach it by).
      watcher.close();
      throw err;
    }
  }
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      options.signal.addEventListener('abort', onAbort);
      watcher.once('close', () => options.signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// ---- fs.promises.watch -------------------------------------------------------------

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function* watchNative(filename, options = kEmptyObject) {
  const path = toNamespacedPath(getValidatedPath(filename));
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  // Node names the two the other way round here; so does its message.
  if (encoding && !Buffer.isEncoding(encoding))
    throw new ERR_INVALID_ARG_VALUE(encoding, 'encoding', 'is invalid encoding');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });

  const handle = new FSEvent();
  let { promise, resolve, reject } = deferred();
  const oncancel = () => {
    handle.close();
    reject(new AbortError(undefined, { cause: signal?.reason }));
  };

  try {
    if (signal) signal.addEventListener('abort', oncancel, { once: true });
    handle.onchange = (status, eventType, name) => {
      if (status < 0) {
        handle.close();
        reject(watchError(status, name, name));
        return;
      }
      resolve({ eventType, filename: name });
    };
    const err = handle.start(path, persistent, recursive, encoding);
    if (err) {
      handle.close();
      // The path as the caller gave it (a URL shows as its href).
      throw watchError(err, filename, filename);
    }
    while (!signal?.aborted) {
      yield await promise;
      ({ promise, resolve, reject } = deferred());
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    handle.close();
    signal?.removeEventListener('abort', oncancel);
  }
}

// Node's name for it, `_watch`, shows in fs.promises.watch.name.
async function* _watch(filename, options = kEmptyObject) {
  validateObject(options, 'options');
  if (options.recursive != null) {
    validateBoolean(options.recursive, 'options.recursive');
    if (options.recursive) {
      const watcher = new (lazyRecursive().FSWatcher)(options);
      watcher[kFSWatchStart](filename);
      yield* watcher;
      return;
    }
  }
  yield* watchNative(filename, options);
}

module.exports = { watch, FSWatcher, FSEvent, kFSWatchStart, watchPromise: _watch };
