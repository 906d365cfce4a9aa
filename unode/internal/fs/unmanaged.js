// unode/internal/fs: the fds that fs.open and fs.openSync hand out in a
// Worker, Node's "unmanaged fds" (Worker option trackUnmanagedFds, on by
// default): closed when the Worker ends, with Node's warnings for an fd
// opened twice or closed without having been opened here. libsys closes
// them at the environment's teardown, which a terminate() reaches without
// running any more JavaScript. On the main thread there is nothing to do.
'use strict';

const libsys = require('libsys');

// libsys knows (worker_threads costs ~2 ms to load, and loading it wraps
// Node's process.chdir).
const inWorker = () => !libsys.isMainThread;
const fds = new Set();

// After an open that gave `fd`.
function opened(fd) {
  if (!inWorker()) return;
  if (fds.has(fd)) {
    process.emitWarning(`File descriptor ${fd} opened in unmanaged mode twice`);
    return;
  }
  fds.add(fd);
  libsys.fdTrack(fd);
}

// Before a close of `fd` (untracked first, so that the number, once the
// kernel hands it out again, is not closed at teardown on someone's behalf).
function closing(fd) {
  if (!inWorker()) return;
  if (!fds.delete(fd)) {
    process.emitWarning(`File descriptor ${fd} closed but not opened in unmanaged mode`);
    return;
  }
  libsys.fdUntrack(fd);
}

module.exports = { opened, closing };
