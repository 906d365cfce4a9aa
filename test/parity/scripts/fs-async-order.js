// trace: statx|newfstatat openat(*ord.txt*) read close
// Callbacks and promise continuations against nextTick, microtasks and
// setImmediate: the orders Node guarantees.
'use strict';
const fs = require('fs');
fs.writeFileSync('ord.txt', 'order');
const log = [];
setImmediate(() => {
  fs.stat('ord.txt', () => {
    log.push('stat cb');
    process.nextTick(() => log.push('tick in cb'));
    Promise.resolve().then(() => log.push('micro in cb'));
    fs.readFile('ord.txt', 'utf8', (e, d) => {
      log.push(`readFile ${d}`);
      let n = 0;
      for (let i = 0; i < 6; i++) {
        fs.stat('.', () => {
          const k = n++;
          log.push(`cb ${k}`);
          process.nextTick(() => log.push(`tick ${k}`));
          Promise.resolve().then(() => log.push(`micro ${k}`));
          if (n === 6) promisesPart();
        });
      }
    });
  });
  process.nextTick(() => log.push('tick'));
  Promise.resolve().then(() => log.push('micro'));
  log.push('sync');
});

function promisesPart() {
  let n = 0;
  const one = async () => {
    await fs.promises.stat('.');
    const k = n++;
    log.push(`resumed ${k}`);
    process.nextTick(() => log.push(`after ${k}`));
    if (n === 5) {
      setImmediate(() => {
        console.log(log.join('\n'));
        fs.unlinkSync('ord.txt');
      });
    }
  };
  for (let i = 0; i < 5; i++) one();
}
