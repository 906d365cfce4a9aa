// unode/internal/fs: fs.watch(path, { recursive: true }) on Linux, as Node 20
// does it there: inotify watches one directory, so every file and directory
// under the root gets its own fs.watch, and a directory that changes is
// listed again to find new entries. Its events, quirks included, are Node's:
// 'rename' for each entry found (the first scan's go out before the caller
// can listen), 'change' for a file that changed, 'rename' for one that went.
'use strict';

const { EventEmitter } = require('events');
const { basename, join, relative, resolve } = require('path');
const pub = require('./public');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE },
} = require('../errors');
const { getValidatedPath, validateAbortSignal, validateBoolean } = require('../validators');
const { kEmptyObject } = require('./utils');
const { kFSWatchStart } = require('./watch');

class FSWatcher extends EventEmitter {
  #options = null;
  #closed = false;
  #files = new Map(); // path -> the Stats it had when last looked at
  #watchers = new Map(); // path -> its fs.watch
  #symbolicFiles = new Set();
  #rootPath = resolve();
  #watchingFile = false;

  constructor(options = kEmptyObject) {
    super();
    const { persistent, recursive, signal, encoding } = options;
    if (recursive != null) validateBoolean(recursive, 'options.recursive');
    if (persistent != null) validateBoolean(persistent, 'options.persistent');
    if (signal != null) validateAbortSignal(signal, 'options.signal');
    // Node passes the two the other way round; its message shows it.
    if (encoding != null && typeof encoding !== 'string')
      throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
    this.#options = { persistent, recursive, signal, encoding };
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const file of this.#files.keys()) {
      this.#watchers.get(file)?.close();
      this.#watchers.delete(file);
    }
    this.#files.clear();
    this.#symbolicFiles.clear();
    this.emit('close');
  }

  #unwatchFiles(file) {
    this.#symbolicFiles.delete(file);
    for (const name of this.#files.keys()) {
      if (!name.startsWith(file)) continue;
      this.#files.delete(name);
      this.#watchers.get(name)?.close();
      this.#watchers.delete(name);
    }
  }

  #watchFolder(folder) {
    try {
      const entries = pub.fs.readdirSync(folder, { withFileTypes: true });
      for (const entry of entries) {
        if (this.#closed) break;
        const f = join(folder, entry.name);
        if (this.#files.has(f)) continue;
        this.emit('change', 'rename', relative(this.#rootPath, f));
        if (entry.isSymbolicLink()) this.#symbolicFiles.add(f);
        try {
          this.#watchFile(f);
          if (entry.isDirectory() && !entry.isSymbolicLink()) this.#watchFolder(f);
        } catch (err) {
          if (err.code !== 'ENOENT') throw err; // gone meanwhile: fine
        }
      }
    } catch (error) {
      this.emit('error', error);
    }
  }

  #watchFile(file) {
    if (this.#closed || this.#files.has(file)) return;
    this.#files.set(file, pub.fs.statSync(file));
    const watcher = pub.fs.watch(file, { persistent: this.#options.persistent }, () => {
      const before = this.#files.get(file);
      let now;
      try {
        now = pub.fs.statSync(file);
        this.#files.set(file, now);
      } catch {
        // removed
      }
      if (now === undefined || (now.birthtimeMs === 0 && before.birthtimeMs !== 0)) {
        this.#files.delete(file);
        this.#watchers.delete(file);
        watcher.close();
        this.emit('change', 'rename', relative(this.#rootPath, file));
        this.#unwatchFiles(file);
      } else if (file === this.#rootPath && this.#watchingFile) {
        this.emit('change', 'change', basename(file));
      } else if (this.#symbolicFiles.has(file)) {
        // statSync follows the link: only the set knows it is one.
        this.emit('change', 'rename', relative(this.#rootPath, file));
      } else if (now.isDirectory()) {
        this.#watchFolder(file);
      } else {
        this.emit('change', 'change', relative(this.#rootPath, file));
      }
    });
    this.#watchers.set(file, watcher);
  }

  [kFSWatchStart](filename) {
    filename = resolve(getValidatedPath(filename));
    try {
      const stats = pub.fs.statSync(filename);
      this.#rootPath = filename;
      this.#closed = false;
      this.#watchingFile = stats.isFile();
      this.#watchFile(filename);
      if (stats.isDirectory()) this.#watchFolder(filename);
    } catch (error) {
      // Node reports a missing root and lets every other failure pass.
      if (error.code === 'ENOENT') {
        error.filename = filename;
        throw error;
      }
    }
  }

  // Node's look for StatWatchers among its Stats: never one, so these do nothing.
  ref() {}

  unref() {}

  [Symbol.asyncIterator]() {
    const { signal } = this.#options;
    const executor = signal == null ?
      (res) => {
        this.once('change', (eventType, filename) => res({ __proto__: null, value: { eventType, filename } }));
      } :
      (res, rej) => {
        const onAbort = () => {
          this.close();
          rej(new AbortError(undefined, { cause: signal.reason }));
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('change', (eventType, filename) => {
          signal.removeEventListener('abort', onAbort);
          res({ __proto__: null, value: { eventType, filename } });
        });
      };
    return {
      next: () => (this.#closed ? { __proto__: null, done: true } : new Promise(executor)),
      return: () => {
        this.close();
        return { __proto__: null, done: true };
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }
}

module.exports = { FSWatcher };
