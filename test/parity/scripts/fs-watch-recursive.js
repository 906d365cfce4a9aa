// trace: inotify_init1 inotify_add_watch(*rw/sub*)
// timeout: 8000
'use strict';
const fs = require('fs');
fs.mkdirSync('rw/sub', { recursive: true });
fs.writeFileSync('rw/a.txt', 'a');
const events = [];
const w = fs.watch('rw', { recursive: true }, (type, name) => events.push(`${type} ${name}`));
w.on('close', () => {
  console.log(events.join('\n'));
  fs.rmSync('rw', { recursive: true });
});
const steps = [
  () => fs.writeFileSync('rw/sub/b.txt', 'b'),
  () => fs.mkdirSync('rw/sub/deeper'),
  () => fs.writeFileSync('rw/sub/deeper/c.txt', 'c'),
  () => fs.appendFileSync('rw/a.txt', '+'),
  () => fs.unlinkSync('rw/sub/b.txt'),
  () => { console.log('ref/unref return', w.ref(), w.unref()); w.close(); },
];
let i = 0;
const next = () => { steps[i++](); if (i < steps.length) setTimeout(next, 60); };
setTimeout(next, 60);
