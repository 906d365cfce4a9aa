// trace: inotify_add_watch(*pw*)
// timeout: 8000
import fs from 'node:fs';
import { watch } from 'node:fs/promises';
fs.mkdirSync('pw');
const ac = new AbortController();
const steps = [() => fs.writeFileSync('pw/one', '1'), () => fs.renameSync('pw/one', 'pw/two'), () => ac.abort()];
let i = 0;
const next = () => { steps[i++](); if (i < steps.length) setTimeout(next, 60); };
setTimeout(next, 60);
try {
  for await (const { eventType, filename } of watch('pw', { signal: ac.signal, encoding: 'hex' })) console.log(eventType, filename);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
for (const [label, args] of [['missing', ['nope']], ['bad encoding', ['pw', { encoding: 'nope' }]], ['recursive not boolean', ['pw', { recursive: 1 }]]]) {
  try {
    await watch(...args).next();
  } catch (e) {
    console.log(label, e.name, e.code, e.syscall, e.message);
  }
}
fs.rmSync('pw', { recursive: true });
