// trace: kill openat(*nope*)
// The prototype chains of Node 20's errors: argument checks throw the
// HideStackFramesError variant (its prototype holds only `constructor`), the
// unwrapped ones (getOptions, stringToFlags...) plain NodeErrors, and
// parseFileMode's has no frames at all; process.kill's system error is an
// ErrnoException (a prototype of its own, reading Error).
'use strict';
const fs = require('fs');
const util = require('util');
fs.writeFileSync('f', '');
function shape(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    const chain = [];
    for (let p = Object.getPrototypeOf(e); p !== null; p = Object.getPrototypeOf(p))
      chain.push(Object.getOwnPropertyNames(p).filter((k) => k !== 'constructor' || p === Object.prototype).join(',') || '-');
    const frames = e.stack.split('\n').filter((l) => /^\s+at /.test(l)).length;
    console.log(label, e.constructor.name, e.code, chain.slice(0, 3).join(' | '), frames > 0 ? 'frames' : 'no frames',
      util.inspect(e).split('\n')[0].slice(0, 30));
  }
}
shape('chdir number', () => process.chdir(1));
shape('statSync number', () => fs.statSync(5));
shape('umask string', () => process.umask('8'));
shape('chmod string', () => fs.chmodSync('f', 'zz'));
shape('open mode', () => fs.openSync('f', 'r', 'zz'));
shape('mkdir mode', () => fs.mkdirSync('d', 'zz'));
shape('open flags', () => fs.openSync('f', 'zz'));
shape('readFile options', () => fs.readFileSync('f', 5));
shape('readFile encoding', () => fs.readFileSync('f', { encoding: 'zz' }));
shape('utimes time', () => fs.utimesSync('f', 'zz', 1));
shape('read offset', () => fs.readSync(0, Buffer.alloc(1), 0, 5, 0));
shape('hrtime', () => process.hrtime(5));
shape('kill ESRCH', () => process.kill(2 ** 30, 0));
shape('kill pid type', () => process.kill('x'));
shape('kill signal', () => process.kill(process.pid, 'NOPE'));
shape('cpuUsage', () => process.cpuUsage(5));
shape('setPriority', () => require('os').setPriority(0, 'x'));
shape('readFile ENOENT', () => fs.readFileSync('nope'));
fs.unlinkSync('f');
