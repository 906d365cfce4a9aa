// trace: inotify_add_watch statx|newfstatat
// process.getActiveResourcesInfo() lists unode's fs work as Node lists its
// C++ objects: a request per fs call in flight, a handle per ref'd watcher
// (an unref'd one is left out), before the timers; nothing once they end.
'use strict';
const fs = require('fs');
fs.writeFileSync('f', '');
console.log('start', process.getActiveResourcesInfo());
setTimeout(() => {}, 10);
setImmediate(() => {});
const w = fs.watch('.');
fs.stat('f', () => {});
fs.readFile('f', () => {});
fs.watchFile('f', { interval: 5 }, () => {});
const u = fs.watch('.');
u.unref();
console.log('busy', process.getActiveResourcesInfo());
console.log('requests', process._getActiveRequests().map((r) => r.constructor.name));
console.log('handles', process._getActiveHandles().filter((h) => h === w || h.constructor.name === 'StatWatcher').length);
w.close();
u.close();
fs.unwatchFile('f');
setTimeout(() => {
  console.log('end', process.getActiveResourcesInfo());
  fs.unlinkSync('f');
}, 50);
