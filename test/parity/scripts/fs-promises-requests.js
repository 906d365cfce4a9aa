// trace: openat close statx|fstat|newfstatat
// Node's request objects for the promise API: FSREQPROMISE jobs, a FILEHANDLE
// resource per open handle, FILEHANDLECLOSEREQ for close (CloseReq in
// getActiveResourcesInfo); a request stays listed through its callback and
// the ticks and microtasks queued there; FileHandle.close() rejects with no
// frames.
'use strict';
const fs = require('fs');
const fsp = fs.promises;
const ah = require('async_hooks');
fs.writeFileSync('f', 'data');
const types = [];
const hook = ah.createHook({
  init(id, type, trigger, resource) {
    if (/FS|FILE/.test(type)) types.push(`${type}:${resource.constructor.name}`);
  },
}).enable();
const reqs = () => process.getActiveResourcesInfo().filter((x) => /Req/.test(x));
const objs = () => process._getActiveRequests().map((r) => r.constructor.name);
fs.stat('f', () => {
  console.log('in callback', reqs());
  process.nextTick(() => console.log('tick in callback', reqs()));
});
(async () => {
  const fh = await fsp.open('f');
  console.log('after open', reqs(), objs());
  await fh.read(Buffer.alloc(4), 0, 4, 0);
  await fh.stat();
  const closing = fh.close();
  console.log('closing', reqs(), objs());
  await closing;
  console.log('closed', reqs());
  await fsp.readFile('f');
  console.log('after readFile', reqs());
  await fsp.stat('f');
  const fh2 = await fsp.open('f');
  fs.closeSync(fh2.fd);
  try {
    await fh2.close();
  } catch (e) {
    console.log('close error', e.code, e.syscall, e.stack.split('\n').length);
  }
  setImmediate(() => {
    console.log('next turn', reqs());
    hook.disable();
    console.log(types.join('\n'));
    fs.rmSync('f');
  });
})();
