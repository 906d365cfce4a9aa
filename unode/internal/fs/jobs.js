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
// callback. eloop delivers a batch of completions in one such call and
// flushes the queue between two of them (eloop/index.js); the last
// completion's ticks run after the batch, with no eloop frames under them (a
// batch usually holds one completion, so errors made in promise
// continuations have clean stacks). runTicks is that flush, for callers that
// deliver several results themselves.
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
// FileHandle.close()'s request; getActiveResourcesInfo() calls it CloseReq.
class FileHandleCloseReq extends AsyncResource {
  constructor() { super('FILEHANDLECLOSEREQ'); }
  static get infoName() { return 'CloseReq'; }
}

// The request class submit() gives a job: FSReqCallback, FSReqPromise while
// a promise form starts its jobs (promised(), call()), and during a
// completion the class of the request completing, so that a chain of jobs
// (a write continued, stat falling back to fstat, rm's walk) keeps the kind
// of the call that began it, as Node's requests do.
let current = FSReqCallback;

function withRequests(Class, fn) {
  const prev = current;
  current = Class;
  try {
    return fn();
  } finally {
    current = prev;
  }
}

// A Promise whose executor submits FSReqPromise jobs.
function promised(executor) {
  return new Promise((resolve, reject) => withRequests(FSReqPromise, () => executor(resolve, reject)));
}

// Node keeps a request listed (getActiveResourcesInfo, _getActiveRequests)
// until its callback and the ticks and microtasks that callback queued have
// run: the C++ request dies after its callback scope closes. Here those
// ticks run before the next completion of the batch or once eloop's batch
// has been handed back and its scope closed (eloop's after-batch hook), so a
// completed request is retired when the next completion begins or then.
let retiring = [];
function retire() {
  const done = retiring;
  retiring = [];
  for (let i = 0; i < done.length; i++) active.requestDone(done[i]);
}
eloop.onAfterBatch(retire);

// `req`: the job's request, or an AsyncResource it runs in without being a
// request of its own (a watchFile poll runs in its watcher's, as libuv's
// fs_poll makes no request Node lists).
// eloop has run the ticks of the completion before (between two
// callbacks, or Node's scope after the last batch); a tick that throws
// there cannot take this callback with it.
function complete(cb, req, r, nr, args) {
  if (retiring.length !== 0) retire();
  if (args !== undefined) trace.record(nr, args, r, { tag: 'eloop' });
  const isRequest = req instanceof FSReqCallback || req instanceof FSReqPromise ||
    req instanceof FileHandleCloseReq;
  const prev = current;
  current = isRequest ? req.constructor : FSReqCallback;
  try {
    req.runInAsyncScope(cb, undefined, r);
  } finally {
    current = prev;
    if (isRequest) retiring.push(req);
  }
}

function completer(cb, req) {
  return (r) => complete(cb, req, r);
}

// With UNODE_TRACE, each job is written to the trace when it completes
// (eloop runs it on a worker thread, out of reach of libjs's gate).
function tracedCompleter(cb, req, nr, args) {
  return (r) => complete(cb, req, r, nr, args);
}

// submit(cb, nr, ...args): cb(result) later, from the loop. Every object
// argument (a Buffer, a view over part of one, a NUL-terminated path) stays
// referenced by eloop until the completion has been delivered.
function submit(cb, nr, a, b, c, d, e, f) {
  return submitIn(current, cb, arguments.length - 2, nr, a, b, c, d, e, f);
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

module.exports = {
  submit, submitIn, call, promised, withRequests, FileHandleCloseReq, span, runTicks, kpath, AT_FDCWD,
};
