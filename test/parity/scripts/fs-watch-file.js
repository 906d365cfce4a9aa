// trace: inotify_add_watch(*wf.txt*)
// timeout: 8000
'use strict';
const fs = require('fs');
fs.writeFileSync('wf.txt', 'a');
const events = [];
const w = fs.watch('wf.txt', { persistent: true }, (type, name) => {
  events.push(`${type} ${name}`);
  if (events.length === 1) {
    console.log(events[0]);
    w.close();
    fs.unlinkSync('wf.txt');
  }
});
setTimeout(() => fs.appendFileSync('wf.txt', 'b'), 50);
