// trace: openat close
// node-args: --no-warnings
// fs.open, fs.openSync and FileHandle fds in a Worker are closed when it
// ends (terminate() or a natural end); closing an fd the Worker did not open
// warns, as Node's unmanaged-fd tracking does.
'use strict';
const { Worker } = require('worker_threads');
const fs = require('fs');

const count = () => fs.readdirSync('/proc/self/fd').length;
const file = JSON.stringify(__filename);

function run(label, outer, end) {
  return new Promise((resolve) => {
    const before = count();
    const w = new Worker(`
      const fs = require('fs');
      const { parentPort } = require('worker_threads');
      process.on('warning', (w) => console.log(${JSON.stringify(label)}, 'warning', w.name, w.message.replace(/\\d+/, 'N')));
      const a = fs.openSync(${file});
      fs.open(${file}, (err, b) => {
        if (${outer} >= 0) fs.closeSync(${outer});
        const c = fs.openSync(${file});
        fs.closeSync(c);
        fs.promises.open(${file}).then((h) => {
          fs.readSync(a, Buffer.alloc(1));
          parentPort.postMessage([typeof a, typeof b, typeof h.fd, err]);
          // Kept alive until terminate(); else it ends on its own.
          if (${JSON.stringify(end)} === 'terminate') setInterval(() => {}, 1000);
        });
      });
    `, { eval: true });
    w.on('message', (m) => {
      console.log(label, 'opened', m);
      if (end === 'terminate') w.terminate();
    });
    w.on('exit', (code) => {
      setTimeout(() => {
        console.log(label, 'exit', code, 'fds left open', count() - before);
        resolve();
      }, 50);
    });
  });
}

(async () => {
  await run('terminated', -1, 'terminate');
  // The worker ends on its own once nothing keeps it alive.
  await run('natural end', -1, 'natural');
  // The main thread's fd, closed in the worker: a warning.
  const outer = fs.openSync(__filename, 'r');
  await run('outer fd', outer, 'terminate');
  let closed = false;
  try { fs.fstatSync(outer); } catch (e) { closed = e.code; }
  console.log('outer fd closed by the worker:', closed);
})();
