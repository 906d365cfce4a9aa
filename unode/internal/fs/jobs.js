// unode/internal/fs: the asynchronous tier under fs's callback and promise
// forms: system calls run as eloop jobs on its worker threads. A completion
// gets the kernel's result (-errno on failure), as sys.js's calls return it.
'use strict';

const { AsyncResource } = require('async_hooks');
const eloop = require('eloop');
const trace = require('libjs/trace');
const active = require('./active');
const { cpath } = require('libjs/args');
const { AT_FDCWD } = require('libjs/constants');

// A path for the kernel: a string as it is (copied NUL-terminated for the
// job); a Uint8Array with its NUL added (a copy the job holds).
function kpath(p) {
  return typeof p === 'string' ? p : cpath('fs', p, 'path');
}

// Node runs each fs request's callback through MakeCallback, so nextTick
// callbacks and microtasks queued by one callback run before the next
// callback. eloop delivers a batch of completions in one such call, and runs
// the queue once after it. Flushing the queue before each completion gives
// Node's order; the last completion's ticks still run after the batch, with
// no eloop frames under them (a batch usually holds one completion, so
// errors made in promise continuations have clean stacks).
const runTicks = typeof process._tickCallback === 'function' ? process._tickCallback : () => {};

// Each job is an async resource, as each of Node's requests is: the
// completion runs in the async context of the submit (AsyncLocalStorage's
// store, executionAsyncId, async_hooks' before/after), not in that of
// eloop's watcher. The classes carry Node's names (what async_hooks' init
// and process._getActiveRequests() show). ~100 ns a job.
class FSReqCallback extends AsyncResource {
  constructor() { super('FSREQCALLBACK'); }
}
class FSReqPromise extends AsyncResource {
  constructor() { super('FSREQPROMISE'); }
}

// `req`: the job's request, or an AsyncResource it runs in without being a
// request of its own (a watchFile poll runs in its watcher's, as libuv's
// fs_poll makes no request Node lists).
function completer(cb, req) {
  return (r) => {
    active.requestDone(req);
    runTicks();
    req.runInAsyncScope(cb, undefined, r);
  };
}

// With UNODE_TRACE, each job is written to the trace when it completes
// (eloop runs it on a worker thread, out of reach of libjs's gate).
function tracedCompleter(cb, req, nr, args) {
  return (r) => {
    active.requestDone(req);
    runTicks();
    trace.record(nr, args, r, { tag: 'eloop' });
    req.runInAsyncScope(cb, undefined, r);
  };
}

// submit(cb, nr, ...args): cb(result) later, from the loop. Every object
// argument (a Buffer, a view over part of one, a NUL-terminated path) stays
// referenced by eloop until the completion has been delivered.
function submit(cb, nr, a, b, c, d, e, f) {
  return submitIn(FSReqCallback, cb, arguments.length - 2, nr, a, b, c, d, e, f);
}

// The same with n arguments, in `scope`: a request class (a new request for
// this job) or an AsyncResource (see completer).
function submitIn(scope, cb, n, nr, a, b, c, d, e, f) {
  const req = typeof scope === 'function' ? new scope() : scope;
  const done = trace.enabled ? tracedCompleter(cb, req, nr, [a, b, c, d, e, f].slice(0, n)) : completer(cb, req);
  let id;
  switch (n) {
    case 0: id = eloop.submit(nr, done); break;
    case 1: id = eloop.submit(nr, a, done); break;
    case 2: id = eloop.submit(nr, a, b, done); break;
    case 3: id = eloop.submit(nr, a, b, c, done); break;
    case 4: id = eloop.submit(nr, a, b, c, d, done); break;
    case 5: id = eloop.submit(nr, a, b, c, d, e, done); break;
    default: id = eloop.submit(nr, a, b, c, d, e, f, done);
  }
  if (req !== scope) active.requestStarted(req);
  return id;
}

// The same as a Promise of the result (never rejected for a kernel error).
function call(nr, a, b, c, d, e, f) {
  const n = arguments.length - 1;
  return new Promise((resolve) => {
    submitIn(FSReqPromise, resolve, n, nr, a, b, c, d, e, f);
  });
}

// A Uint8Array over bytes [off, off + len) of any ArrayBufferView, for the
// kernel to read or write; the view keeps the buffer alive while its job runs.
// Callers have checked the range against byteLength.
function span(buf, off, len) {
  if (off === 0 && len <= buf.byteLength) return buf;
  return new Uint8Array(buf.buffer, buf.byteOffset + off, len);
}

module.exports = { submit, submitIn, call, span, runTicks, kpath, AT_FDCWD };
