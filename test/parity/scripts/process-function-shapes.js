// trace: open|openat(*statm*)||getrusage kill
// The functions of fs, fs/promises, os and process look as Node's do: name,
// length, and whether they construct (Node's C++ functions do not; its
// JavaScript functions do, so `new fs.createReadStream(...)` works). Serving
// them loads nothing Node would not load (worker_threads: loading it wraps
// process.chdir). process.kill calls process._kill, as tests that replace it
// expect; the first memoryUsage() has already counted unode's own buffers.
'use strict';
const fs = require('fs');
const os = require('os');

const constructs = (f) => {
  try {
    Reflect.construct(String, [], f);
    return true;
  } catch {
    return false;
  }
};
const mods = { fs, 'fs.promises': fs.promises, os, process };
for (const [m, o] of Object.entries(mods)) {
  const lines = [];
  for (const k of Object.keys(o).sort()) {
    const f = o[k];
    if (typeof f !== 'function') continue;
    lines.push(`${k}:${f.name}/${f.length}${constructs(f) ? '+new' : ''}${f.prototype !== undefined ? '+proto' : ''}`);
  }
  console.log(m, lines.join(' '));
}
for (const k of ['hrtime', 'memoryUsage']) {
  for (const s of Object.keys(process[k])) console.log(`process.${k}.${s}`, process[k][s].name, constructs(process[k][s]));
}

const rs = new fs.createReadStream(__filename); // eslint-disable-line new-cap
console.log('new createReadStream', rs instanceof fs.ReadStream);
rs.destroy();
console.log('worker_threads loaded', process.moduleLoadList.includes('NativeModule worker_threads'));

let seen = null;
const realKill = process._kill;
process._kill = (pid, sig) => {
  seen = [pid === process.pid, sig];
  return realKill.call(process, pid, sig);
};
console.log('kill', process.kill(process.pid, 0), seen);
process._kill = realKill;

const a = process.memoryUsage();
const b = process.memoryUsage();
console.log('arrayBuffers grew between the first two calls', b.arrayBuffers - a.arrayBuffers);
