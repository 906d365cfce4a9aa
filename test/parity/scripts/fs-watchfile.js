// trace: statx|newfstatat|stat|lstat(*wf2.txt*)
// timeout: 8000
'use strict';
const fs = require('fs');
fs.writeFileSync('wf2.txt', 'a');
let n = 0;
function listener(curr, prev) {
  n++;
  console.log('change', n, curr.size, prev.size, curr.constructor.name, curr.mtimeMs >= prev.mtimeMs);
  if (n === 1) {
    fs.unwatchFile('wf2.txt', listener);
    fs.unlinkSync('wf2.txt');
    const w2 = fs.watchFile('gone.txt', { interval: 20 }, (c, p) => {
      console.log('missing', c.size, p.size, c.mtimeMs, p.mtimeMs);
    });
    setTimeout(() => { fs.unwatchFile('gone.txt'); console.log('unwatched', typeof w2.ref); }, 150);
  }
}
const w = fs.watchFile('wf2.txt', { interval: 20 }, listener);
console.log(w.constructor.name);
setTimeout(() => fs.writeFileSync('wf2.txt', 'abc'), 100);
