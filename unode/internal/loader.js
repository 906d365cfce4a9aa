// unode: the loader. Runs once per JavaScript environment, from the preload
// (bin/unode.js): patches Node's built-in module objects in place so that every
// way of reaching a module (require, node: ids, import, createRequire,
// process.getBuiltinModule) gets unode's functions, and loads unode's code only
// when the program first touches a module. See docs/modules.md.
'use strict';
// Node's CommonJS Module class; require('module') would also load the public
// module's extras (its ES module loader, source maps): ~0.3 ms at start-up.
const Module = module.constructor;
const path = require('path');
const registry = require('./modules');

const LIB = path.join(__dirname, '..', 'lib');

let started = false;

function start(preloadFile) {
  if (started) return;
  started = true;
  stripPreload(preloadFile);
  markVersion();
  const strict = process.env.UNODE_STRICT === '1';
  // Presence first: resolving a file asks Node's fs, which must not be patched yet.
  const plan = entries().map((e) => ({ e, file: present(e) }));
  // install() first: what those files load at start-up is read with Node's
  // fs, and does not make the program's first touch of fs happen here.
  for (const { e, file } of plan) {
    if (e.kind !== 'install') continue;
    const members = e.members || [];
    if (file === null) {
      // (Not even loaded otherwise: Node's tty module alone costs ~1.5 ms.)
      if (strict) guard(targetOf(e.name), members, e.name);
      continue;
    }
    const target = targetOf(e.name);
    const before = members.map((k) => Object.getOwnPropertyDescriptor(target, k));
    require(file).install(target);
    // A member install() left as Node's is one unode does not serve yet;
    // except Node's stand-ins for what a worker thread may not do
    // (process.chdir in a worker: `disabled`, it throws without a system call).
    if (strict) {
      guard(target, members.filter((k, i) => sameProperty(before[i], Object.getOwnPropertyDescriptor(target, k)) &&
        !(typeof target[k] === 'function' && target[k].disabled === true)), e.name, true);
    }
  }
  for (const { e, file } of plan) {
    if (e.kind === 'install') continue;
    if (file !== null) {
      serve(e, file, strict);
    } else if (strict) {
      const target = targetOf(e.name);
      guard(target, Reflect.ownKeys(target).filter((k) => !(e.keep || []).includes(k)), e.name);
    }
  }
}

// The registry, with the test-only file named by UNODE_TEST_REGISTRY merged
// in: its `served` entries carry `file`, an absolute path, and replace
// same-named ones; with `only: true` they are the whole registry.
function entries() {
  let list = registry.served.slice();
  const extra = process.env.UNODE_TEST_REGISTRY ? require(process.env.UNODE_TEST_REGISTRY) : null;
  if (extra) {
    if (extra.only) list = [];
    for (const t of extra.served) {
      const at = list.findIndex((e) => e.name === t.name);
      if (at >= 0) list[at] = t; else list.push(t);
    }
  }
  return list;
}

function implFile(e) {
  if (e.file) return e.file;
  return e.impl ? path.join(LIB, `${e.impl}.js`) : null;
}

// The implementation file if it exists, else null. Module._stat is the stat of
// Node's own module loader (one call, no resolution); require.resolve otherwise.
function present(e) {
  const file = implFile(e);
  if (file === null) return null;
  if (typeof Module._stat === 'function') return Module._stat(file) === 0 ? file : null;
  try {
    return require.resolve(file);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
}

function targetOf(name) {
  return name === 'process' ? process : require(name);
}

// `node -r <this preload> ...` is how unode runs; the program sees the
// execArgv that node alone would give it.
function stripPreload(preloadFile) {
  const a = process.execArgv;
  if ((a[0] === '-r' || a[0] === '--require') && a.length > 1 && isPreload(a[1], preloadFile)) a.splice(0, 2);
}

function isPreload(request, preloadFile) {
  if (request === preloadFile) return true;
  try {
    return require.resolve(request, { paths: [process.cwd()] }) === preloadFile;
  } catch {
    return false;
  }
}

function markVersion() {
  if (Object.prototype.hasOwnProperty.call(process.versions, 'unode')) return;
  Object.defineProperty(process.versions, 'unode', {
    value: require('../package.json').version, enumerable: true, writable: false, configurable: true,
  });
}

// Lazy service of one module: every property of Node's exports object becomes
// an accessor; the first read (Node's own CommonJS loader reading a file counts)
// loads unode/lib/<impl>.js and copies it over, leaving plain data properties.
function serve(e, file, strict) {
  const target = targetOf(e.name);
  const rec = {
    name: e.name, file, strict, target, state: 'lazy',
    keep: new Set(e.keep || []),
    originals: Object.getOwnPropertyDescriptors(target),
    getters: new Map(),
  };
  for (const key of Reflect.ownKeys(rec.originals)) {
    const d = rec.originals[key];
    if (rec.keep.has(key) || !d.configurable) continue;
    const get = function() {
      if (rec.state === 'lazy') resolve(rec);
      if (rec.state === 'loading') return d.get ? d.get.call(this) : d.value;
      return target[key];
    };
    rec.getters.set(key, get);
    Object.defineProperty(target, key, {
      configurable: true, enumerable: d.enumerable, get,
      set(v) { setData(target, key, v, d.enumerable); },
    });
  }
}

function sameProperty(a, b) {
  if (a === undefined || b === undefined) return a === b;
  return a.value === b.value && a.get === b.get && a.set === b.set;
}

function setData(target, key, value, enumerable) {
  Object.defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}

function resolve(rec) {
  rec.state = 'loading';
  let impl;
  try {
    impl = require(rec.file);
  } catch (err) {
    for (const [key, get] of rec.getters) {
      const cur = Object.getOwnPropertyDescriptor(rec.target, key);
      if (cur && cur.get === get) Object.defineProperty(rec.target, key, rec.originals[key]);
    }
    rec.state = 'failed';
    throw err;
  }
  apply(rec, impl);
  rec.state = 'ready';
  Module.syncBuiltinESMExports();
}

function apply(rec, impl) {
  const { target, originals } = rec;
  const keys = new Set([...Reflect.ownKeys(originals), ...Reflect.ownKeys(impl)]);
  const missing = [];
  for (const key of keys) {
    if (rec.keep.has(key)) continue;
    const orig = originals[key];
    if (orig !== undefined) {
      const cur = Object.getOwnPropertyDescriptor(target, key);
      // Skipped: properties that cannot change, and ones the program replaced.
      if (!orig.configurable || !cur || cur.get !== rec.getters.get(key)) continue;
    }
    const d = Object.getOwnPropertyDescriptor(impl, key);
    if (d !== undefined) {
      d.configurable = true;
      if (orig !== undefined) d.enumerable = orig.enumerable;
      Object.defineProperty(target, key, d);
    } else {
      Object.defineProperty(target, key, orig);
      // Node's own undefined (fs.lchmod on Linux) is nothing to implement.
      if (orig.get !== undefined || orig.value !== undefined) missing.push(key);
    }
  }
  if (rec.strict && missing.length > 0) guard(target, missing, rec.name, true);
}

// UNODE_STRICT=1 for what unode should serve but does not yet: the program's
// own reads of these properties throw an error naming them; Node's internals
// (its CommonJS loader reading files, util.inspect, ...) and unode's own code
// still get Node's values, so only the program's request fails. `partial`: the
// module is served but lacks these; a function then reads as a stand-in that
// throws when called, so that importing the module (an ES module import reads
// every export) works and only using what is missing fails.
function guard(target, keys, name, partial = false) {
  for (const key of keys) {
    const d = Object.getOwnPropertyDescriptor(target, key);
    if (d === undefined || !d.configurable) continue;
    let stub = null;
    const get = function() {
      const value = d.get ? d.get.call(this) : d.value;
      if (!fromProgram(get)) return value;
      if (!partial || typeof value !== 'function') throw notImplemented(name, key, get);
      if (stub === null) {
        stub = function() { throw notImplemented(name, key, stub); };
        Object.defineProperty(stub, 'name', { value: value.name });
        Object.defineProperty(stub, 'length', { value: value.length });
      }
      return stub;
    };
    Object.defineProperty(target, key, {
      configurable: true, enumerable: d.enumerable, get,
      set(v) { setData(target, key, v, d.enumerable); },
    });
  }
}

function notImplemented(name, key, fn) {
  const err = new Error(`unode: ${name}.${String(key)} is not implemented by unode yet (UNODE_STRICT=1)`);
  err.code = 'ERR_UNODE_NOT_IMPLEMENTED';
  Error.captureStackTrace(err, fn);
  return err;
}

// True when the read comes from the program (its code, or an ESM import of the
// module, which reads every export through BuiltinModule.syncExports).
function fromProgram(fn) {
  const sites = callSites(fn, 4);
  for (const s of sites) {
    if (s.getFunctionName() === 'syncExports' && String(s.getFileName()).startsWith('node:internal/')) return true;
  }
  const file = sites.length > 0 ? String(sites[0].getFileName() || '') : '';
  return !file.startsWith('node:') && !ownFile(file);
}

function callSites(fn, limit) {
  const { prepareStackTrace, stackTraceLimit } = Error;
  Error.prepareStackTrace = (_, sites) => sites;
  Error.stackTraceLimit = limit;
  try {
    const holder = {};
    Error.captureStackTrace(holder, fn);
    return Array.isArray(holder.stack) ? holder.stack : [];
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

let ownDirs = null;
function ownFile(file) {
  if (ownDirs === null) {
    ownDirs = [path.join(__dirname, '..') + path.sep];
    for (const pkg of ['libjs', 'libaio', 'eloop', 'libsys']) {
      try {
        ownDirs.push(path.dirname(require.resolve(`${pkg}/package.json`)) + path.sep);
      } catch {}
    }
  }
  return ownDirs.some((dir) => file.startsWith(dir));
}

module.exports = { start, entries, implFile, present };
