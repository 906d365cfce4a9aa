// libaio: Stream, a non-blocking byte stream over one fd (a TCP or Unix
// socket, a pipe end): reading until EAGAIN, a write queue with EPOLLOUT
// backpressure, half-close, inactivity timeout, descriptor passing on Unix
// sockets. Kernel errors reach callbacks as -errno; nothing here throws for one.
'use strict';
const { read, write } = require('libjs/unistd');
const { own, close } = require('./fd');
const { writev } = require('libjs/uio');
const { send, shutdown, sendmsg, recvmsg, getsockopt_int, setsockopt } = require('libjs/socket');
const { linger } = require('libjs/struct/sockopt');
const { cmsg } = require('libjs/struct/msghdr');
const { nowMs } = require('libjs/vdso');
const C = require('libjs/constants');
const { EAGAIN, EPIPE, ECANCELED, EBADF, ENOTSOCK } = require('libjs/errno');
const { WriteQueue } = require('./writequeue');
const { StreamHandle } = require('./handle');
const { typeError, checkFunctionOrNull, checkBuffer } = require('./util');

const { EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, MSG_NOSIGNAL, MSG_CMSG_CLOEXEC, CLOCK_MONOTONIC } = C;

const CONNECTING = 0, OPEN = 1, CLOSED = 2;
const SLAB = 65536; // reads go into a shared slab and are handed out as views of it
const MIN_READ = 16384; // a slab with less room left than this is replaced
const READ_BUDGET = 32; // reads per readiness event; level-triggered epoll reports the rest
const MAX_FDS = 253; // SCM_MAX_FD
const IO_EVENTS = EPOLLIN | EPOLLHUP | EPOLLERR;
const OUT_EVENTS = EPOLLOUT | EPOLLHUP | EPOLLERR;

const EMPTY = new Uint8Array(0);
const LINGER_0 = linger.encode(null, { onoff: 1, linger: 0 });
let slab = null;
let slabOff = 0;

function callSoon(cb, result) {
  process.nextTick(cb, result);
}

function asBytes(data, what) {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  checkBuffer(data, what);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

class Stream extends StreamHandle {
  // kind: 'tcp', 'unix' or 'pipe'. A stream is created by connect(), a
  // server's accept, pipe() or open(); not by users directly.
  constructor(loop, fd, kind, state) {
    super();
    this.loop = loop;
    this.fd = own(fd);
    this.kind = kind;
    this._state = state;
    this._interest = 0;
    this._registered = false;
    this._reading = false;
    this._eof = false;
    this._error = 0;
    this._ref = true;
    this._q = new WriteQueue();
    this._cork = 0;
    this._needDrain = false;
    this._ending = false;
    this._endCb = null;
    this._shut = false;
    this._idleMs = 0;
    this._idleTimer = null;
    this._lastActive = 0;
    this._ipc = false;
    this._ctl = null;
    this._msgOut = null;
    this._readBuffer = null;
    this.highWaterMark = 16384;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.onConnect = null;
    this.onData = null;
    this.onFds = null;
    this.onEnd = null;
    this.onDrain = null;
    this.onError = null;
    this.onClose = null;
    this.onTimeout = null;
    this._onEvent = (ev) => this._event(ev);
  }

  // Registers the fd with the loop: 0 or -errno (a regular file cannot be
  // watched by epoll: -EPERM).
  _register(events) {
    const r = this.loop.add(this.fd, events, this._onEvent);
    if (r < 0) return r;
    this._registered = true;
    this._interest = events;
    if (!this._ref) this.loop.setRef(this.fd, false);
    return 0;
  }

  // A buffer of the caller's to read into instead of the slab (onData gets
  // a view of it, valid until the next read), or null.
  get readBuffer() {
    return this._readBuffer;
  }

  set readBuffer(b) {
    if (b !== null && !(b instanceof Uint8Array && b.byteLength > 0))
      throw typeError('readBuffer must be a non-empty Uint8Array (or Buffer), or null');
    this._readBuffer = b;
  }

  get connecting() {
    return this._state === CONNECTING;
  }

  get closed() {
    return this._state === CLOSED;
  }

  get reading() {
    return this._reading;
  }

  // Bytes queued and not yet handed to the kernel.
  get writeQueueSize() {
    return this._q.bytes;
  }

  // The errno that stopped this stream, or 0.
  get error() {
    return this._error;
  }

  // --- interest ----------------------------------------------------------------

  _update() {
    if (this._state === CLOSED || !this._registered) return;
    let ev = 0;
    if (this._state === CONNECTING) ev = EPOLLOUT;
    else if (this._error === 0) {
      if (this._reading && !this._eof) ev = EPOLLIN;
      if (!this._q.empty && this._cork === 0) ev |= EPOLLOUT;
    }
    if (ev === this._interest) return;
    this._interest = ev;
    const r = this.loop.modify(this.fd, ev);
    if (r < 0) this._fail(r);
  }

  _event(ev) {
    if (this._state === CONNECTING) {
      this._finishConnect();
      return;
    }
    if (this._state !== OPEN) return;
    if ((ev & IO_EVENTS) !== 0 && this._reading) this._doRead();
    if ((ev & OUT_EVENTS) !== 0 && this._state === OPEN && !this._q.empty && this._cork === 0) {
      this._flush(false);
      this._afterWrite(false);
    }
  }

  // --- connecting --------------------------------------------------------------

  _finishConnect() {
    const err = getsockopt_int(this.fd, C.SOL_SOCKET, C.SO_ERROR);
    if (err !== 0) {
      const e = err < 0 ? err : -err;
      this._error = e;
      this._state = OPEN;
      this._update();
      this._failWrites(e);
      if (this._ending) this._endDone(e);
      if (this.onConnect !== null) this.onConnect(e);
      return;
    }
    this._state = OPEN;
    this._touch();
    if (!this._q.empty && this._cork === 0) this._flush(false);
    this._update();
    this._afterWrite(false);
    if (this.onConnect !== null) this.onConnect(0);
  }

  // A connect that failed at once: reported from the loop, never from inside connect().
  _connectFailed(err) {
    this._error = err;
    this._state = OPEN;
    this.loop._defer(failConnect, this, err);
  }

  // --- reading -----------------------------------------------------------------

  // Starts reading: onData(chunk) for each read, onEnd() at end of stream.
  // Chunks are views of a shared slab; they stay valid (nothing writes there
  // again), but a consumer that keeps a small one for long should copy it.
  resume() {
    if (typeof this.onData !== 'function') throw typeError('set stream.onData before resume()');
    if (this._reading) return this;
    this._reading = true;
    this._update();
    return this;
  }

  pause() {
    if (!this._reading) return this;
    this._reading = false;
    this._update();
    return this;
  }

  // ipc(true) on a Unix stream: reads use recvmsg and deliver received
  // descriptors through onFds(fds) just before the data they came with
  // (they are open in this process, close-on-exec: the consumer owns them).
  setIpc(on = true) {
    if (this.kind !== 'unix') return -ENOTSOCK;
    this._ipc = !!on;
    if (this._ipc && this._ctl === null) {
      this._ctl = Buffer.alloc(cmsg.SPACE(4 * MAX_FDS));
      this._msgOut = new Uint32Array(3);
    }
    return 0;
  }

  _doRead() {
    let budget = READ_BUDGET;
    while (this._reading && this._state === OPEN && this._error === 0) {
      const own = this._readBuffer;
      let buf, off, len;
      if (own !== null) {
        buf = own;
        off = 0;
        len = own.byteLength;
      } else {
        if (slab === null || SLAB - slabOff < MIN_READ) {
          slab = Buffer.allocUnsafeSlow(SLAB);
          slabOff = 0;
        }
        buf = slab;
        off = slabOff;
        len = SLAB - off;
      }
      const n = this._ipc ? this._recvmsg(buf, len, off) : read(this.fd, buf, len, off);
      if (n > 0) {
        this.bytesRead += n;
        if (this._idleMs > 0) this._touch();
        let chunk;
        if (own !== null) {
          chunk = Buffer.from(own.buffer, own.byteOffset, n);
        } else {
          chunk = Buffer.from(slab.buffer, slab.byteOffset + off, n);
          slabOff = (off + n + 7) & ~7;
        }
        this.onData(chunk);
        if (n < len || --budget === 0) break; // a short read emptied the socket's queue
      } else if (n === 0) {
        this._eof = true;
        this._update();
        if (this.onEnd !== null) this.onEnd();
        break;
      } else {
        if (n !== -EAGAIN) this._fail(n);
        break;
      }
    }
  }

  _recvmsg(buf, len, off) {
    const view = new Uint8Array(buf.buffer, buf.byteOffset + off, len);
    const out = this._msgOut;
    const n = recvmsg(this.fd, [view], MSG_CMSG_CLOEXEC, null, this._ctl, out);
    if (n >= 0 && out[1] > 0) {
      const fds = [];
      for (const m of cmsg.decode(this._ctl, out[1])) if (m.fds) fds.push(...m.fds);
      if (fds.length > 0) {
        if (this.onFds !== null) this.onFds(fds);
        else for (const fd of fds) close(fd); // nobody to own them
      }
    }
    return n;
  }

  // --- writing -----------------------------------------------------------------

  // write(data, cb): queues data (Buffer, TypedArray, DataView or a UTF-8
  // string) and returns whether the queue is below highWaterMark. cb(0 or
  // -errno) runs once every byte of it is handed to the kernel; never from
  // inside write() (process.nextTick when it went out at once). Nothing is
  // dropped: a short write continues, EAGAIN waits for EPOLLOUT.
  write(data, cb) {
    checkFunctionOrNull(cb, 'the write callback');
    return this._write(asBytes(data, 'data'), null, cb === undefined ? null : cb, null);
  }

  // writev(chunks, cb): several buffers in one go (writev, up to 64 a call).
  writev(chunks, cb) {
    checkFunctionOrNull(cb, 'the write callback');
    if (!Array.isArray(chunks)) throw typeError('writev: chunks must be an array');
    const bufs = chunks.map((c, i) => asBytes(c, `chunks[${i}]`));
    if (bufs.length <= 1) return this._write(bufs.length === 1 ? bufs[0] : EMPTY, null, cb === undefined ? null : cb, null);
    return this._write(null, bufs, cb === undefined ? null : cb, null);
  }

  // sendFds(data, fds, cb): data with descriptors (SCM_RIGHTS) on a Unix
  // socket; the descriptors arrive with the first byte of data (at least one).
  // The caller keeps its fds open until cb has run.
  sendFds(data, fds, cb) {
    checkFunctionOrNull(cb, 'the write callback');
    if (!Array.isArray(fds) || fds.length === 0 || fds.length > MAX_FDS)
      throw typeError(`sendFds: fds must be an array of 1 to ${MAX_FDS} descriptors`);
    const b = asBytes(data, 'data');
    if (b.byteLength === 0) throw typeError('sendFds: descriptors need at least one byte of data');
    if (this.kind !== 'unix') {
      if (cb) callSoon(cb, -ENOTSOCK);
      return false;
    }
    return this._write(b, null, cb === undefined ? null : cb, cmsg.encodeRights(fds));
  }

  // One buffer `b`, or several in `bufs`; the callback goes with the last.
  _write(b, bufs, cb, ctl) {
    if (this._state === CLOSED || this._ending || this._error !== 0) {
      const err = this._error !== 0 ? this._error : this._state === CLOSED ? -EBADF : -EPIPE;
      if (cb !== null) callSoon(cb, err);
      return false;
    }
    const idle = this._q.empty && this._cork === 0 && this._state === OPEN;
    if (idle && b !== null && ctl === null) {
      // Fast path: nothing queued, try the kernel at once.
      const len = b.byteLength;
      const n = len === 0 ? 0 : this._send(b, len, 0);
      if (n === len) {
        this.bytesWritten += n;
        if (this._idleMs > 0) this._touch();
        if (cb !== null) callSoon(cb, 0);
        return true;
      }
      if (n < 0 && n !== -EAGAIN) {
        if (cb !== null) callSoon(cb, n);
        this._failSoon(n);
        return false;
      }
      this._q.push(b, cb, null);
      if (n > 0) this._consume(n, true);
      this._update();
      return this._belowMark();
    }
    if (b !== null) this._q.push(b, cb, ctl);
    else for (let i = 0; i < bufs.length; i++) this._q.push(bufs[i], i === bufs.length - 1 ? cb : null, null);
    if (idle) {
      this._flush(true);
      this._update();
      this._afterWrite(true);
      if (this._state !== OPEN || this._error !== 0) return false;
    }
    return this._belowMark();
  }

  _belowMark() {
    const ok = this._q.bytes < this.highWaterMark;
    if (!ok) this._needDrain = true;
    return ok;
  }

  _send(b, len, off) {
    return this.kind === 'pipe' ? write(this.fd, b, len, off) : send(this.fd, b, len, MSG_NOSIGNAL, off);
  }

  // Writes from the queue until it is empty or the kernel takes no more.
  // sync: called from the user's call (write, uncork): completions are
  // deferred to process.nextTick.
  _flush(sync) {
    const q = this._q;
    while (!q.empty && this._state === OPEN && this._error === 0) {
      let n, want;
      const ctl = q.headCtl();
      if (ctl !== null) {
        const first = q.first();
        want = first.byteLength;
        n = sendmsg(this.fd, [first], MSG_NOSIGNAL, null, ctl);
        if (n > 0) q.ctlSent();
      } else if (q.single()) {
        const b = q.bufs[q.head];
        want = b.byteLength - q.off;
        n = want === 0 ? 0 : this._send(b, want, q.off);
      } else {
        want = q.batch();
        n = writev(this.fd, q.iov);
        q.iov.length = 0;
      }
      if (n < 0) {
        if (n !== -EAGAIN) this._fail(n);
        return;
      }
      this._consume(n, sync);
      if (n < want) return;
    }
  }

  // Accounts n written bytes; runs the callbacks of the buffers completed.
  _consume(n, sync) {
    this.bytesWritten += n;
    if (this._idleMs > 0) this._touch();
    const done = this._q.consume(n);
    if (done !== null) for (const cb of done) if (sync) callSoon(cb, 0); else cb(0);
  }

  // After a flush: the drained signal, a pending shutdown.
  _afterWrite(sync) {
    if (!this._q.empty || this._state !== OPEN || this._error !== 0) return;
    if (this._ending && !this._shut) this._doShutdown();
    if (this._needDrain) {
      this._needDrain = false;
      if (sync) process.nextTick(emitDrain, this);
      else if (this.onDrain !== null) this.onDrain();
    }
  }

  cork() {
    this._cork++;
    return this;
  }

  uncork() {
    if (this._cork === 0) return this;
    if (--this._cork === 0 && this._state === OPEN && this._error === 0 && !this._q.empty) {
      this._flush(true);
      this._update();
      this._afterWrite(true);
    }
    return this;
  }

  // --- half-close and close -------------------------------------------------------

  // end(cb): once the queue has drained, shut down the sending side
  // (shutdown SHUT_WR; a pipe's write end is closed). cb(0 or -errno).
  // Reading goes on until the peer ends too.
  end(cb) {
    checkFunctionOrNull(cb, 'the end callback');
    if (this._ending || this._state === CLOSED) {
      if (cb) callSoon(cb, this._state === CLOSED ? -EBADF : 0);
      return this;
    }
    this._ending = true;
    this._endCb = cb || null;
    if (this._cork > 0) {
      // As Node's end(): corked writes go out first.
      this._cork = 1;
      this.uncork();
    }
    if (this._state === OPEN && this._q.empty && !this._shut) {
      if (this._error !== 0) this._endDone(this._error);
      else this._doShutdown();
    }
    return this;
  }

  _doShutdown() {
    this._shut = true;
    if (this.kind === 'pipe') {
      this.close();
      this._endDone(0);
      return;
    }
    const r = shutdown(this.fd, C.SHUT_WR);
    this._endDone(r < 0 ? r : 0);
  }

  _endDone(r) {
    const cb = this._endCb;
    this._endCb = null;
    if (cb !== null) callSoon(cb, r);
  }

  // close(cb): stops everything and closes the fd at once; queued writes
  // complete with -ECANCELED; onClose() and cb() run from the loop afterwards.
  close(cb) {
    checkFunctionOrNull(cb, 'the close callback');
    if (this._state === CLOSED) {
      if (cb) callSoon(cb);
      return;
    }
    this._state = CLOSED;
    this._reading = false;
    if (this._idleTimer !== null) {
      this._idleTimer.close();
      this._idleTimer = null;
    }
    if (this.fd >= 0) {
      if (this._registered) this.loop.remove(this.fd);
      close(this.fd);
    }
    this._registered = false;
    this.fd = -1;
    this.loop._defer(finishClose, this, cb || null);
  }

  destroy(cb) {
    this.close(cb);
  }

  // reset(cb): close with a reset (SO_LINGER 0): the peer sees ECONNRESET,
  // unsent data is discarded (Node's resetAndDestroy).
  reset(cb) {
    if (this.fd >= 0 && this.kind === 'tcp') setsockopt(this.fd, C.SOL_SOCKET, C.SO_LINGER, LINGER_0);
    this.close(cb);
  }

  // --- errors --------------------------------------------------------------------

  _fail(err) {
    if (this._error !== 0 || this._state === CLOSED) return;
    this._error = err;
    this._reading = false;
    this._update();
    if (this.onError !== null) this.onError(err);
    this._failWrites(err);
    if (this._ending) this._endDone(err);
  }

  _failSoon(err) {
    if (this._error !== 0) return;
    this._error = err;
    this._reading = false;
    this._update();
    process.nextTick(() => {
      if (this._state === CLOSED) return;
      if (this.onError !== null) this.onError(err);
      this._failWrites(err);
    });
  }

  _failWrites(err) {
    for (const cb of this._q.clear()) cb(err);
  }

  // --- inactivity timeout ------------------------------------------------------

  // setTimeout(ms, cb): onTimeout() after ms without reads or writes (0
  // turns it off). It does not close anything, and it does not keep the
  // process alive; it fires again only after new activity.
  setTimeout(ms, cb) {
    if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms))
      throw typeError(`setTimeout: ms must be a non-negative finite Number, got ${ms}`);
    checkFunctionOrNull(cb, 'the timeout callback');
    if (cb) this.onTimeout = cb;
    this._idleMs = ms;
    if (ms === 0) {
      if (this._idleTimer !== null) this._idleTimer.close();
      this._idleTimer = null;
      return this;
    }
    if (this._state === CLOSED) return this;
    this._lastActive = nowMs(CLOCK_MONOTONIC);
    if (this._idleTimer === null) this._idleTimer = this.loop.setTimeout(() => this._onIdle(), ms).unref();
    else this.loop._schedule(this._idleTimer, ms);
    return this;
  }

  _touch() {
    this._lastActive = this.loop._time();
    const t = this._idleTimer;
    if (t !== null && t._idx < 0) this.loop._schedule(t, this._idleMs);
  }

  _onIdle() {
    const left = this._lastActive + this._idleMs - nowMs(CLOCK_MONOTONIC);
    if (left > 0.5) {
      this.loop._schedule(this._idleTimer, left);
      return;
    }
    if (this.onTimeout !== null) this.onTimeout();
  }
}

function emitDrain(s) {
  if (s._state === OPEN && s.onDrain !== null) s.onDrain();
}

function failConnect(s, err) {
  if (s._state === CLOSED) return;
  s._failWrites(err);
  if (s._ending) s._endDone(err);
  if (s.onConnect !== null) s.onConnect(err);
}

function finishClose(s, cb) {
  s._failWrites(-ECANCELED);
  if (s._endCb !== null) s._endDone(-ECANCELED);
  if (s.onClose !== null) s.onClose();
  if (cb !== null) cb();
}

module.exports = { Stream, CONNECTING, OPEN, CLOSED };
