// test/unode: run the same event-driven fs scenario (streams, Dir, watchers,
// cp) with Node's fs and with unode's, each in a fresh sandbox, and compare
// the logs the two runs wrote: events in order with their arguments, values,
// errors in full (class, code, errno, syscall, path, message, layout).
'use strict';

const assert = require('assert');
const util = require('util');
const { nodeFs, ufs, box, resetBox, describeError } = require('./fs-parity');

// A value as the log keeps it: errors in full, bytes as hex, Stats by the
// fields that do not move, the rest through util.inspect.
function describe(v) {
  if (v instanceof Error) return { error: describeError(v) };
  if (Buffer.isBuffer(v)) return { buffer: v.length > 64 ? `${v.toString('hex', 0, 32)}..(${v.length})` : v.toString('hex') };
  if (typeof v === 'symbol') return { symbol: String(v) };
  if (typeof v === 'function') return { function: v.name };
  return { value: util.inspect(v, { depth: 3, maxArrayLength: 100, breakLength: Infinity }) };
}

// Logs every event `emitter` emits, as [label, name, ...args]. An 'error'
// listener that does nothing is added, so that an error is logged, not thrown.
function record(emitter, log, label, { skip = [] } = {}) {
  emitter.on('error', () => {});
  const emit = emitter.emit;
  emitter.emit = function(name, ...args) {
    if (typeof name !== 'string' || skip.includes(name) || name === 'newListener' || name === 'removeListener') {
      // not logged
    } else if (name === 'open' && typeof args[0] === 'number') {
      log.push([label, name, 'fd']); // fd numbers differ between two runs
    } else {
      log.push([label, name, ...args.map(describe)]);
    }
    return Reflect.apply(emit, this, [name, ...args]);
  };
  return emitter;
}

// fn(fs, log, done, box) with the sandbox as cwd; done() ends the run after
// a short settling time in which late events still get logged. A run that
// never calls done() ends with 'TIMEOUT' in its log.
const home = process.cwd();

async function runLog(fn, fs, { timeout = 5000, settle = 30 } = {}) {
  const cwd = home;
  process.chdir(box);
  const log = [];
  try {
    await new Promise((resolve) => {
      let finished = false;
      const timer = setTimeout(() => {
        log.push('TIMEOUT');
        finished = true;
        resolve();
      }, timeout);
      const done = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        setTimeout(resolve, settle);
      };
      try {
        const r = fn(fs, log, done, box);
        if (r instanceof Promise) r.catch((e) => { log.push(['rejected', describe(e)]); done(); });
      } catch (e) {
        log.push(['thrown', describe(e)]);
        done();
      }
    });
  } finally {
    process.chdir(cwd);
  }
  return log;
}

// The same log from both, each after setup(nodeFs, box) in a fresh box;
// after(nodeFs, box) may describe the sandbox afterwards.
async function sameLog(fn, { setup, after, timeout, settle } = {}) {
  resetBox();
  if (setup) setup(nodeFs, box);
  const expected = await runLog(fn, nodeFs, { timeout, settle });
  const expectedAfter = after ? after(nodeFs, box) : undefined;
  resetBox();
  if (setup) setup(nodeFs, box);
  const actual = await runLog(fn, ufs, { timeout, settle });
  const actualAfter = after ? after(nodeFs, box) : undefined;
  assert.deepStrictEqual(actual, expected);
  if (after) assert.deepStrictEqual(actualAfter, expectedAfter);
  assert.ok(!expected.includes('TIMEOUT'), 'the scenario timed out under node');
  return actual;
}

function fdCount() {
  return nodeFs.readdirSync('/proc/self/fd').length;
}

module.exports = { describe, record, runLog, sameLog, fdCount, nodeFs, ufs, box, resetBox };
