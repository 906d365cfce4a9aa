// trace: statx|newfstatat copy_file_range|sendfile|read
// A process.nextTick callback that throws, queued by one fs callback, goes to
// 'uncaughtException' without taking the other requests' callbacks with it
// (Node runs each callback in a scope of its own): every callback runs and
// the process ends. fs.cp's callback throwing (cp calls it from a tick) too.
'use strict';
const fs = require('fs');
fs.writeFileSync('f', 'F');
const seen = [];
process.on('uncaughtException', (e) => seen.push(`uncaught ${e.message}`));
let stats = 0;
let copies = 0;
for (let i = 0; i < 8; i++) {
  fs.stat('f', () => {
    stats++;
    if (i === 0) process.nextTick(() => { throw new Error('from a tick'); });
    if (i === 1) Promise.resolve().then(() => { throw new Error('from a microtask'); });
  });
}
for (let i = 0; i < 4; i++) {
  fs.cp('f', `c${i}`, () => {
    copies++;
    if (i === 0) throw new Error('from a cp callback');
  });
}
process.on('unhandledRejection', (e) => seen.push(`unhandled ${e.message}`));
process.on('exit', () => {
  console.log(seen.sort().join('\n'));
  console.log('stats', stats, 'copies', copies);
  for (let i = 0; i < 4; i++) fs.rmSync(`c${i}`, { force: true });
  fs.rmSync('f');
});
