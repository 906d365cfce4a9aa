// unode: start-up. Loads unode's own modules (the loader, unode/lib,
// unode/internal, libjs, eloop, libaio) from the pack that `npm install` builds
// (unode/dist/unode.pack: every module's text and V8's code cache for it;
// unode/dist/unode.json: what is where, and the source files' stamps) when the
// pack is fresh, from their source files otherwise. See docs/modules.md.
'use strict';
// Node's CommonJS Module class (require('module') also loads its ES module
// loader and source maps: ~0.3 ms).
const Module = module.constructor;
const path = require('path');
const vm = require('vm');

const PACK = path.join(__dirname, '..', 'dist', 'unode.pack');
const MAGIC = 'UNODEPACK 3';
// A module's text is stored inside this wrapper, the wrapper on a line of its
// own: compiled with lineOffset -1, every line and column is the source file's.
const HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const TAIL = '\n})';
// Per module in the header's `mods`: its text (offset, length, 1 when it is
// UTF-8 of its own rather than in the ASCII text region), V8's code cache
// (offset, length), its literal requests (offset, length in the text region
// of a JSON object: request -> module index, or a file name relative to the
// root for a module outside the pack); offsets from the start of the data.
const FIELDS = 7;

// The pack is mapped and the sources stat'ed with raw system calls through
// libsys (libjs is in the pack, and unode does not use Node's fs; the header
// is a JSON module Node's loader reads, as it reads boot.js).
// test/unode/boot.test.js checks these numbers against libjs's tables.
const NR = {
  x64: { read: 0, write: 1, close: 3, mmap: 9, openat: 257, statx: 332, mkdirat: 258, unlinkat: 263, renameat2: 316 },
  arm64: { read: 63, write: 64, close: 57, mmap: 222, openat: 56, statx: 291, mkdirat: 34, unlinkat: 35, renameat2: 276 },
}[process.arch];
const AT_FDCWD = -100;
const O_RDONLY_CLOEXEC = 0o2000000;
const PROT_READ = 1;
const MAP_PRIVATE = 2;
const STATX_MTIME_SIZE = 0x40 | 0x200;
const EINTR = -4;
// struct statx | offset | size | field
//              | 40     | 8    | stx_size
//              | 112    | 8    | stx_mtime.tv_sec
//              | 120    | 4    | stx_mtime.tv_nsec
const statxBuf = Buffer.alloc(256);

let sys = null;

// statx(2) into statxBuf: true when the file exists.
function stat(file) {
  return sys.syscall(NR.statx, AT_FDCWD, file, 0, STATX_MTIME_SIZE, statxBuf) >= 0;
}
const statSize = () => statxBuf.readUInt32LE(40) + statxBuf.readUInt32LE(44) * 2 ** 32;
const statSec = () => statxBuf.readUInt32LE(112) + statxBuf.readInt32LE(116) * 2 ** 32;
const statNsec = () => statxBuf.readUInt32LE(120);

// The file's `size` bytes, mapped (the pack is replaced by a rename, never
// rewritten in place, so the mapping stays valid), or read (`mapped` false: a
// source file, decoded once); null on failure.
function map(file, size, mapped = true) {
  const fd = openRaw(file, O_RDONLY_CLOEXEC, 0);
  if (fd < 0) return null;
  try {
    if (mapped) {
      const addr = sys.syscall64(NR.mmap, 0, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (addr > 0n && addr < 2n ** 64n - 4096n) return Buffer.from(sys.view(addr, size));
    }
    const buf = Buffer.allocUnsafeSlow(size);
    return whole(NR.read, fd, buf) ? buf : null;
  } finally {
    sys.syscall(NR.close, fd);
  }
}

// openat(2), retried on EINTR: the fd or -errno.
function openRaw(file, flags, mode) {
  let fd;
  do fd = sys.syscall(NR.openat, AT_FDCWD, file, flags, mode); while (fd === EINTR);
  return fd;
}

// read(2) or write(2) (`nr`) of all of buf, continued after short counts and
// EINTR; false at end of file or on an error.
function whole(nr, fd, buf) {
  for (let at = 0; at < buf.length;) {
    const r = sys.syscall(nr, fd, buf.subarray(at), buf.length - at);
    if (r === EINTR) continue;
    if (r <= 0) return false;
    at += r;
  }
  return true;
}

// Whether the source file of module `i` is the one the pack holds (same size
// and modification time); its statx is left in statxBuf.
function fresh(root, names, stamps, i) {
  return stat(`${root}/${names[i]}`) && statSize() === stamps[3 * i] && statSec() === stamps[3 * i + 1] &&
    statNsec() === stamps[3 * i + 2];
}

// The rest of what unode's start-up does with files, for the code cache of
// other V8 flags (./side_cache.js), on the same raw calls.
const O_WRITE_NEW = 0o1 | 0o100 | 0o1000 | 0o2000000; // O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
const AT_SYMLINK_NOFOLLOW = 0x100;
const STATX_TYPE_MODE_UID = 0x1 | 0x2 | 0x8;
const io = {
  // The whole file, or null.
  read(file) {
    return stat(file) ? map(file, statSize(), false) : null;
  },
  // Creates or replaces `file` with `data`; false on any failure.
  write(file, data, mode) {
    const fd = openRaw(file, O_WRITE_NEW, mode);
    if (fd < 0) return false;
    try {
      return whole(NR.write, fd, data);
    } finally {
      sys.syscall(NR.close, fd);
    }
  },
  rename: (from, to) => sys.syscall(NR.renameat2, AT_FDCWD, from, AT_FDCWD, to, 0) === 0,
  unlink: (file) => sys.syscall(NR.unlinkat, AT_FDCWD, file, 0) === 0,
  mkdir: (dir, mode) => sys.syscall(NR.mkdirat, AT_FDCWD, dir, mode),
  // { mode, uid } of the path itself (a symlink is not followed), or null.
  owner(file) {
    if (sys.syscall(NR.statx, AT_FDCWD, file, AT_SYMLINK_NOFOLLOW, STATX_TYPE_MODE_UID, statxBuf) < 0) return null;
    return { mode: statxBuf.readUInt16LE(28), uid: statxBuf.readUInt32LE(20) };
  },
};
// struct statx | offset | size | field
//              | 20     | 4    | stx_uid
//              | 28     | 2    | stx_mode

// Why the pack does not describe the sources as they are, or null: the first
// file whose size or modification time changed since the pack was built.
// (A start-up does not ask: each module is checked as it loads.)
function stale(file = PACK) {
  const { pack, why } = open(file);
  if (pack === undefined) return why;
  for (let i = 0; i < pack.names.length; i++) {
    if (!fresh(pack.root, pack.names, pack.stamps, i)) return `stale: ${pack.names[i]}`;
  }
  return null;
}

// Options under which Node loads modules differently: --preserve-symlinks
// keys modules by their symlinked path, a policy checks every file it loads.
function differentLoading() {
  if (process.env.NODE_PRESERVE_SYMLINKS === '1') return 'NODE_PRESERVE_SYMLINKS';
  const opts = ` ${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS || ''}`;
  return / --(preserve-symlinks|experimental-policy)\b/.test(opts) ? 'node options' : null;
}

// The header beside the pack file, read as Node reads any JSON module (and
// dropped from its cache: the pack may be rebuilt while a process runs).
function readHeader(file) {
  const json = file.replace(/\.pack$/, '.json');
  try {
    return require(json);
  } catch {
    return null;
  } finally {
    delete Module._cache[json];
  }
}

// Reads and checks the pack: { pack } or { why } (why it cannot be used).
function open(file = PACK, { check = true } = {}) {
  if (process.env.UNODE_PACK === '0') return { why: 'UNODE_PACK=0' };
  if (NR === undefined) return { why: `no system call numbers for ${process.arch}` };
  if (check) {
    const why = differentLoading();
    if (why !== null) return { why };
  }
  const header = readHeader(file);
  if (header === null || header.format !== MAGIC) return { why: 'no pack' };
  const root = path.resolve(path.dirname(file), header.root);
  try {
    // Where the build found it: no resolution through node_modules.
    sys = require(header.libsys !== null ? `${root}/${header.libsys}` : 'libsys');
  } catch (err) {
    return { why: `libsys: ${err.message.split('\n')[0]}` };
  }
  const first = `${MAGIC} ${header.id}\n`;
  // (A mapping past the end of the file would fault when read.)
  if (!stat(file) || statSize() !== header.size) return { why: 'the pack is not its header\'s' };
  const buf = map(file, header.size);
  if (buf === null || buf.toString('latin1', 0, first.length) !== first) return { why: 'the pack is not its header\'s' };
  return { pack: new Pack(file, root, header, buf, first.length, check) };
}

// The modules of a pack, named by their path relative to `root` (the
// directory that holds them all: the repository, or node_modules).
class Pack {
  constructor(file, root, header, buf, base, check) {
    this.root = root;
    this.node = header.node;
    this.names = header.names;
    this.stamps = header.stamps;
    this.check = check; // whether a module's source file is compared with the pack's as it loads
    this.mods = header.mods;
    this.buf = buf;
    this.base = base;
    // The ASCII region, one external string (at least 1 MB, so that Node does
    // not copy it into V8's young generation): the modules' sources are slices.
    this.text = buf.toString('latin1', base, base + header.text);
    this.index = new Map();
    for (let i = 0; i < this.names.length; i++) this.index.set(`${root}/${this.names[i]}`, i);
    this.paths = new Map(); // directory -> Module._nodeModulePaths, shared by its modules
    this.scripts = null; // Map index -> vm.Script, when scripts/train.js makes the code cache
    this.id = header.id;
    this.dir = path.dirname(file);
    // The code cache of this run's V8 flags when they are not the build's
    // (./side_cache.js); null while the pack's own is taken.
    this.side = null;
  }

  // Where this run's code comes from: 'pack' (the pack's code cache), 'side'
  // (the cache of this run's flags), 'none' (compiled from the sources).
  codeCache() {
    return this.side === null ? { from: 'pack' } : this.side.state();
  }

  filename(i) {
    return `${this.root}/${this.names[i]}`;
  }

  // Node's require() of module `i`: a Module in Module._cache under the file's
  // name, so each module is one instance whoever loads it first (a program
  // that requires libjs or eloop itself gets unode's).
  load(i, parent) {
    const filename = this.filename(i);
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    const m = new Module(filename, parent);
    m.filename = filename;
    const dir = path.dirname(filename);
    let paths = this.paths.get(dir);
    if (paths === undefined) this.paths.set(dir, paths = Module._nodeModulePaths(dir));
    m.paths = paths;
    Module._cache[filename] = m;
    let threw = true;
    try {
      this.run(i, m);
      threw = false;
    } finally {
      if (threw) {
        delete Module._cache[filename];
        if (parent !== undefined) {
          const at = parent.children.indexOf(m);
          if (at >= 0) parent.children.splice(at, 1);
        }
      }
    }
    m.loaded = true;
    return m.exports;
  }

  source(i) {
    const f = i * FIELDS;
    const at = this.mods[f];
    const len = this.mods[f + 1];
    if (this.mods[f + 2] === 1) return this.buf.toString('utf8', this.base + at, this.base + at + len);
    return this.text.slice(at, at + len);
  }

  // Module `i` from the pack; or, when its source file changed since the
  // build, from that file, its requests resolved as they come (an edited
  // module may require other modules than the pack's copy did).
  run(i, m) {
    if (this.check && !fresh(this.root, this.names, this.stamps, i)) {
      this.runSource(m);
      return;
    }
    const f = i * FIELDS;
    const text = this.source(i);
    if (m.filename.endsWith('.json')) {
      m.exports = JSON.parse(text);
      return;
    }
    const cacheAt = this.base + this.mods[f + 3];
    const cachedData = this.mods[f + 4] > 0 ? this.buf.subarray(cacheAt, cacheAt + this.mods[f + 4]) : undefined;
    const requests = JSON.parse(this.text.slice(this.mods[f + 5], this.mods[f + 5] + this.mods[f + 6]));
    this.evaluate(m, text, cachedData, requests, i);
  }

  // The source file as Node would load it (read with raw system calls: Node's
  // fs may be unode's by now, and this may be part of it). A file that is
  // gone is Node's MODULE_NOT_FOUND.
  runSource(m) {
    const buf = io.read(m.filename);
    if (buf === null) {
      const err = new Error(`Cannot find module '${m.filename}'`);
      err.code = 'MODULE_NOT_FOUND';
      throw err;
    }
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (m.filename.endsWith('.json')) {
      m.exports = JSON.parse(text);
      return;
    }
    if (text.startsWith('#!')) text = `//${text}`;
    this.evaluate(m, HEAD + text + TAIL, undefined, {}, -1);
  }

  evaluate(m, text, cachedData, requests, i) {
    const options = { filename: m.filename, lineOffset: -1, cachedData };
    if (i >= 0 && this.side !== null) options.cachedData = this.side.get(i);
    let script = new vm.Script(text, options);
    if (i >= 0 && options.cachedData !== undefined && script.cachedDataRejected && this.side === null) {
      // Made under other V8 flags: none of the pack's caches will do.
      const { SideCache } = require('./side_cache');
      this.side = new SideCache(this.id, this.dir, io);
      options.cachedData = this.side.get(i);
      if (options.cachedData !== undefined) script = new vm.Script(text, options);
    }
    if (i >= 0 && this.side !== null) {
      this.side.note(i, script, options.cachedData !== undefined && !script.cachedDataRejected);
    }
    if (this.scripts !== null && i >= 0) this.scripts.set(i, script);
    const fn = script.runInThisContext();
    Reflect.apply(fn, m.exports, [m.exports, this.makeRequire(m, requests), m, m.filename, path.dirname(m.filename)]);
  }

  // The require() a module of the pack gets: its literal requests go straight
  // to the modules they named at build time; anything else (a built-in, a
  // computed name) is looked up as Node would, and served from the pack if
  // the pack has that file.
  makeRequire(m, requests) {
    const pack = this;
    function require(id) {
      const to = requests[id];
      if (typeof to === 'number') return pack.load(to, m);
      if (typeof to === 'string') return pack.outside(to, m);
      if (typeof id !== 'string' || Module.isBuiltin(id)) return m.require(id);
      // A path (the loader's unode/lib files): the pack's own file, found
      // without Node's resolver (which asks fs, unode's once the loader runs).
      if (id[0] === '/' || id.startsWith('./') || id.startsWith('../')) {
        const own = pack.lookup(path.resolve(path.dirname(m.filename), id));
        if (own !== undefined) return pack.load(own, m);
      }
      const filename = Module._resolveFilename(id, m, false);
      const own = pack.index.get(filename);
      return own !== undefined ? pack.load(own, m) : m.require(filename);
    }
    function resolve(request, options) {
      if (typeof request !== 'string') return m.require.resolve(request); // Node's own error
      return Module._resolveFilename(request, m, false, options);
    }
    resolve.paths = (request) => Module._resolveLookupPaths(request, m);
    require.resolve = resolve;
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
  }

  // A module outside the pack that a literal request named at build time
  // (libsys): loaded already (open() loads libsys), or by Node's loader.
  outside(file, m) {
    const filename = path.resolve(this.root, file);
    const cached = Module._cache[filename];
    return cached !== undefined && cached.loaded ? cached.exports : m.require(filename);
  }

  // The module Node would find for a path: the file itself, with .js or
  // .json, or the directory's index.js; undefined if the pack has none.
  lookup(file) {
    return this.index.get(file) ?? this.index.get(`${file}.js`) ?? this.index.get(`${file}.json`) ??
      this.index.get(`${file}/index.js`);
  }

  // require(file) of a module of the pack, by its absolute file name.
  require(file) {
    const i = this.index.get(file);
    if (i === undefined) throw new Error(`unode: ${file} is not in the pack`);
    return this.load(i, undefined);
  }
}

let state = null;

// The loader, from the pack when it can be used, else from its source file.
function loader() {
  if (state === null) {
    const { pack, why } = open();
    state = pack !== undefined ? { pack, why: null } : { pack: null, why };
  }
  return state.pack !== null ? state.pack.require(path.join(__dirname, 'loader.js')) : require('./loader');
}

function start(preloadFile) {
  loader().start(preloadFile);
}

// Where unode's modules come from in this process: 'pack', or why not.
function source() {
  return state === null ? 'not started' : state.pack !== null ? 'pack' : state.why;
}

// Where the compiled code of the pack's modules comes from (Pack.codeCache).
function codeCache() {
  return state !== null && state.pack !== null ? state.pack.codeCache() : { from: 'none' };
}

module.exports = { start, loader, source, codeCache, open, stale, PACK, MAGIC, HEAD, TAIL, FIELDS, NR };
