// libaio: timers (a binary min-heap keyed by deadline, then creation order)
// and immediates. The loop owns the heap and the queue; these objects are the
// handles users hold (ref/unref/refresh/close, like Node's Timeout/Immediate).
'use strict';

const TIMEOUT_MAX = 2 ** 31 - 1;

class Timer {
  constructor(loop, cb, ms, repeat, args) {
    this._loop = loop;
    this._cb = cb;
    this._args = args;
    this._ms = ms;
    this._repeat = repeat; // -1: once
    this._when = 0; // deadline, ms on CLOCK_MONOTONIC
    this._seq = 0; // ties on the deadline fire in the order they were scheduled
    this._idx = -1; // position in the heap, -1 when not scheduled
    this._ref = true;
  }

  // Whether the timer is scheduled.
  get active() {
    return this._idx >= 0;
  }

  hasRef() {
    return this._ref;
  }

  ref() {
    if (!this._ref) {
      this._ref = true;
      if (this._idx >= 0) this._loop._ref(1);
    }
    return this;
  }

  unref() {
    if (this._ref) {
      this._ref = false;
      if (this._idx >= 0) this._loop._ref(-1);
    }
    return this;
  }

  // Starts the countdown again from now (and schedules a timer that already fired).
  refresh() {
    if (this._cb !== null) this._loop._schedule(this, this._ms);
    return this;
  }

  // Cancels the timer (clearTimeout). A closed timer cannot be refreshed.
  close() {
    this._loop._unschedule(this);
    this._cb = null;
    return this;
  }
}

class Immediate {
  constructor(loop, cb, args) {
    this._loop = loop;
    this._cb = cb;
    this._args = args;
    this._queued = true;
    this._ref = true;
  }

  hasRef() {
    return this._ref;
  }

  ref() {
    if (!this._ref) {
      this._ref = true;
      if (this._queued) this._loop._ref(1);
    }
    return this;
  }

  unref() {
    if (this._ref) {
      this._ref = false;
      if (this._queued) this._loop._ref(-1);
    }
    return this;
  }

  // Cancels the immediate (clearImmediate).
  close() {
    this._loop._cancelImmediate(this);
    return this;
  }
}

function before(a, b) {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

// The heap lives in a plain array; each timer knows its index so that
// cancelling or refreshing one is O(log n).
class TimerHeap {
  constructor() {
    this.a = [];
  }

  get size() {
    return this.a.length;
  }

  top() {
    return this.a[0];
  }

  push(t) {
    const a = this.a;
    t._idx = a.length;
    a.push(t);
    this.up(t._idx);
  }

  pop() {
    const t = this.a[0];
    this.removeAt(0);
    return t;
  }

  remove(t) {
    if (t._idx >= 0) this.removeAt(t._idx);
  }

  removeAt(i) {
    const a = this.a;
    const t = a[i];
    const last = a.pop();
    t._idx = -1;
    if (i < a.length) {
      a[i] = last;
      last._idx = i;
      this.down(i);
      this.up(last._idx);
    }
  }

  up(i) {
    const a = this.a;
    const t = a[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const q = a[p];
      if (!before(t, q)) break;
      a[i] = q;
      q._idx = i;
      i = p;
    }
    a[i] = t;
    t._idx = i;
  }

  down(i) {
    const a = this.a;
    const n = a.length;
    const t = a[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && before(a[c + 1], a[c])) c++;
      if (!before(a[c], t)) break;
      a[i] = a[c];
      a[i]._idx = i;
      i = c;
    }
    a[i] = t;
    t._idx = i;
  }
}

module.exports = { Timer, Immediate, TimerHeap, TIMEOUT_MAX };
