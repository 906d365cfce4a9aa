// trace: inotify_init1|inotify_init inotify_add_watch(*wdir*)
// timeout: 8000
'use strict';
const fs = require('fs');
fs.mkdirSync('wdir');
const w = fs.watch('wdir');
console.log(w.constructor.name, typeof w.close, typeof w.ref, typeof w.unref);
let seen = false;
w.on('change', (type, name) => {
  if (seen) return;
  seen = true;
  console.log('event', type, name);
  w.close();
});
w.on('close', () => {
  console.log('closed');
  fs.rmSync('wdir', { recursive: true });
});
setTimeout(() => fs.writeFileSync('wdir/new.txt', 'x'), 50);
