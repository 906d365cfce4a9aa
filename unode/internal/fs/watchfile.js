// unode/internal/fs: fs.watchFile and fs.unwatchFile as Node 20 has them:
// a StatWatcher per resolved path polling stat every `interval` ms (libuv's
// uv_fs_poll: the stat runs as an eloop job, the wait is a libaio timer),
// 'change' with (current, previous) Stats when the two differ.
'use strict';

const { AsyncResource } = require('async_hooks');
const { EventEmitter } = require('events');
const pathModule = require('path');
const nr = require('libjs/sysnr');
const statxStruct = require('libjs/struct/statx');
const statStruct = require('libjs/struct/stat');
const jobs = require('./jobs');
const active = require('./active');
const S = require('./stats');
const { uvExceptionFromContext } = require('../errors');
const { getValidatedPath, validateFunction, validateUint32 } = require('../validators');

const { AT_FDCWD } = jobs;
// STATX_BASIC_STATS | STATX_BTIME, what libuv asks for.
const STATX_MASK = 0xfff;
const ENOSYS = -38;
const EPERM = -1;
const EINVAL = -22;
const EOPNOTSUPP = -95;
const REC_SIZE = Math.max(statxStruct.SIZE, statStruct.SIZE);

// Without statx (ENOSYS and the like, as libuv decides) the poll falls back
// to newfstatat for good; libuv then reports ctime as the birthtime.
let useStatx = true;

// The fields libuv's statbuf_eq compares (ctime, mtime, birthtime, size,
// mode, uid, gid, ino, dev; flags and gen are 0 on Linux), as one string.
function identity(rec) {
  const dv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
  const u64 = (o) => dv.getBigUint64(o, true);
  const ts = (o) => `${dv.getBigInt64(o, true)}.${dv.getUint32(o + 8, true)}`;
  if (useStatx) {
    const X = statxStruct.layout.fields;
    return `${ts(X.stx_ctime[0])} ${ts(X.stx_mtime[0])} ${ts(X.stx_btime[0])} ${u64(X.stx_size[0])} ` +
      `${dv.getUint16(X.stx_mode[0], true)} ${dv.getUint32(X.stx_uid[0], true)} ` +
      `${dv.getUint32(X.stx_gid[0], true)} ${u64(X.stx_ino[0])} ` +
      `${dv.getUint32(X.stx_dev_major[0], true)}:${dv.getUint32(X.stx_dev_minor[0], true)}`;
  }
  const F = statStruct.layout.fields;
  return `${ts(F.st_ctim[0])} ${ts(F.st_mtim[0])} ${u64(F.st_size[0])} ` +
    `${dv.getUint32(F.st_mode[0], true)} ${dv.getUint32(F.st_uid[0], true)} ` +
    `${dv.getUint32(F.st_gid[0], true)} ${u64(F.st_ino[0])} ${u64(F.st_dev[0])}`;
}

function statsOf(rec, bigint) {
  S.scratch.set(rec);
  if (useStatx) return bigint ? S.bigIntStatsFromStatx() : S.statsFromStatx();
  return bigint ? S.bigIntStatsFromStat() : S.statsFromStat();
}

const zero = new Uint8Array(REC_SIZE);

// ---- the handle: libuv's uv_fs_poll -------------------------------------------------

let loop = null;

// Named as Node's C++ handle, which util.inspect shows as `_handle`.
class StatWatcher {
  #bigint;
  #path = null;
  #interval = 1;
  #active = false;
  #ref = true;
  #timer = null;
  #busy = 0; // libuv's busy_polling: 0 before the first stat, 1 after a good one, -errno after a failed one
  #prev = new Uint8Array(REC_SIZE); // the last good record (zeros before one)
  #cur = new Uint8Array(REC_SIZE);
  #startTime = 0;
  #scope = null; // the async context of watchFile(), for every poll

  constructor(bigint) {
    this.#bigint = !!bigint;
    this.onchange = null;
  }

  start(path, interval) {
    if (this.#active) return 0;
    loop ??= require('libaio').getLoop();
    this.#path = path;
    this.#interval = interval > 0 ? interval : 1;
    this.#active = true;
    this.#startTime = Math.floor(loop.now());
    this.#scope = new AsyncResource('STATWATCHER');
    active.watcherStarted(this);
    this.#poll();
    return 0;
  }

  close() {
    this.#active = false;
    active.watcherStopped(this);
    if (this.#timer !== null) {
      this.#timer.close();
      this.#timer = null;
    }
  }

  ref() {
    this.#ref = true;
    this.#timer?.ref();
  }

  unref() {
    this.#ref = false;
    this.#timer?.unref();
  }

  hasRef() {
    return this.#ref && this.#active;
  }

  get resourceName() { return 'StatWatcher'; }

  get owner() { return this[ownerSymbol]; }

  // The stat job keeps the process alive while it runs, as libuv's request
  // does; the timer between two polls only while the handle is ref'd.
  #poll() {
    const rec = this.#cur;
    const done = (r) => this.#done(r, rec);
    if (useStatx) jobs.submitIn(this.#scope, done, 5, nr.statx, AT_FDCWD, this.#path, 0, STATX_MASK, rec);
    else jobs.submitIn(this.#scope, done, 4, nr.newfstatat, AT_FDCWD, this.#path, rec, 0);
  }

  #done(r, rec) {
    if (!this.#active) return;
    if (useStatx && (r === ENOSYS || r === EPERM || r === EINVAL || r === EOPNOTSUPP)) {
      useStatx = false;
      this.#poll();
      return;
    }
    try {
      if (r < 0) {
        if (this.#busy !== r) {
          this.#busy = r;
          this.onchange(r, statsOf(zero, this.#bigint), statsOf(this.#prev, this.#bigint));
        }
      } else {
        const changed = this.#busy < 0 || (this.#busy !== 0 && identity(this.#prev) !== identity(rec));
        const prev = this.#prev;
        this.#prev = rec;
        this.#cur = prev;
        this.#busy = 1;
        if (changed) this.onchange(0, statsOf(rec, this.#bigint), statsOf(prev, this.#bigint));
      }
    } finally {
      this.#schedule();
    }
  }

  // The next poll one interval after the start of this one.
  #schedule() {
    if (!this.#active) return;
    const now = Math.floor(loop.now());
    const timeout = this.#interval - ((now - this.#startTime) % this.#interval);
    this.#timer = loop.setTimeout(() => {
      this.#timer = null;
      this.#startTime = Math.floor(loop.now());
      // Node's StatWatcher is an async resource made by watchFile(): its
      // listeners see that call's context (AsyncLocalStorage), not libaio's.
      this.#scope.runInAsyncScope(this.#poll, this);
    }, timeout);
    if (!this.#ref) this.#timer.unref();
  }
}

// ---- the StatWatcher object the caller gets (Node's internal/fs/watchers) --------------

const ownerSymbol = Symbol('owner_symbol');
const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const kRefCount = Symbol('KFSStatWatcherRefCount');
const kMaxRefCount = Symbol('KFSStatWatcherMaxRefCount');
const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');

function emitStop(self) {
  self.emit('stop');
}

function StatWatcherObject(bigint) {
  EventEmitter.call(this);
  this._handle = null;
  this[kOldStatus] = -1;
  this[kUseBigint] = bigint;
  this[kRefCount] = 1;
  this[kMaxRefCount] = 1;
}
Object.setPrototypeOf(StatWatcherObject.prototype, EventEmitter.prototype);
Object.setPrototypeOf(StatWatcherObject, EventEmitter);
Object.defineProperty(StatWatcherObject, 'name', { value: 'StatWatcher' });

// curr and prev as the handle reports them; Node's check on the status
// (-1, with the link counts) is kept as it is.
function onchange(newStatus, curr, prev) {
  const self = this[ownerSymbol];
  if (self[kOldStatus] === -1 && newStatus === -1 && curr.nlink === prev.nlink) return;
  self[kOldStatus] = newStatus;
  self.emit('change', curr, prev);
}

StatWatcherObject.prototype[kFSStatWatcherStart] = function(filename, persistent, interval) {
  if (this._handle !== null) return;
  this._handle = new StatWatcher(this[kUseBigint]);
  this._handle[ownerSymbol] = this;
  this._handle.onchange = onchange;
  if (!persistent) this.unref();
  this[kOldStatus] = -1;
  filename = getValidatedPath(filename, 'filename');
  validateUint32(interval, 'interval');
  const err = this._handle.start(pathModule.toNamespacedPath(filename), interval);
  if (err) {
    const error = uvExceptionFromContext(err, 'watch', filename);
    error.filename = filename;
    throw error;
  }
};

// Kept from Node's API for compatibility; does nothing.
StatWatcherObject.prototype.start = () => {};

StatWatcherObject.prototype.stop = function() {
  if (this._handle === null) return;
  process.nextTick(emitStop, this);
  this._handle.close();
  this._handle = null;
};

StatWatcherObject.prototype[kFSStatWatcherAddOrCleanRef] = function(operate) {
  if (operate === 'add') {
    this[kRefCount]++;
    this[kMaxRefCount]++;
  } else if (operate === 'clean') {
    this[kMaxRefCount]--;
    this.unref();
  } else if (operate === 'cleanAll') {
    this[kMaxRefCount] = 0;
    this[kRefCount] = 0;
    this._handle?.unref();
  }
};

// ref() and unref() count, so that each watchFile() listener holds one reference.
StatWatcherObject.prototype.ref = function() {
  if (this[kRefCount] === this[kMaxRefCount]) return this;
  if (this._handle && this[kRefCount]++ === 0) this._handle.ref();
  return this;
};

StatWatcherObject.prototype.unref = function() {
  if (this[kRefCount] === 0) return this;
  if (this._handle && --this[kRefCount] === 0) this._handle.unref();
  return this;
};

// ---- fs.watchFile, fs.unwatchFile -------------------------------------------------------

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  // 5007 ms: libev's old default, which Node keeps.
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');

  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcherObject(options.bigint);
    stat[kFSStatWatcherStart](filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat[kFSStatWatcherAddOrCleanRef]('add');
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    const before = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < before) stat[kFSStatWatcherAddOrCleanRef]('clean');
  } else {
    stat.removeAllListeners('change');
    stat[kFSStatWatcherAddOrCleanRef]('cleanAll');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { watchFile, unwatchFile, StatWatcher: StatWatcherObject };
