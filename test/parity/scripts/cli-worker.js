// trace: open|openat(*from-worker*)
'use strict';
const { Worker } = require('worker_threads');
const fs = require('fs');
const w = new Worker(`
  const fs = require('fs');
  const { parentPort } = require('worker_threads');
  fs.writeFileSync('from-worker', 'hi from worker');
  parentPort.postMessage(fs.readFileSync('from-worker', 'utf8'));
`, { eval: true });
w.on('message', (m) => console.log('message', m));
w.on('exit', (c) => { console.log('worker exit', c, fs.readFileSync('from-worker', 'utf8')); fs.unlinkSync('from-worker'); });
