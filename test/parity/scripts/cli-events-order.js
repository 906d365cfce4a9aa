// trace: open|openat(*order.txt*)
'use strict';
const fs = require('fs');
const log = [];
process.on('exit', () => { log.push('exit'); console.log(log.join(' ')); });
process.on('beforeExit', () => { if (!log.includes('beforeExit')) { log.push('beforeExit'); fs.unlink('order.txt', () => log.push('unlinked')); } });
process.nextTick(() => log.push('tick'));
Promise.resolve().then(() => log.push('micro'));
setImmediate(() => log.push('immediate'));
fs.writeFile('order.txt', 'x', () => {
  log.push('written');
  fs.readFile('order.txt', 'utf8', (e, d) => log.push(`read:${d}`));
});
log.push('sync');
