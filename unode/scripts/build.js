// unode: builds the pack the command starts from (unode/dist/unode.pack): the
// text of every module unode loads (the loader, unode/lib, unode/internal,
// libjs, eloop, libaio; libsys, the native addon, stays a file of its own),
// V8's code cache for each, and the size and modification time of each source
// file, so that a changed source makes the pack stale (unode then starts from
// the sources). esbuild finds the modules and resolves every literal require;
// each file's text goes in unchanged (nothing renamed or rewritten), so
// function names, stack traces and line numbers are the sources' own. Run by
// `npm install` (the unode package's install script) and before `npm test`.
// See docs/modules.md.
//
//   node unode/scripts/build.js             build; on failure (no esbuild, a read-only
//                                           install), a warning and exit 0
//   node unode/scripts/build.js --check     build; any failure is an error (pretest)
//   node unode/scripts/build.js --if-stale  build only when the pack is missing or stale
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const { isBuiltin } = require('module');
const path = require('path');
const boot = require('../internal/boot');

const UNODE = path.join(__dirname, '..');
const TRAIN = path.join(__dirname, 'train.js');
// Node's StringBytes: latin1 text from this many bytes up becomes an external string.
const EXTERN_APEX = 0xFBEE9;

// The modules a run starts from; the rest is what they require.
function entryPoints() {
  const lib = path.join(UNODE, 'lib');
  return [path.join(UNODE, 'internal', 'loader.js'),
    ...fs.readdirSync(lib).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(lib, f))];
}

// The module graph from these entry points: { absolute file name: esbuild's
// metafile input }.
function graph(esbuild, entries) {
  const dir = path.dirname(entries[0]);
  const result = esbuild.buildSync({
    entryPoints: entries,
    absWorkingDir: dir,
    outdir: dir,
    write: false,
    bundle: true,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    // As Node resolves: package.json "main", these extensions, real paths.
    mainFields: ['main'],
    resolveExtensions: ['.js', '.json'],
    external: ['libsys'],
    logLevel: 'silent',
  });
  const inputs = {};
  for (const [rel, input] of Object.entries(result.metafile.inputs)) inputs[path.resolve(dir, rel)] = input;
  return inputs;
}

// A module goes in the pack when Node would load it as CommonJS or JSON and
// it has no import() (a vm.Script has no module loader for it).
function packable(file, input) {
  if (file.endsWith('.json')) return true;
  if (!file.endsWith('.js') || input.format === 'esm') return false;
  return !input.imports.some((i) => i.kind === 'dynamic-import');
}

function commonDir(files) {
  let dir = path.dirname(files[0]);
  while (!files.every((f) => f.startsWith(dir + path.sep))) dir = path.dirname(dir);
  return dir;
}

// [size, mtime seconds, mtime nanoseconds], as boot.js reads them with statx.
function stamp(file) {
  const st = fs.statSync(file, { bigint: true });
  return [Number(st.size), Number(st.mtimeNs / 1000000000n), Number(st.mtimeNs % 1000000000n)];
}

// The pack's modules: [{ name, file, stamp, text (Buffer), ascii, requests }].
function collect(inputs, dir) {
  const files = Object.keys(inputs).filter((f) => packable(f, inputs[f])).sort();
  const root = commonDir(files);
  const index = new Map(files.map((f, i) => [f, i]));
  let libsys = null; // where the modules find libsys (boot.js loads it from there)
  const mods = files.map((file) => {
    // The stamp before the read: a file that changes in between makes the
    // pack stale, never wrong.
    const st = stamp(file);
    let text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.js')) {
      if (text.startsWith('#!')) text = `//${text}`;
      text = boot.HEAD + text + boot.TAIL;
    }
    // Literal requests: of a module of the pack (its index), or of a file
    // outside it (libsys), resolved now, so that a start-up asks Node's
    // resolver nothing.
    const requests = {};
    for (const i of inputs[file].imports) {
      if (i.kind !== 'require-call') continue;
      const to = path.resolve(dir, i.path);
      if (!i.external && i.original !== undefined && index.has(to)) requests[i.original] = index.get(to);
      else if (i.external && !isBuiltin(i.path)) {
        const resolved = require.resolve(i.path, { paths: [path.dirname(file)] });
        if (i.path === 'libsys') libsys = resolved;
        requests[i.path] = path.relative(root, resolved);
      }
    }
    const buf = Buffer.from(text, 'utf8');
    return { name: path.relative(root, file), file, stamp: st, text: buf, ascii: buf.length === text.length, requests };
  });
  return { root, mods, libsys };
}

// JSON in ASCII (the requests live in the ASCII text region).
const asciiJSON = (v) => JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// { pack, header }: the pack file (its first line, then the data: the ASCII
// region of module texts and requests, the UTF-8 texts, the code caches) and
// the header that says what is where (written beside it as JSON).
function assemble(root, mods, caches, packDir, libsys) {
  const chunks = [];
  let at = 0;
  const put = (buf) => {
    chunks.push(buf);
    const start = at;
    at += buf.length;
    return start;
  };
  const fields = mods.map(() => new Array(boot.FIELDS).fill(0));
  mods.forEach((m, i) => {
    if (m.ascii) {
      fields[i][0] = put(m.text);
      fields[i][1] = m.text.length;
    }
    const req = Buffer.from(asciiJSON(m.requests), 'latin1');
    fields[i][5] = put(req);
    fields[i][6] = req.length;
  });
  // Node decodes a region this large into an external string, outside V8's
  // heap (a smaller one is a young-generation object: a garbage collection
  // more at every start-up); the sources are slices of it.
  if (at < EXTERN_APEX) put(Buffer.alloc(EXTERN_APEX - at, 0x20));
  const text = at;
  mods.forEach((m, i) => {
    if (!m.ascii) {
      fields[i][0] = put(m.text);
      fields[i][1] = m.text.length;
      fields[i][2] = 1;
    }
    const cache = caches.get(m.name);
    if (cache !== undefined) {
      fields[i][3] = put(cache);
      fields[i][4] = cache.length;
    }
  });
  const id = `${process.pid}-${Date.now()}`;
  const first = Buffer.from(`${boot.MAGIC} ${id}\n`, 'latin1');
  const header = {
    format: boot.MAGIC,
    id,
    size: first.length + at,
    node: process.version,
    arch: process.arch,
    root: path.relative(packDir, root),
    libsys: libsys === null ? null : path.relative(root, libsys),
    text,
    names: mods.map((m) => m.name),
    stamps: mods.flatMap((m) => m.stamp),
    mods: fields.flat(),
  };
  return { pack: Buffer.concat([first, ...chunks]), header };
}

// Writes the pack, then its header (a process that reads the new header
// before the new pack is in place finds their ids differ, and starts from
// the sources); running processes keep the old pack mapped.
function writePack(file, { pack, header }) {
  const json = file.replace(/\.pack$/, '.json');
  // The code caches that runs under other V8 flags wrote beside the old pack
  // (unode/internal/side_cache.js) are for its modules: gone with it.
  const dir = path.dirname(file);
  for (const f of fs.readdirSync(dir)) if (/^unode\.[0-9a-f]{8}\.cache$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
  fs.writeFileSync(`${file}.${process.pid}.tmp`, pack);
  fs.writeFileSync(`${json}.${process.pid}.tmp`, `${JSON.stringify(header)}\n`);
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
  fs.renameSync(`${json}.${process.pid}.tmp`, json);
}

// V8's code cache of every module, made by a plain node that starts from the
// pack as the command does and makes the calls Node's own loaders make:
// Map name -> Buffer.
function train(packFile) {
  const out = `${packFile}.cache`;
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('UNODE_') && !k.startsWith('NODE_')) env[k] = v;
  const r = spawnSync(process.execPath, [TRAIN, packFile, out], { env, encoding: 'utf8', timeout: 60000 });
  try {
    if (r.status !== 0) {
      throw new Error(`the code-cache run failed: ${r.error ? r.error.message : (r.stderr || `status ${r.status}`).trim()}`);
    }
    const data = fs.readFileSync(out);
    const nl = data.indexOf(10);
    let at = nl + 1;
    const caches = new Map();
    for (const [name, len] of JSON.parse(data.toString('utf8', 0, nl))) {
      caches.set(name, data.subarray(at, at + len));
      at += len;
    }
    return caches;
  } finally {
    fs.rmSync(out, { force: true });
  }
}

// Writes a pack of the modules reached from `entries` to `file`; `train`:
// with the code cache of a unode start-up (the unode pack itself).
function write(esbuild, { entries, file, train: withCache, check }) {
  const dir = path.dirname(entries[0]);
  const { root, mods, libsys } = collect(graph(esbuild, entries), dir);
  const packDir = path.dirname(file);
  fs.mkdirSync(packDir, { recursive: true });
  let caches = new Map();
  if (withCache) {
    // First without code cache, for the run that makes it; then with it.
    const plain = file.replace(/\.pack$/, `.${process.pid}.plain.pack`);
    try {
      writePack(plain, assemble(root, mods, caches, packDir, libsys));
      caches = train(plain);
    } catch (err) {
      if (check) throw err;
      process.stderr.write(`unode: ${err.message}; the pack has no code cache\n`);
    } finally {
      fs.rmSync(plain, { force: true });
      fs.rmSync(plain.replace(/\.pack$/, '.json'), { force: true });
    }
  }
  writePack(file, assemble(root, mods, caches, packDir, libsys));
  return { mods, caches };
}

function build({ check = false, quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch (err) {
    if (check) throw err;
    process.stderr.write(`unode: esbuild is not available (${err.message.split('\n')[0]}); ` +
      'unode will start from its source files, which is slower\n');
    return;
  }
  const { mods, caches } = write(esbuild, { entries: entryPoints(), file: boot.PACK, train: true, check });
  if (quiet) return;
  const kib = (n) => `${Math.round(n / 1024)} KiB`;
  const code = mods.reduce((n, m) => n + m.text.length, 0);
  const cache = [...caches.values()].reduce((n, b) => n + b.length, 0);
  process.stdout.write(`unode: ${path.relative(process.cwd(), boot.PACK) || boot.PACK}: ${mods.length} modules, ` +
    `${kib(code)} of code, ${kib(cache)} of code cache\n`);
}

// Why the pack should be built again, or null.
function stale() {
  const why = boot.stale(boot.PACK);
  if (why !== null) return why;
  const { pack } = boot.open(boot.PACK);
  return pack.node === process.version ? null : `built by node ${pack.node}`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') && stale() === null) process.exit(0);
  const check = args.includes('--check');
  try {
    build({ check });
  } catch (err) {
    // An install goes on (unode starts from its sources); a check fails.
    process.stderr.write(`unode: building ${boot.PACK} failed${check ? '' : ' (unode will start from its source files)'}: ` +
      `${check ? err.stack : err.message}\n`);
    process.exit(check ? 1 : 0);
  }
}

module.exports = { build, stale, write };
