// unode/internal/fs: the inotify instance behind fs.watch, as libuv keeps one
// per loop: one fd in libaio's loop, watches grouped by watch descriptor (the
// kernel gives one wd per inode), events turned into libuv's 'rename'/'change'
// and handed to every handle on that wd.
'use strict';

const { Buffer } = require('buffer');
const libsys = require('libsys');
// libsys knows (loading worker_threads would wrap Node's process.chdir).
const isMainThread = () => libsys.isMainThread;
const { inotify_init1, inotify_add_watch, inotify_rm_watch } = require('libjs/inotify');
const { read, close } = require('libjs/unistd');
const { iterate: inotifyEvents } = require('libjs/struct/inotify');
const C = require('libjs/constants');

const { IN_ATTRIB, IN_MODIFY, IN_NONBLOCK, IN_CLOEXEC, EPOLLIN } = C;
// What libuv asks the kernel for.
const MASK = C.IN_ATTRIB | C.IN_CREATE | C.IN_MODIFY | C.IN_DELETE | C.IN_DELETE_SELF |
  C.IN_MOVE_SELF | C.IN_MOVED_FROM | C.IN_MOVED_TO;
const UV_RENAME = 1;
const UV_CHANGE = 2;
const EINTR = -4;
const RAW = { encoding: 'buffer' }; // names as Buffers (copies): the watcher's encoding decides

// The runtime's hook that runs nextTicks and microtasks, as after each of
// Node's own callbacks (libuv calls every handle through MakeCallback).
const runTicks = typeof process._tickCallback === 'function' ? process._tickCallback : () => {};

let fd = -1;
let loop = null;
const lists = new Map(); // wd -> { wd, base (basename bytes of the first path), handles }
let handles = 0; // started handles
let refs = 0; // started handles that keep the process alive
const rbuf = Buffer.allocUnsafeSlow(4096);
const queue = []; // events read, not yet delivered: wd, events, name bytes or null
let head = 0; // the next one in `queue`
let delivering = false;

function init() {
  if (fd >= 0) return 0;
  const r = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (r < 0) return r;
  loop ??= require('libaio').getLoop();
  const added = loop.add(r, EPOLLIN, onReadable);
  if (added < 0) {
    close(r);
    return added;
  }
  fd = r;
  // A Worker that is terminated runs no JavaScript: libsys closes the fd then.
  if (!isMainThread()) libsys.fdTrack(fd);
  loop.setRef(fd, refs > 0);
  return 0;
}

// With no handle left the fd goes (libuv keeps it for the loop's life; a
// released fd is the better neighbour).
function maybeClose() {
  if (handles > 0 || fd < 0 || delivering) return;
  loop.remove(fd);
  if (!isMainThread()) libsys.fdUntrack(fd);
  close(fd);
  fd = -1;
  queue.length = 0;
  head = 0;
  current = null;
}

function onReadable() {
  for (;;) {
    const n = read(fd, rbuf, rbuf.length);
    if (n === EINTR) continue;
    if (n <= 0) break; // EAGAIN: all read
    for (const { wd, mask, name } of inotifyEvents(rbuf, n, RAW)) {
      let events = 0;
      if (mask & (IN_ATTRIB | IN_MODIFY)) events |= UV_CHANGE;
      if (mask & ~(IN_ATTRIB | IN_MODIFY)) events |= UV_RENAME;
      queue.push(wd, events, name);
    }
  }
  deliver();
}

// Each handle's callback runs like one of Node's: ticks and microtasks after
// it. One that throws (the exception goes to 'uncaughtException' as from any
// callback) leaves the rest, the same event's other handles first, for the
// next turn of the loop.
let current = null; // the event being handed out: { list, targets, i, events, bytes }

function deliver() {
  delivering = true;
  let done = false;
  try {
    for (;;) {
      if (current === null) {
        if (head >= queue.length) break;
        const wd = queue[head];
        const events = queue[head + 1];
        const name = queue[head + 2];
        queue[head + 2] = null;
        head += 3;
        const list = lists.get(wd);
        if (list === undefined) continue; // stale: nobody watches it any more
        current = { list, targets: list.handles.slice(), i: 0, events, bytes: name ?? list.base };
      }
      const c = current;
      while (c.i < c.targets.length) {
        const h = c.targets[c.i++];
        if (!c.list.handles.includes(h)) continue; // stopped by an earlier callback
        h._event(c.events, c.bytes);
        runTicks();
      }
      current = null;
    }
    done = true;
  } finally {
    delivering = false;
    if (done) {
      queue.length = 0;
      head = 0;
    } else {
      loop.setImmediate(deliver);
    }
    maybeClose();
  }
}

// Bytes after the last '/', as libuv's uv__basename_r ('' for a trailing '/').
function basename(bytes) {
  const i = bytes.lastIndexOf(0x2f);
  return i < 0 ? bytes : bytes.subarray(i + 1);
}

// Adds a started handle for `path` (a string or bytes): 0 or -errno.
function start(h, path, ref) {
  let r = init();
  if (r < 0) return r;
  const bytes = Buffer.from(path); // a string, or a copy of the caller's bytes
  r = inotify_add_watch(fd, bytes, MASK);
  if (r < 0) {
    maybeClose();
    return r;
  }
  let list = lists.get(r);
  if (list === undefined) {
    list = { wd: r, base: basename(bytes), handles: [] };
    lists.set(r, list);
  }
  list.handles.push(h);
  handles++;
  if (ref) setRef(1);
  return r;
}

function stop(h, wd, ref) {
  const list = lists.get(wd);
  if (list === undefined) return;
  const i = list.handles.indexOf(h);
  if (i < 0) return;
  list.handles.splice(i, 1);
  handles--;
  if (ref) setRef(-1);
  if (list.handles.length === 0) {
    lists.delete(wd);
    inotify_rm_watch(fd, wd); // EINVAL once the file is gone: nothing to undo
  }
  maybeClose();
}

function setRef(delta) {
  const before = refs;
  refs += delta;
  if (fd >= 0 && (before > 0) !== (refs > 0)) loop.setRef(fd, refs > 0);
}

// For tests: what the instance holds.
function state() {
  return { fd, handles, refs, watches: lists.size };
}

module.exports = { start, stop, setRef, state, UV_RENAME, UV_CHANGE };
