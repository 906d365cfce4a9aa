// eloop: blocking system calls on a pthread pool, completed through one
// eventfd per environment. The job table here is what keeps every object a
// job points to alive until its completion has been delivered.
'use strict';
const libsys = require('libsys');

const native = libsys.eloop;
const results = native.results; // drain() writes (slot, result) pairs here
const BATCH = native.batch;
const ECANCELED = 125; // the generic Linux number, on x86-64 and aarch64 alike
const SLOT_SPAN = 2 ** 22; // job id = slot + SLOT_SPAN * reuse count
const ID_WRAP = Number.MAX_SAFE_INTEGER - SLOT_SPAN;

// Indexed by slot (the C side's job arena index).
const callbacks = [];
const held = []; // the argument object, or an array of them, the job points to
const ids = [];

let pending = 0; // submitted, not yet delivered
let refd = false; // whether pending jobs keep the process alive right now
let poll = null; // libsys poll handle on the eventfd when standalone
let host = null; // the attached loop's keep-alive hook
let count = 0; // pairs in `results`
let pos = 0; // next pair to deliver

// Node's own between-callbacks step (what its timers call between timers).
const runTicks = process._tickCallback;

function invalid(msg) {
  const err = new TypeError(msg);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function keep(k, x) {
  if (typeof x !== 'object' || x === null) return k;
  if (k === undefined) return x;
  if (Array.isArray(k)) {
    k.push(x);
    return k;
  }
  return [k, x];
}

function setRef(on) {
  refd = on;
  if (host !== null) host(on);
  else libsys.pollRef(poll, on);
}

// onAfterBatch(fn): fn() runs after each delivery of completions once the
// ticks and microtasks of its callbacks have run (unode's fs retires its
// requests there). The loop that drains eloop calls afterBatch().
const afterHooks = [];
function onAfterBatch(fn) {
  if (typeof fn !== 'function') throw invalid('eloop.onAfterBatch: fn must be a function');
  afterHooks.push(fn);
}
function afterBatch() {
  for (let i = 0; i < afterHooks.length; i++) afterHooks[i]();
}

function start() {
  if (host === null && poll === null) poll = libsys.pollOpen(native.fd(), 1, onReadable, afterBatch);
  setRef(true);
}

// submit(nr, ...args, callback): up to six arguments, marshalled as
// libsys.syscall marshals them. Returns the job id.
function submit(nr, a, b, c, d, e, f, g) {
  const n = arguments.length;
  let cb;
  let slot;
  switch (n) {
    case 2: cb = a; break;
    case 3: cb = b; break;
    case 4: cb = c; break;
    case 5: cb = d; break;
    case 6: cb = e; break;
    case 7: cb = f; break;
    case 8: cb = g; break;
    default:
      throw invalid(n < 2 ? 'eloop.submit: a syscall number and a callback are required'
        : `eloop.submit: at most 6 arguments between the syscall number and the callback, got ${n - 2}`);
  }
  if (typeof cb !== 'function') throw invalid('eloop.submit: the last argument must be a callback function');
  let k;
  switch (n) {
    case 2: slot = native.submit(nr); break;
    case 3: slot = native.submit(nr, a); k = keep(k, a); break;
    case 4: slot = native.submit(nr, a, b); k = keep(keep(k, a), b); break;
    case 5: slot = native.submit(nr, a, b, c); k = keep(keep(keep(k, a), b), c); break;
    case 6: slot = native.submit(nr, a, b, c, d); k = keep(keep(keep(keep(k, a), b), c), d); break;
    case 7: slot = native.submit(nr, a, b, c, d, e); k = keep(keep(keep(keep(keep(k, a), b), c), d), e); break;
    default: slot = native.submit(nr, a, b, c, d, e, f); k = keep(keep(keep(keep(keep(keep(k, a), b), c), d), e), f);
  }
  callbacks[slot] = cb;
  held[slot] = k;
  const prev = ids[slot];
  const id = prev === undefined || prev >= ID_WRAP ? slot : prev + SLOT_SPAN;
  ids[slot] = id;
  pending++;
  if (!refd) start();
  return id;
}

// promise(nr, ...args): resolves with the kernel's result; never rejects for
// a kernel error (that is a negative result); rejects with TypeError for bad
// arguments.
function promise(...args) {
  return new Promise((resolve) => {
    args.push(resolve);
    submit(...args);
  });
}

// cancel(id): true if the job was still queued; its callback then gets
// -ECANCELED. A running or finished job is not affected (false).
function cancel(id) {
  if (typeof id !== 'number') throw invalid('eloop.cancel: the job id must be a number');
  const slot = id % SLOT_SPAN;
  if (ids[slot] !== id || callbacks[slot] === undefined) return false;
  return native.cancel(slot);
}

// Runs the callbacks of one batch of completions (all there are, up to
// BATCH); the eventfd stays readable while more remain. A callback that
// throws leaves the rest of its batch for the next call, which kick()
// arranges; that call delivers those first, then takes a new batch (so the
// eventfd is read on every call, and an edge-triggered watcher misses none).
//
// drain(true) delivers one completion: eloop's own poll handle calls it so, and
// asks libsys to enter again (a new callback scope) while the batch has more,
// so each callback runs in a scope of its own as Node's requests' do: its
// ticks and microtasks run under Node's own tick loop, with no eloop frames
// beneath them, and one that throws is reported as Node reports it.
function drain(one = false) {
  let delivered = 0;
  let slot = -1;
  let fetched = false;
  try {
    for (;;) {
      if (pos === count) {
        if (fetched) break;
        fetched = true;
        pos = 0;
        count = native.drain();
        continue;
      }
      const i = 2 * pos++;
      slot = results[i] | 0;
      const cb = callbacks[slot];
      callbacks[slot] = undefined;
      pending--;
      delivered++;
      if (one) {
        if (pos < count) libsys.pollAgain(poll);
        cb(results[i + 1]);
        held[slot] = undefined;
        slot = -1;
        break;
      }
      cb(results[i + 1]);
      // Held through the callback: it may look at the buffer through a weak
      // reference only. The slot is not reused before the next native drain.
      held[slot] = undefined;
      slot = -1;
      // As Node does after each of its own callbacks (and between timers):
      // process.nextTick callbacks and microtasks run before the next one.
      if (pos < count) runTicks();
    }
  } finally {
    native.flush(); // submissions made by the callbacks go to the pool now
    if (one) {
      // The rest of the batch comes through pollAgain, set before the
      // callback ran (so also when it threw).
      if (slot !== -1) held[slot] = undefined;
      if (pos === count && pending === 0 && refd) setRef(false);
    } else if (slot !== -1 || pos < count) {
      // A callback, or a tick run between two callbacks, threw: come back
      // for the rest of the batch (the exception is Node's to report; not a
      // completion may be lost to it).
      if (slot !== -1) held[slot] = undefined;
      native.kick();
    } else if (pending === 0 && refd) {
      setRef(false);
    }
  }
  return delivered;
}

function onReadable() {
  drain(true);
}

// attach(onRef): another loop (libaio) watches the returned eventfd and calls
// drain() when it is readable; onRef(true/false) tells it when eloop has
// pending jobs, for its own keep-alive accounting.
function attach(onRef) {
  if (typeof onRef !== 'function') throw invalid('eloop.attach: onRef must be a function');
  if (host !== null) throw new Error('eloop: already attached to a loop');
  const fd = native.fd();
  if (poll !== null) {
    libsys.pollClose(poll);
    poll = null;
  }
  host = onRef;
  if (refd) onRef(true);
  if (pending > 0) native.kick(); // completions may have been waiting on the old watcher
  return fd;
}

// detach(): eloop watches its eventfd itself again.
function detach() {
  if (host === null) return;
  const old = host;
  host = null;
  if (refd) old(false);
  if (pending > 0 || refd) {
    poll = libsys.pollOpen(native.fd(), 1, onReadable, afterBatch);
    libsys.pollRef(poll, refd);
    native.kick();
  }
}

module.exports = {
  submit,
  promise,
  submitAsync: promise,
  cancel,
  drain,
  onAfterBatch,
  afterBatch,
  attach,
  detach,
  fd: () => native.fd(),
  pending: () => pending,
  poolSize: () => native.poolSize(),
  ECANCELED,
  BATCH,
};
