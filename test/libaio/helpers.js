// Shared helpers for the libaio tests: fd counting, child processes, a
// byte pattern with its hash, and small promise utilities.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');

function fdCount() {
  return fs.readdirSync('/proc/self/fd').length;
}

// Runs `code` in a fresh node with the repository as its working directory
// (so require('libaio') resolves); resolves { code, signal, stdout, stderr, ms }.
function runChild(code, { timeout = 15000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const cp = spawn(process.execPath, ['-e', code], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    cp.stdout.on('data', (d) => { stdout += d; });
    cp.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => {
      cp.kill('SIGKILL');
      reject(new Error(`child did not finish in ${timeout} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeout);
    cp.on('exit', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ code: exitCode, signal, stdout, stderr, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    });
  });
}

// Deterministic pseudo-random bytes (xorshift), so a corrupted or reordered
// byte anywhere changes the hash.
function pattern(n, seed = 0x9e3779b9) {
  const b = Buffer.allocUnsafe(n);
  let x = seed >>> 0;
  for (let i = 0; i + 4 <= n; i += 4) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    b.writeUInt32LE(x, i);
  }
  for (let i = n - (n % 4); i < n; i++) b[i] = i & 0xff;
  return b;
}

function sha256(...bufs) {
  const h = crypto.createHash('sha256');
  for (const b of bufs) h.update(b);
  return h.digest('hex');
}

// A promise with its resolve/reject outside, and a time bound.
function deferred(ms = 10000, what = 'operation') {
  let resolve, reject;
  const p = new Promise((res, rej) => { resolve = res; reject = rej; });
  const t = setTimeout(() => reject(new Error(`${what} did not complete in ${ms} ms`)), ms);
  p.finally(() => clearTimeout(t)).catch(() => {});
  p.resolve = resolve;
  p.reject = reject;
  return p;
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// Waits until cond() is true, checking every few ms, up to `ms`.
async function until(cond, ms = 5000, what = 'condition') {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await sleep(5);
  }
}

function tmpPath(name) {
  return path.join(require('os').tmpdir(), `libaio-test-${process.pid}-${name}`);
}

module.exports = { ROOT, fdCount, runChild, pattern, sha256, deferred, sleep, until, tmpPath };
