// unode/internal/fs: what process.getActiveResourcesInfo(),
// _getActiveRequests() and _getActiveHandles() show for fs, as Node shows its
// C++ objects: each request in flight (FSReqCallback, FSReqPromise), and each
// ref'd watcher (FSEventWrap, StatWatcher) by its owner, the object fs.watch
// or fs.watchFile gave out.
'use strict';

const requests = new Set(); // in creation order, as Node lists them
const watchers = new Set(); // handles with hasRef(), `resourceName` and `owner`

function requestStarted(req) { requests.add(req); }
function requestDone(req) { requests.delete(req); }
function watcherStarted(w) { watchers.add(w); }
function watcherStopped(w) { watchers.delete(w); }

// { requests, handles }: names, for getActiveResourcesInfo().
function info() {
  const names = [];
  for (const r of requests) names.push(r.constructor.infoName ?? r.constructor.name);
  const handles = [];
  for (const w of watchers) if (w.hasRef()) handles.push(w.resourceName);
  return { requests: names, handles };
}

function activeRequests() { return [...requests]; }

function activeHandles() {
  const out = [];
  for (const w of watchers) if (w.hasRef() && w.owner != null) out.push(w.owner);
  return out;
}

module.exports = { requestStarted, requestDone, watcherStarted, watcherStopped, info, activeRequests, activeHandles };
