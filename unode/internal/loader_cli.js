// unode: the command's own options (--version, --modules), and the command
// itself when bin/unode.js runs as a script (`node unode/bin/unode.js app.js`):
// there it execs node with the preload through execve(2), as the shell part does.
'use strict';
const path = require('path');

// node's options that take the next argument as their value (so it is not the
// script); kept in step with the list in bin/unode.js.
const VALUED = new Set([
  '-r', '--require', '--import', '--loader', '--experimental-loader', '-e', '--eval', '-p',
  '--print', '-pe', '-ep', '-C', '--conditions', '--input-type', '--title', '--inspect-port',
  '--debug-port', '--redirect-warnings', '--disable-warning', '--env-file',
  '--experimental-default-type', '--unhandled-rejections', '--dns-result-order',
  '--diagnostic-dir', '--report-dir', '--report-directory', '--report-filename',
  '--report-signal', '--heapsnapshot-signal', '--cpu-prof-dir', '--cpu-prof-name',
  '--heap-prof-dir', '--heap-prof-name', '--icu-data-dir', '--openssl-config',
  '--tls-cipher-list', '--secure-heap', '--secure-heap-min', '--trace-event-categories',
  '--trace-event-file-pattern', '--watch-path', '--test-name-pattern', '--test-reporter',
  '--test-reporter-destination', '--test-shard', '--experimental-policy', '--policy-integrity',
  '--snapshot-blob',
]);

// The first of --version/-v/--modules among node's options, or null.
function ownOption(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version' || a === '--modules') return a;
    if (VALUED.has(a)) i++;
    else if (a === '-' || a === '--' || !a.startsWith('-')) break;
  }
  return null;
}

function version() {
  return require('../package.json').version;
}

// `unode --version`: one line, `unode v<unode's version> (node <node's version>)`.
function versionLine() {
  return `unode v${version()} (node ${process.version})`;
}

// `unode --modules`: one line per built-in module: name, who serves it, detail.
function modulesTable() {
  const { served, node } = require('./modules');
  const { entries, present } = require('./loader');
  const rows = [];
  for (const e of entries()) {
    const file = present(e);
    if (file !== null) rows.push([e.name, 'unode', path.relative(path.join(__dirname, '..', '..'), file)]);
    else rows.push([e.name, 'node', 'planned for unode, not implemented yet']);
  }
  const have = new Set(served.map((e) => e.name));
  for (const [name, why] of Object.entries(node)) if (!have.has(name)) rows.push([name, 'node', why]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const w = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map(([n, by, why]) => `${n.padEnd(w)}${by.padEnd(7)}${why}`).join('\n') + '\n';
}

function main(binFile) {
  const args = process.argv.slice(2);
  const own = ownOption(args);
  if (own === '--modules') return void process.stdout.write(modulesTable());
  if (own !== null) return void process.stdout.write(versionLine() + '\n');
  execNode(binFile, args);
}

// Replaces this process with `node -r <bin> args...`; returns only on failure.
function execNode(binFile, args) {
  const { syscall, addressOf } = require('libjs/sys');
  const nr = require('libjs/sysnr');
  const errno = require('libjs/errno');
  const { F_GETFD, F_SETFD, FD_CLOEXEC } = require('libjs/constants');
  const cstr = (s) => Buffer.from(`${s}\0`);
  const vector = (strs) => {
    const v = Buffer.alloc((strs.length + 1) * 8);
    strs.forEach((s, i) => v.writeBigUInt64LE(addressOf(s), i * 8));
    return v;
  };
  // Every string stays referenced by `argv`/`envp` until execve returns.
  // node's own options given before this file (`node --expose-gc
  // unode/bin/unode.js app.js`) are the app's too; they follow the preload,
  // as the shell part puts the user's options after it.
  const argv = [process.argv0 || 'node', '-r', binFile, ...process.execArgv, ...args].map(cstr);
  const envp = Object.entries(process.env).map(([k, v]) => cstr(`${k}=${v}`));
  // node marks the descriptors it inherited close-on-exec; stdio must reach
  // the new node. (Other inherited descriptors are not passed on: only the
  // shell path of bin/unode.js keeps them.)
  for (let fd = 0; fd <= 2; fd++) {
    const flags = syscall(nr.fcntl, fd, F_GETFD);
    if (flags > 0 && (flags & FD_CLOEXEC)) syscall(nr.fcntl, fd, F_SETFD, flags & ~FD_CLOEXEC);
  }
  const r = syscall(nr.execve, cstr(process.execPath), vector(argv), vector(envp));
  process.stderr.write(`unode: cannot run ${process.execPath}: ${errno.strerror(-r)}\n`);
  process.exitCode = 126;
}

module.exports = { main, ownOption, versionLine, modulesTable };
