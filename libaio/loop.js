// libaio: the event loop. One epoll instance; an fd-to-handler map; a timer
// heap armed through a timerfd (hosted) or the epoll_wait timeout
// (standalone); an immediate queue; eloop's completion eventfd. Hosted in
// Node's own loop through libsys's poll hook, or driven by run().
'use strict';
const libsys = require('libsys');
const { epoll_create1, epoll_ctl_data, epoll_wait } = require('libjs/epoll');
const { timerfd_create, timerfd_settime } = require('libjs/timerfd');
const { eventfd2 } = require('libjs/eventfd');
const { read, write } = require('libjs/unistd');
const { own, close } = require('./fd');
const { open } = require('libjs/fcntl');
const { nowMs } = require('libjs/vdso');
const { layout: EPOLL_LAYOUT, SIZE: EPOLL_EVENT_SIZE } = require('libjs/struct/epoll');
const C = require('libjs/constants');
const { EEXIST, ENOENT, EINTR } = require('libjs/errno');
const { Timer, Immediate, TimerHeap, TIMEOUT_MAX } = require('./timers');
const { typeError, checkFunction, checkInt, checkFd, errnoError } = require('./util');

const { EPOLLIN, EPOLLERR, EPOLLHUP, EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD } = C;
const { CLOCK_MONOTONIC } = C;
const STRIDE = EPOLL_EVENT_SIZE >> 2; // 32-bit words per struct epoll_event
const DATA = EPOLL_LAYOUT.fields.data[0] >> 2; // word of epoll_data: [fd, generation]
const GEN_MOD = 2 ** 20; // fd + generation * 2**32 stays below 2**53
const TWO32 = 2 ** 32;

// The runtime's hook that runs process.nextTick callbacks and promise
// microtasks (what Node runs between two of its own callbacks). Standalone
// run() needs it, or no promise would settle while it owns the thread.
const runTicks = typeof process._tickCallback === 'function' ? process._tickCallback : null;
const HAS_TICKS = runTicks !== null;

class FdEntry {
  constructor(fd, gen, events, cb) {
    this.fd = fd;
    this.gen = gen;
    this.events = events; // interest; 0: known to the loop, not in epoll
    this.cb = cb;
    this.ref = true;
  }
}

class Loop {
  constructor(options = {}) {
    if (options === null || typeof options !== 'object') throw typeError('Loop options must be an object');
    const { hosted = true, eloop = false, maxEvents = 1024 } = options;
    checkInt(maxEvents, 1, 65536, 'maxEvents');
    this.hosted = !!hosted;
    this._fds = [];
    this._gen = 0;
    this._refs = 0;
    this._now = nowMs(CLOCK_MONOTONIC);
    this._nowValid = false; // _now is read at most once a pass, and only if needed
    this._cap = maxEvents;
    this._evbuf = new Uint8Array(new ArrayBuffer(maxEvents * EPOLL_EVENT_SIZE));
    this._ev = new Uint32Array(this._evbuf.buffer);
    this._heap = new TimerHeap();
    this._seq = 0;
    this._armed = Infinity; // the deadline the timerfd is set for
    this._its = new BigInt64Array(4); // struct itimerspec for timerfd_settime
    this._imm = [];
    this._immHead = 0;
    this._immCount = 0;
    this._pending = []; // fn, a, b triples
    this._pendingHead = 0;
    this._woken = false;
    this._u64 = new BigUint64Array(1);
    this._inTick = false;
    this._ticksDue = false; // a callback ran since process.nextTick's queue last ran
    this._running = false;
    this._stopped = false;
    this._closed = false;
    this._hook = null;
    this._eloop = null;
    this._eloopFd = -1;
    this._fixed = []; // the loop's own fds

    const fixed = (r, name) => {
      if (r < 0) {
        this._closeFixed();
        throw errnoError(r, name);
      }
      this._fixed.push(own(r));
      return r;
    };
    this.epfd = fixed(epoll_create1(C.EPOLL_CLOEXEC), 'epoll_create1');
    this._tfd = fixed(timerfd_create(CLOCK_MONOTONIC, C.TFD_NONBLOCK | C.TFD_CLOEXEC), 'timerfd_create');
    this._wfd = fixed(eventfd2(0, C.EFD_NONBLOCK | C.EFD_CLOEXEC), 'eventfd2');
    // A spare descriptor: when accept4 fails with EMFILE, a server closes it,
    // accepts and drops the connection, and opens it again, so a level-
    // triggered listener does not spin on a backlog it cannot empty.
    this._spare = fixed(open('/dev/null', C.O_RDONLY | C.O_CLOEXEC), 'open');
    this._internal(this._tfd, () => this._onTimerFd());
    this._internal(this._wfd, () => this._onWake());
    if (this.hosted) {
      this._hook = libsys.pollOpen(this.epfd, 1, () => this._iterate(false, true), () => this._afterPass());
      libsys.pollRef(this._hook, false);
    }
    if (eloop) this._attachEloop();
  }

  // --- fds ---------------------------------------------------------------

  // add(fd, events, callback): watch fd for `events` (EPOLLIN, EPOLLOUT, ...;
  // 0 keeps it known but unwatched). callback(events, fd) runs in the loop.
  // Returns 0 or -errno (-EEXIST if fd is already added).
  add(fd, events, callback) {
    checkFd(fd);
    checkInt(events, 0, 0xffffffff, 'events');
    checkFunction(callback, 'callback');
    if (this._fds[fd] !== undefined) return -EEXIST;
    this._gen = (this._gen + 1) % GEN_MOD;
    const e = new FdEntry(fd, this._gen, 0, callback);
    if (events !== 0) {
      const r = epoll_ctl_data(this.epfd, EPOLL_CTL_ADD, fd, events, fd + e.gen * TWO32);
      if (r < 0) return r;
      e.events = events;
      this._ref(1);
    }
    this._fds[fd] = e;
    return 0;
  }

  // modify(fd, events): change the interest. 0 takes fd out of epoll (so a
  // hang-up on an fd nobody reads cannot wake the loop again and again).
  modify(fd, events) {
    if ((events >>> 0) !== events) checkInt(events, 0, 0xffffffff, 'events');
    const e = this._fds[fd];
    if (e === undefined) return -ENOENT;
    if (e.events === events) return 0;
    let r;
    if (events === 0) r = epoll_ctl_data(this.epfd, EPOLL_CTL_DEL, fd, 0, 0);
    else r = epoll_ctl_data(this.epfd, e.events === 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, events, fd + e.gen * TWO32);
    if (r < 0) return r;
    if (e.ref && (e.events === 0) !== (events === 0)) this._ref(events === 0 ? -1 : 1);
    e.events = events;
    return 0;
  }

  // remove(fd): forget fd. Call it before closing fd: a descriptor shared
  // with another process (fork) stays in epoll after close otherwise.
  remove(fd) {
    const e = this._fds[fd];
    if (e === undefined) return -ENOENT;
    this._fds[fd] = undefined;
    if (e.events !== 0) {
      if (e.ref) this._ref(-1);
      e.events = 0;
      return epoll_ctl_data(this.epfd, EPOLL_CTL_DEL, fd, 0, 0);
    }
    return 0;
  }

  // Whether a watched fd keeps the process alive (default true). An fd with
  // no interest never does, like an inactive libuv handle.
  setRef(fd, on) {
    const e = this._fds[fd];
    if (e === undefined || e.ref === !!on) return;
    e.ref = !!on;
    if (e.events !== 0) this._ref(on ? 1 : -1);
  }

  interest(fd) {
    const e = this._fds[fd];
    return e === undefined ? -1 : e.events;
  }

  has(fd) {
    return this._fds[fd] !== undefined;
  }

  _internal(fd, cb) {
    const r = this.add(fd, EPOLLIN, cb);
    if (r < 0) throw errnoError(r, 'epoll_ctl');
    this.setRef(fd, false);
  }

  // --- keep-alive ----------------------------------------------------------

  _ref(delta) {
    const before = this._refs;
    this._refs = before + delta;
    if (this._hook !== null && (before === 0) !== (this._refs === 0)) libsys.pollRef(this._hook, this._refs > 0);
  }

  // Whether the loop has referenced work: watched fds, timers, immediates,
  // eloop jobs, pending callbacks, holds.
  alive() {
    return this._refs > 0;
  }

  get refCount() {
    return this._refs;
  }

  // hold()/release(): keep the loop alive for work it cannot see (a child
  // process being waited for through a pidfd that is not added yet, say).
  hold() {
    this._ref(1);
  }

  release() {
    if (this._refs <= 0) throw new Error('libaio: release() without hold()');
    this._ref(-1);
  }

  now() {
    return nowMs(CLOCK_MONOTONIC);
  }

  // --- timers --------------------------------------------------------------

  setTimeout(cb, ms, ...args) {
    return this._timer(cb, ms, -1, args);
  }

  setInterval(cb, ms, ...args) {
    return this._timer(cb, ms, 0, args);
  }

  clearTimeout(t) {
    if (t instanceof Timer) t.close();
  }

  clearInterval(t) {
    if (t instanceof Timer) t.close();
  }

  _timer(cb, ms, repeat, args) {
    checkFunction(cb, 'the timer callback');
    if (typeof ms !== 'number' || !(ms >= 0) || ms > TIMEOUT_MAX)
      throw typeError(`the delay must be a Number from 0 to ${TIMEOUT_MAX} ms, got ${ms}`);
    const t = new Timer(this, cb, ms, repeat < 0 ? -1 : ms, args.length ? args : null);
    this._schedule(t, ms);
    return t;
  }

  _schedule(t, ms) {
    const heap = this._heap;
    const was = t._idx >= 0;
    t._when = nowMs(CLOCK_MONOTONIC) + ms;
    t._seq = ++this._seq;
    if (was) heap.remove(t);
    heap.push(t);
    if (!was && t._ref) this._ref(1);
    if (!this._inTick && !this._running) this._armTimer();
  }

  _unschedule(t) {
    if (t._idx < 0) return;
    this._heap.remove(t);
    if (t._ref) this._ref(-1);
  }

  // Hosted: the timerfd is set (absolute, CLOCK_MONOTONIC, the clock the
  // deadlines are read from) for the earliest deadline when that is earlier
  // than what it is set for; a later wake-up for a cancelled timer is
  // harmless and cheaper than re-setting it on every cancel.
  _armTimer() {
    if (this._hook === null || this._heap.size === 0) return;
    const when = this._heap.top()._when;
    if (when >= this._armed) return;
    const its = this._its;
    const ns = Math.ceil(when * 1e6);
    its[0] = 0n;
    its[1] = 0n;
    its[2] = BigInt(Math.floor(ns / 1e9));
    its[3] = BigInt(ns % 1e9);
    const r = timerfd_settime(this._tfd, C.TFD_TIMER_ABSTIME, its, null);
    if (r < 0) throw errnoError(r, 'timerfd_settime');
    this._armed = when;
  }

  _onTimerFd() {
    read(this._tfd, this._u64, 8);
    this._armed = Infinity;
    this._nowValid = false;
    this._runTimers();
  }

  // The time of this pass (the clock costs ~200 ns a read here: once a pass).
  _time() {
    if (!this._nowValid) {
      this._now = nowMs(CLOCK_MONOTONIC);
      this._nowValid = this._inTick;
    }
    return this._now;
  }

  _runTimers() {
    const heap = this._heap;
    const now = this._time();
    const last = this._seq; // timers scheduled by these callbacks wait for the next pass
    while (heap.size > 0) {
      const t = heap.top();
      if (t._when > now || t._seq > last) break;
      heap.removeAt(0);
      if (t._repeat >= 0) {
        t._when = now + Math.max(1, t._repeat);
        t._seq = ++this._seq;
        heap.push(t);
      } else if (t._ref) {
        this._ref(-1);
      }
      const cb = t._cb;
      if (this._ticksDue) this._runTicks();
      if (t._args === null) cb.call(t);
      else cb.apply(t, t._args);
      this._ticksDue = HAS_TICKS;
    }
  }

  // --- immediates and pending callbacks ----------------------------------------

  setImmediate(cb, ...args) {
    checkFunction(cb, 'the immediate callback');
    const im = new Immediate(this, cb, args.length ? args : null);
    this._imm.push(im);
    this._immCount++;
    this._ref(1);
    if (!this._inTick && !this._running) this._wake();
    return im;
  }

  clearImmediate(im) {
    if (im instanceof Immediate) im.close();
  }

  _cancelImmediate(im) {
    if (!im._queued) return;
    im._queued = false;
    im._cb = null;
    this._immCount--;
    if (im._ref) this._ref(-1);
  }

  _runImmediates() {
    const q = this._imm;
    const end = q.length; // those queued while these run wait for the next iteration
    while (this._immHead < end) {
      const im = q[this._immHead];
      q[this._immHead++] = undefined;
      if (!im._queued) continue;
      im._queued = false;
      this._immCount--;
      if (im._ref) this._ref(-1);
      const cb = im._cb;
      im._cb = null;
      if (this._ticksDue) this._runTicks();
      if (im._args === null) cb.call(im);
      else cb.apply(im, im._args);
      this._ticksDue = HAS_TICKS;
    }
    if (this._immHead === q.length) {
      q.length = 0;
      this._immHead = 0;
    } else if (this._immHead > 1024) {
      q.splice(0, this._immHead);
      this._immHead = 0;
    }
  }

  // Internal: run fn(a, b) in the next iteration's pending phase (results
  // that must not be delivered from inside the call that produced them, as
  // libuv delivers a connect error found at once). Keeps the loop alive.
  _defer(fn, a, b) {
    this._pending.push(fn, a, b);
    this._ref(1);
    if (!this._inTick && !this._running) this._wake();
  }

  _runPending() {
    const q = this._pending;
    const end = q.length; // those deferred by these callbacks wait for the next pass
    // The position lives on the loop: a callback that throws leaves the rest
    // for the next pass.
    while (this._pendingHead < end) {
      const i = this._pendingHead;
      this._pendingHead = i + 3;
      const fn = q[i], a = q[i + 1], b = q[i + 2];
      q[i] = q[i + 1] = q[i + 2] = undefined;
      this._ref(-1);
      if (this._ticksDue) this._runTicks();
      fn(a, b);
      this._ticksDue = HAS_TICKS;
    }
    if (this._pendingHead === q.length) {
      q.length = 0;
      this._pendingHead = 0;
    } else if (this._pendingHead > 3072) {
      q.splice(0, this._pendingHead);
      this._pendingHead = 0;
    }
  }

  // Hosted: makes the epoll fd readable so that Node's loop calls back.
  _wake() {
    if (this._woken || this._hook === null) return;
    this._woken = true;
    this._u64[0] = 1n;
    write(this._wfd, this._u64, 8);
  }

  _onWake() {
    read(this._wfd, this._u64, 8);
    this._woken = false;
  }

  // --- iterations ------------------------------------------------------------

  // One pass: timers, pending callbacks, I/O (waiting up to the timeout when
  // `wait`), immediates. Hosted, Node calls this when the epoll fd is
  // readable (through napi_make_callback: nextTicks and microtasks run
  // afterwards, and between callbacks here).
  _iterate(wait, viaTick = false) {
    this._inTick = true;
    this._nowValid = false;
    try {
      if (this._heap.size > 0) this._runTimers();
      if (this._pendingHead < this._pending.length) this._runPending();
      if (wait && this._ticksDue) this._runTicks(); // what they queue decides the wait
      let timeout = 0;
      if (wait && this._refs > 0 && this._immCount === 0 && this._pendingHead === this._pending.length && !this._stopped) {
        if (this._heap.size === 0) timeout = -1;
        else timeout = Math.max(0, Math.min(TIMEOUT_MAX, Math.ceil(this._heap.top()._when - nowMs(CLOCK_MONOTONIC))));
      }
      const n = epoll_wait(this.epfd, this._evbuf, this._cap, timeout);
      if (n > 0) {
        if (timeout !== 0) this._nowValid = false;
        this._dispatch(n);
      } else if (n < 0 && n !== -EINTR) {
        throw errnoError(n, 'epoll_wait');
      }
      if (this._immCount > 0) this._runImmediates();
      if (!viaTick) {
        if (this._ticksDue) this._runTicks();
        this._afterPass();
      }
    } finally {
      this._inTick = false;
      this._nowValid = false;
      if (!this._running) this._afterTick();
    }
  }

  // Node runs process.nextTick callbacks and microtasks after each of its
  // callbacks. Here they run before the next callback of the same pass, or
  // at the end of the pass when none follows: hosted, the pass is itself a
  // nextTick callback (libsys's poll hook), and Node's tick loop runs them as
  // soon as it returns, so the pass does not call that loop a second time.
  _runTicks() {
    this._ticksDue = false;
    runTicks();
  }

  // After a pass and the ticks and microtasks its callbacks queued (hosted:
  // called by libsys's poll hook once the pass's callback scope has closed).
  _afterPass() {
    if (this._eloop !== null) this._eloop.afterBatch();
  }

  _afterTick() {
    if (this._closed) return;
    if (this._immCount > 0 || this._pendingHead < this._pending.length) this._wake();
    this._armTimer();
  }

  _dispatch(n) {
    const ev = this._ev;
    const fds = this._fds;
    for (let i = 0; i < n; i++) {
      const b = i * STRIDE;
      const e = fds[ev[b + DATA]];
      // Skip events of an fd removed (or closed and reused) earlier in this batch.
      if (e === undefined || e.gen !== ev[b + DATA + 1] || e.events === 0) continue;
      const events = ev[b] & (e.events | EPOLLERR | EPOLLHUP);
      if (events === 0) continue;
      if (this._ticksDue) this._runTicks();
      e.cb(events, e.fd);
      this._ticksDue = HAS_TICKS;
    }
  }

  // run(): drive the loop on this thread (standalone) until no referenced
  // work is left or stop() is called. Hosted loops stop Node from polling the
  // epoll fd meanwhile and hand it back afterwards.
  run() {
    if (this._running || this._inTick) throw new Error('libaio: run() called while the loop is running');
    if (this._closed) throw new Error('libaio: run() on a closed loop');
    this._running = true;
    this._stopped = false;
    if (this._hook !== null) libsys.pollSet(this._hook, 0);
    try {
      if (runTicks !== null) runTicks();
      while (!this._stopped && this._refs > 0) this._iterate(true);
    } finally {
      this._running = false;
      if (this._hook !== null && !this._closed) {
        libsys.pollSet(this._hook, 1);
        this._afterTick();
      }
    }
  }

  // runOnce(): one standalone pass, waiting for events if there is nothing
  // else to do. Returns whether referenced work remains.
  runOnce() {
    if (this._running || this._inTick) throw new Error('libaio: runOnce() called while the loop is running');
    this._running = true;
    try {
      this._iterate(this._refs > 0);
    } finally {
      this._running = false;
      if (this._hook !== null && !this._closed) this._afterTick();
    }
    return this._refs > 0;
  }

  stop() {
    this._stopped = true;
  }

  // --- eloop -------------------------------------------------------------------

  _attachEloop() {
    const eloop = require('eloop');
    const fd = eloop.attach((on) => this._ref(on ? 1 : -1));
    this._eloop = eloop;
    this._eloopFd = fd;
    this._internal(fd, () => eloop.drain());
  }

  close() {
    if (this._closed) return;
    if (this._running || this._inTick) throw new Error('libaio: close() while the loop is running');
    this._closed = true;
    if (this._eloop !== null) {
      this.remove(this._eloopFd);
      this._eloop.detach();
      this._eloop = null;
    }
    if (this._hook !== null) {
      libsys.pollClose(this._hook);
      this._hook = null;
    }
    this._closeFixed();
  }

  // A Worker's environment is ending: close every fd the loop knows (the
  // handles built on it own them) and its own, as Node closes a Worker's
  // handles. eloop's eventfd is eloop's to close.
  _teardown() {
    if (this._closed) return;
    for (const e of this._fds) {
      if (e === undefined || e.fd === this._eloopFd || this._fixed.includes(e.fd)) continue;
      close(e.fd);
    }
    this._fds = [];
    this._eloop = null;
    this._closed = true;
    if (this._hook !== null) {
      libsys.pollClose(this._hook);
      this._hook = null;
    }
    this._closeFixed();
  }

  _closeFixed() {
    for (const fd of this._fixed) close(fd);
    this._fixed = [];
  }
}

let defaultLoop = null;

// The process's loop: hosted in Node's, with eloop's completions drained here.
function getLoop() {
  if (defaultLoop === null) {
    defaultLoop = new Loop({ hosted: true, eloop: true });
    // The main thread's fds go with the process; a Worker's must be closed
    // when it ends (its 'exit' event; worker.terminate() runs no JavaScript:
    // see docs/libaio.md).
    if (!libsys.isMainThread) {
      const loop = defaultLoop;
      process.once('exit', () => loop._teardown());
    }
  }
  return defaultLoop;
}

// The loop argument of the handle factories: the default loop when omitted.
function loopArg(loop) {
  if (loop === undefined) return getLoop();
  if (!(loop instanceof Loop)) throw typeError('loop must be a libaio Loop');
  return loop;
}

module.exports = { Loop, FdEntry, getLoop, loopArg };
