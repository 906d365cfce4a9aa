// test/unode: run the same fs call with Node's fs and with unode's, in the
// same fresh sandbox, and compare what came out: the value, or the error's
// class, code, errno, syscall, path, dest, message and property layout.
'use strict';

const assert = require('assert');
const nodeFs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const ufs = require('../../unode/lib/fs.js');

const root = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'unode-fs-'));
const box = path.join(root, 'box');

function resetBox() {
  nodeFs.rmSync(box, { recursive: true, force: true });
  nodeFs.mkdirSync(box, { recursive: true });
}

// Everything a caller can observe of an error.
function describeError(e) {
  if (!(e instanceof Error)) return { thrown: util.inspect(e) };
  const first = String(e.stack).split('\n')[0];
  return {
    class: Object.getPrototypeOf(e) === Error.prototype ? 'Error' : e.constructor.name,
    name: e.name,
    code: e.code,
    errno: e.errno,
    syscall: e.syscall,
    path: e.path,
    dest: e.dest,
    message: e.message,
    info: e.info,
    keys: Object.keys(e),
    own: Object.getOwnPropertyNames(e).sort(),
    header: first,
    string: String(e),
  };
}

// Values are compared through util.inspect, with the parts that differ
// between two calls (times of a file just read, fds) left to the case.
function describeValue(v) {
  return { value: util.inspect(v, { depth: 4, maxArrayLength: 50 }) };
}

// Relative paths land in the box: each call runs with the box as the cwd.
function outcome(fn, fs) {
  const cwd = process.cwd();
  process.chdir(box);
  try {
    return describeValue(fn(fs, box));
  } catch (e) {
    return { error: describeError(e) };
  } finally {
    process.chdir(cwd);
  }
}

// Run `fn(fs, box)` for both, each after `setup(nodeFs, box)` in a fresh box,
// and assert the outcomes are the same. `check(result, fs)` may inspect the
// sandbox afterwards (return something comparable).
function same(fn, { setup, after } = {}) {
  resetBox();
  if (setup) setup(nodeFs, box);
  const expected = outcome(fn, nodeFs);
  const expectedAfter = after ? after(nodeFs, box) : undefined;
  resetBox();
  if (setup) setup(nodeFs, box);
  const actual = outcome(fn, ufs);
  const actualAfter = after ? after(nodeFs, box) : undefined;
  assert.deepStrictEqual(actual, expected);
  if (after) assert.deepStrictEqual(actualAfter, expectedAfter);
  return actual;
}

// The error outcome of fn for both (and that it is one).
function sameError(fn, opts) {
  const r = same(fn, opts);
  assert.ok(r.error, `expected an error, got ${r.value}`);
  return r.error;
}

function cleanup() {
  nodeFs.rmSync(root, { recursive: true, force: true });
}

// Values of many kinds, for argument checks.
const junk = [
  undefined, null, true, false, 0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32,
  2 ** 53, -(2 ** 40), 12n, -1n, 2n ** 64n, '', 'str', "it's", 'x'.repeat(40), Symbol('s'), {},
  [], [1], Object.create(null), function named() {}, () => {}, new Date(0), /re/,
  Buffer.from('ab'), new Uint8Array(2), new Number(3), new String('s'),
];

module.exports = { nodeFs, ufs, root, box, resetBox, same, sameError, outcome, describeError, cleanup, junk };
