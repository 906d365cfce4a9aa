// test/unode: run the same asynchronous fs call with Node's fs and with
// unode's, one after the other in the same fresh sandbox, and compare what
// came out: what was thrown synchronously, how the callback was called (how
// often, with which arguments, synchronously or not), or how the promise
// settled: values, or errors' class, code, errno, syscall, path, dest,
// message and property layout.
'use strict';

const assert = require('assert');
const util = require('util');
const { nodeFs, ufs, box, resetBox, describeError } = require('./fs-parity');

const nodeFsp = nodeFs.promises;
const ufsp = ufs.promises;

// A value a callback or a promise gave: errors in full, Buffers as bytes,
// Stats without the times that move, everything else through util.inspect.
function describe(v) {
  if (v instanceof Error) return { error: describeError(v) };
  if (Buffer.isBuffer(v)) return { buffer: v.toString('hex') };
  if (v !== null && typeof v === 'object' && typeof v.isFile === 'function' && 'mtimeMs' in v) {
    return {
      stats: v.constructor.name,
      file: v.isFile(),
      dir: v.isDirectory(),
      link: v.isSymbolicLink(),
      size: v.size,
      mode: v.mode,
      nlink: v.nlink,
      uid: v.uid,
      types: ['atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs', 'atime', 'atimeNs']
        .map((k) => (v[k] === undefined ? 'undefined' : v[k] instanceof Date ? 'Date' : typeof v[k])),
    };
  }
  return { value: util.inspect(v, { depth: 4, maxArrayLength: 200 }) };
}

const kWait = 5000;

function withTimeout(promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no callback within ${kWait} ms`)), kWait);
    }),
  ]).finally(() => clearTimeout(timer));
}

// Let everything queued settle (a second callback call would show up here).
function settle() {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

// fn(fs, cb, box) for one fs: a synchronous throw, or every call of cb.
async function cbOutcome(fn, fs) {
  const cwd = process.cwd();
  process.chdir(box);
  const calls = [];
  let thrown;
  let sync = true;
  try {
    await withTimeout(new Promise((resolve) => {
      try {
        fn(fs, (...args) => {
          calls.push({ sync, args: args.map(describe) });
          resolve();
        }, box);
      } catch (e) {
        thrown = describeError(e);
        resolve();
      }
      sync = false;
    }), fs === ufs ? 'unode' : 'node');
    await settle();
  } finally {
    process.chdir(cwd);
  }
  return thrown !== undefined ? { thrown, calls } : { calls };
}

// Callback form: the same outcome for both (setup runs before each, in a
// fresh box; after(nodeFs, box) may look at the sandbox afterwards).
async function sameCb(fn, { setup, after } = {}) {
  resetBox();
  if (setup) setup(nodeFs, box);
  const expected = await cbOutcome(fn, nodeFs);
  const expectedAfter = after ? after(nodeFs, box) : undefined;
  resetBox();
  if (setup) setup(nodeFs, box);
  const actual = await cbOutcome(fn, ufs);
  const actualAfter = after ? after(nodeFs, box) : undefined;
  assert.deepStrictEqual(actual, expected);
  if (after) assert.deepStrictEqual(actualAfter, expectedAfter);
  return actual;
}

// fn(fsp, box, fs) for one fs/promises: a synchronous throw, or how the
// returned promise settled.
async function promiseOutcome(fn, fsp, fs) {
  const cwd = process.cwd();
  process.chdir(box);
  try {
    let p;
    try {
      p = fn(fsp, box, fs);
    } catch (e) {
      return { thrown: describeError(e) };
    }
    const isPromise = p instanceof Promise;
    try {
      const v = await withTimeout(Promise.resolve(p), fs === ufs ? 'unode' : 'node');
      return { isPromise, resolved: describe(v) };
    } catch (e) {
      return { isPromise, rejected: describe(e) };
    } finally {
      await settle();
    }
  } finally {
    process.chdir(cwd);
  }
}

async function samePromise(fn, { setup, after } = {}) {
  resetBox();
  if (setup) setup(nodeFs, box);
  const expected = await promiseOutcome(fn, nodeFsp, nodeFs);
  const expectedAfter = after ? after(nodeFs, box) : undefined;
  resetBox();
  if (setup) setup(nodeFs, box);
  const actual = await promiseOutcome(fn, ufsp, ufs);
  const actualAfter = after ? after(nodeFs, box) : undefined;
  assert.deepStrictEqual(actual, expected);
  if (after) assert.deepStrictEqual(actualAfter, expectedAfter);
  return actual;
}

// The number of open fds of this process.
function fdCount() {
  return nodeFs.readdirSync('/proc/self/fd').length;
}

module.exports = { describe, sameCb, samePromise, cbOutcome, promiseOutcome, fdCount, nodeFsp, ufsp };
