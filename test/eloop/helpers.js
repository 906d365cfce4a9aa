// Test helpers for eloop: syscall numbers, pipes, a generated file, child
// processes, thread and fd counts.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync, spawn } = require('child_process');
const sys = require('libsys');

// libjs/sysnr when it is there (eloop itself never depends on libjs), else
// the kernel's own header.
function loadNr() {
  try {
    const t = require('libjs/sysnr');
    if (typeof t.pread64 === 'number') return t;
  } catch {}
  const header = process.arch === 'x64' ? '/usr/include/x86_64-linux-gnu/asm/unistd_64.h'
    : '/usr/include/asm-generic/unistd.h';
  const out = {};
  for (const m of fs.readFileSync(header, 'utf8').matchAll(/#define __NR_(\w+)\s+(\d+)/g))
    out[m[1]] = Number(m[2]);
  return out;
}
const nr = loadNr();
for (const name of ['read', 'write', 'close', 'openat', 'pread64', 'pipe2', 'getpid', 'gettid', 'prlimit64', 'nanosleep'])
  assert.strictEqual(typeof nr[name], 'number', `no syscall number for ${name}`);

const AT_FDCWD = -100;
const O_NONBLOCK = 0o4000;
const O_CLOEXEC = 0o2000000;
const ECANCELED = 125;

// A blocking pipe (reads on it wait in the kernel until data comes).
function pipe(flags = O_CLOEXEC) {
  const fds = new Int32Array(2);
  assert.strictEqual(sys.syscall(nr.pipe2, fds, flags), 0);
  return [fds[0], fds[1]];
}

function close(...fds) {
  for (const fd of fds) sys.syscall(nr.close, fd);
}

// A file whose bytes are a known function of their offset: each 4-byte word
// holds a hash of its own offset. Returns { file, data } (data: the bytes).
function makeFile(mib) {
  const file = path.join(os.tmpdir(), `eloop-test-${process.pid}-${mib}`);
  const data = Buffer.allocUnsafe(mib << 20);
  for (let off = 0; off < data.length; off += 4)
    data.writeUInt32LE(Math.imul(off ^ 0x9e3779b9, 0x85ebca6b) >>> 0, off);
  fs.writeFileSync(file, data);
  return { file, data };
}

function openRead(file) {
  const fd = sys.syscall(nr.openat, AT_FDCWD, file, O_CLOEXEC);
  assert.ok(fd >= 0, `openat ${file}: ${fd}`);
  return fd;
}

// Threads of this process named "eloop" (the pool's workers).
function poolThreads() {
  let n = 0;
  for (const t of fs.readdirSync('/proc/self/task')) {
    try {
      if (fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() === 'eloop') n++;
    } catch {}
  }
  return n;
}

// Workers of the pool that are blocked in the given system call right now.
function workersIn(sysnr) {
  let n = 0;
  for (const t of fs.readdirSync('/proc/self/task')) {
    try {
      if (fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() !== 'eloop') continue;
      if (Number(fs.readFileSync(`/proc/self/task/${t}/syscall`, 'utf8').split(' ')[0]) === sysnr) n++;
    } catch {}
  }
  return n;
}

async function until(cond, what, ms = 5000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function fdCount() {
  return fs.readdirSync('/proc/self/fd').length;
}

function eventfdCount() {
  let n = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`) === 'anon_inode:[eventfd]') n++;
    } catch {}
  }
  return n;
}

// Runs a script in a child node; `pre` is prepended with the helpers loaded.
const prelude = `const eloop = require(${JSON.stringify(require.resolve('eloop'))});
const h = require(${JSON.stringify(__filename)}); const sys = require(${JSON.stringify(require.resolve('libsys'))});\n`;
function runChild(script, { args = [], env = {}, timeout = 15000 } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...args, '-e', prelude + script], {
    encoding: 'utf8', timeout, env: { ...process.env, ...env },
  });
  r.ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return r;
}

// Same, asynchronous (for children that run while the parent does work).
function runChildAsync(script, { args = [], env = {}, timeout = 15000 } = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const c = spawn(process.execPath, [...args, '-e', prelude + script], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => { stdout += d; });
    c.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => c.kill('SIGKILL'), timeout);
    c.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    });
  });
}

module.exports = {
  nr, AT_FDCWD, O_NONBLOCK, O_CLOEXEC, ECANCELED, pipe, close, makeFile, openRead,
  poolThreads, workersIn, until, fdCount, eventfdCount, runChild, runChildAsync, prelude,
};
