// unode: the registry of Node's built-in modules: which ones unode serves, from
// which file under unode/lib/, and why the others stay Node's. Data only; the
// loader (./loader.js) acts on it, docs/modules.md explains it.
'use strict';

// Served by unode. `impl` names unode/lib/<impl>.js, or is null while the
// module is planned but not written; a file that does not exist yet counts as
// not written too. Two kinds:
//   module:  lib/<impl>.js exports the whole module; the loader copies it onto
//            Node's built-in exports object, lazily, at the first touch.
//   install: lib/<impl>.js exports install(target) and patches the object
//            itself (the real `process`, the timers and tty modules);
//            `members` are the properties it owns (what UNODE_STRICT guards
//            while the file is missing).
// `keep`: properties that stay Node's own because they already lead to a served
// module (fs.promises returns the fs/promises object, which unode patches).
const served = [
  { name: 'fs', impl: 'fs', kind: 'module', keep: ['promises'] },
  { name: 'fs/promises', impl: 'fs_promises', kind: 'module' },
  { name: 'os', impl: 'os', kind: 'module' },
  {
    name: 'process', impl: 'process', kind: 'install',
    members: [
      'hrtime', 'cwd', 'chdir', 'umask', 'kill', 'uptime', 'memoryUsage', 'resourceUsage',
      'cpuUsage', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'setuid', 'seteuid',
      'setgid', 'setegid', 'setgroups', 'initgroups',
    ],
  },
  { name: 'net', impl: null, kind: 'module' },
  { name: 'dgram', impl: null, kind: 'module' },
  { name: 'dns', impl: null, kind: 'module', keep: ['promises'] },
  { name: 'dns/promises', impl: null, kind: 'module' },
  { name: 'http', impl: null, kind: 'module' },
  { name: 'child_process', impl: null, kind: 'module' },
  {
    name: 'timers', impl: null, kind: 'install',
    members: ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'],
  },
  { name: 'tty', impl: null, kind: 'install', members: ['isatty', 'ReadStream', 'WriteStream'] },
];

// Node's own, and why. Every name in require('module').builtinModules is either
// served above or listed here (test/unode/loader.test.js checks it).
const PURE = 'makes no system call of its own';
const ON_SERVED = 'built on modules unode serves (uses them through Node\'s own objects, which unode patches)';
const CRYPTO = 'cryptography or compression: stays Node\'s (DESIGN.md)';
const RUNTIME = 'part of the JavaScript runtime itself (V8, the module system, the inspector)';
const node = {
  assert: PURE, 'assert/strict': PURE, buffer: PURE, console: PURE, constants: PURE,
  diagnostics_channel: PURE, events: PURE, path: PURE, 'path/posix': PURE, 'path/win32': PURE,
  punycode: PURE, querystring: PURE, readline: PURE, 'readline/promises': PURE, stream: PURE,
  'stream/consumers': PURE, 'stream/promises': PURE, 'stream/web': PURE, string_decoder: PURE,
  sys: PURE, url: PURE, util: PURE, 'util/types': PURE, 'timers/promises': PURE, domain: PURE,
  _stream_duplex: PURE, _stream_passthrough: PURE, _stream_readable: PURE,
  _stream_transform: PURE, _stream_writable: PURE, _stream_wrap: PURE,
  _http_agent: ON_SERVED, _http_client: ON_SERVED, _http_common: ON_SERVED,
  _http_incoming: ON_SERVED, _http_outgoing: ON_SERVED, _http_server: ON_SERVED,
  cluster: ON_SERVED, repl: ON_SERVED, https: ON_SERVED + '; TLS itself stays Node\'s',
  crypto: CRYPTO, tls: CRYPTO, _tls_common: CRYPTO, _tls_wrap: CRYPTO, zlib: CRYPTO, http2: CRYPTO,
  async_hooks: RUNTIME, inspector: RUNTIME, 'inspector/promises': RUNTIME, module: RUNTIME,
  perf_hooks: RUNTIME, trace_events: RUNTIME, v8: RUNTIME, vm: RUNTIME,
  worker_threads: RUNTIME + '; each worker gets unode\'s modules through the same preload',
  wasi: 'WebAssembly System Interface: its own sandboxed file API (uvwasi), not Node\'s fs',
};

module.exports = { served, node };
