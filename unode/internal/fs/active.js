// unode/internal/fs: what process.getActiveResourcesInfo() lists for fs, as
// Node lists its C++ objects: one 'FSReqCallback' or 'FSReqPromise' per job
// in flight, one 'FSEventWrap' per ref'd fs.watch watcher, one 'StatWatcher'
// per ref'd fs.watchFile watcher.
'use strict';

const pending = { FSREQCALLBACK: 0, FSREQPROMISE: 0 };
const watchers = new Set(); // objects with hasRef() and a `resourceName`

// Other job types (a watchFile poll: libuv's fs_poll makes no request object
// Node lists) are not counted.
function jobStarted(type) { if (type in pending) pending[type]++; }
function jobDone(type) { if (type in pending) pending[type]--; }
function watcherStarted(w) { watchers.add(w); }
function watcherStopped(w) { watchers.delete(w); }

// { requests, handles }: the names in Node's order of creation.
function info() {
  const requests = [];
  for (let i = 0; i < pending.FSREQCALLBACK; i++) requests.push('FSReqCallback');
  for (let i = 0; i < pending.FSREQPROMISE; i++) requests.push('FSReqPromise');
  const handles = [];
  for (const w of watchers) if (w.hasRef()) handles.push(w.resourceName);
  return { requests, handles };
}

module.exports = { jobStarted, jobDone, watcherStarted, watcherStopped, info };
