// unode: V8's code cache for the pack's modules when the pack's own is
// rejected. V8 takes a code cache only under the flags it was made with, and
// common ones change them (--max-old-space-size, --stack-size, --expose-gc):
// with NODE_OPTIONS=--max-old-space-size=4096 every module would be compiled
// from its source at every start (a one-line script: +44 ms over node with
// the same flag, against +22 without one). The first run under such flags writes the caches it made at exit,
// keyed by its node options; later runs with the same options read them.
//
// Where: beside the pack when that directory is writable, else in a directory
// of the user's own under TMPDIR (mode 0700, owned by this user, not a
// symlink: a code cache is code, so nobody else's file is read). V8 still
// checks every cache against the source and its flags; a pack rebuilt since
// (another id) makes the file ignored, then replaced. Files are read and
// written with boot.js's raw system calls (`io`), as the pack itself: unode
// does not use Node's fs.
'use strict';
const path = require('path');

const FORMAT = 'UNODECACHE 1';

// FNV-1a, 32 bits, in hex: a file name from the options (not a secret).
function fnv(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

// The options V8 sees: node's flags (not the preload paths, which differ
// between `unode` and `npx unode` for the same flags) and NODE_OPTIONS.
function optionsKey() {
  const flags = process.execArgv.filter((a) => a.startsWith('--') && !a.startsWith('--require'));
  return fnv(`${process.version} ${process.arch} ${flags.join(' ')} ${process.env.NODE_OPTIONS || ''}`);
}

const EEXIST = -17;
const S_IFMT = 0o170000, S_IFDIR = 0o040000;

// A directory of this user's alone (made when `create`), or null.
function privateDir(io, create) {
  if (typeof process.getuid !== 'function') return null;
  const dir = path.join(process.env.TMPDIR || '/tmp', `unode-${process.getuid()}`);
  if (create) {
    const r = io.mkdir(dir, 0o700);
    if (r < 0 && r !== EEXIST) return null;
  }
  const st = io.owner(dir);
  return st !== null && (st.mode & S_IFMT) === S_IFDIR && st.uid === process.getuid() && (st.mode & 0o077) === 0
    ? dir : null;
}

// Written whole under a temporary name, then renamed: a reader sees the old
// file or the new one. False when the directory is not writable.
function write(io, file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  if (io.write(tmp, data, 0o644) && io.rename(tmp, file)) return true;
  io.unlink(tmp);
  return false;
}

class SideCache {
  // packId: the pack's build id; packDir: where the pack is; io: boot.js's
  // file calls.
  constructor(packId, packDir, io) {
    this.id = packId;
    this.io = io;
    this.key = optionsKey();
    this.besidePack = path.join(packDir, `unode.${this.key}.cache`);
    this.entries = new Map(); // module index -> Buffer
    this.file = null; // the file read
    if (this.read(this.besidePack)) {
      this.file = this.besidePack;
    } else {
      const own = this.ownFile(false);
      if (own !== null && this.read(own)) this.file = own;
    }
    this.made = new Map(); // module index -> vm.Script compiled here without an accepted cache
    this.used = 0;
    process.once('exit', () => {
      try {
        this.save();
      } catch {} // a cache not written costs the next run time, nothing else
    });
  }

  // The file in the user's own directory (made when `create`), or null.
  ownFile(create) {
    const dir = privateDir(this.io, create);
    return dir === null ? null : path.join(dir, `unode.${this.id}.${this.key}.cache`);
  }

  // Entries of a file written for this pack; false if there is none.
  read(file) {
    const data = this.io.read(file);
    if (data === null) return false;
    const nl = data.indexOf(10);
    if (nl < 0) return false;
    let head;
    try {
      head = JSON.parse(data.toString('utf8', 0, nl));
    } catch {
      return false;
    }
    if (head.format !== FORMAT || head.pack !== this.id || !Array.isArray(head.mods)) return false;
    let at = nl + 1;
    for (const [i, len] of head.mods) {
      if (at + len > data.length) return false;
      this.entries.set(i, data.subarray(at, at + len));
      at += len;
    }
    return true;
  }

  get(i) {
    return this.entries.get(i);
  }

  // After a module compiled: `accepted`, whether V8 took the cache it got.
  note(i, script, accepted) {
    if (accepted) this.used++;
    else this.made.set(i, script);
  }

  // At exit, on the main thread: the caches of what this run compiled, with
  // the file's others; nothing when every module came from the file.
  save() {
    if (this.made.size === 0 || !require('libsys').isMainThread) return;
    for (const [i, script] of this.made) {
      try {
        this.entries.set(i, script.createCachedData());
      } catch {
        this.entries.delete(i);
      }
    }
    const mods = [...this.entries].map(([i, b]) => [i, b.length]);
    const head = Buffer.from(`${JSON.stringify({ format: FORMAT, pack: this.id, mods })}\n`);
    const data = Buffer.concat([head, ...this.entries.values()]);
    if (write(this.io, this.besidePack, data)) return;
    const own = this.ownFile(true);
    if (own !== null) write(this.io, own, data);
  }

  // 'side' when modules came from this cache, 'none' when they were compiled.
  state() {
    return { from: this.used > 0 && this.made.size === 0 ? 'side' : 'none', file: this.file };
  }
}

module.exports = { SideCache, optionsKey };
