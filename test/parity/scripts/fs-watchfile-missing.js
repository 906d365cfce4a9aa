// trace: statx|newfstatat|stat|lstat(*later.txt*)
// timeout: 8000
'use strict';
const fs = require('fs');
const calls = [];
const a = (curr, prev) => {
  calls.push(`a ${curr.size} ${prev.size} ${curr.isFile()} ${prev.isFile()} ${curr.mtimeMs === 0} ${prev.mtimeMs === 0}`);
  if (calls.length === 1) setTimeout(() => fs.writeFileSync('later.txt', 'now here'), 50);
  if (calls.length === 2) setTimeout(() => fs.unlinkSync('later.txt'), 50);
  if (calls.length === 3) {
    fs.unwatchFile('later.txt', a);
    console.log(calls.join('\n'));
    console.log('after unwatch by listener', w.listenerCount('change'));
    fs.unwatchFile('later.txt');
    console.log('after unwatch all', w.listenerCount('change'));
  }
};
const b = () => {};
const w = fs.watchFile('later.txt', { interval: 15 }, a);
console.log('same watcher', w === fs.watchFile('./later.txt', b), w.listenerCount('change'));
w.on('stop', () => console.log('stop'));
