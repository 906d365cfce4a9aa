// trace: kill getuid|geteuid
// Where programs reach past the documented surface: names added to
// os.constants.signals count for process.kill (Node looks them up in that very
// object); process._kill with too few arguments throws ERR_MISSING_ARGS; an
// encoding name ends at a NUL (Node's C++ reads it as a C string); os's checked
// functions keep their unwrapped form as withoutStackTrace; a worker's
// process.cwd is anonymous.
'use strict';
const os = require('os');
const { Worker } = require('worker_threads');
os.constants.signals.SIGMYUSR = 12; // an alias of SIGUSR2
// Node's signal handles do not keep the process alive: the timer does.
const keep = setTimeout(() => console.log('no signal'), 5000);
process.once('SIGUSR2', () => {
  clearTimeout(keep);
  console.log('got SIGUSR2');
  for (const args of [[], [process.pid]]) {
    try {
      console.log('_kill', JSON.stringify(process._kill(...args)));
    } catch (e) {
      console.log('_kill', args.length, e.name, e.code, e.message, Object.keys(e).join());
    }
  }
  console.log('userInfo', os.userInfo({ encoding: 'hex\0junk' }).uid === os.userInfo().uid,
    typeof os.userInfo({ encoding: 'hex\0junk' }).username === 'string' &&
      /^[0-9a-f]+$/.test(os.userInfo({ encoding: 'hex\0junk' }).username),
    Buffer.isBuffer(os.userInfo({ encoding: 'buffer\0x' }).username));
  for (const f of ['hostname', 'homedir', 'uptime', 'networkInterfaces']) {
    const w = os[f].withoutStackTrace;
    console.log(f, Object.getOwnPropertyNames(os[f]).join(), typeof w, w && w.name, w && w.length,
      w && typeof w());
  }
  const worker = new Worker('const p = require("process"); console.log("worker cwd", JSON.stringify(p.cwd.name), ' +
    'p.cwd.length, p.cwd() === process.cwd())', { eval: true });
  worker.on('exit', (code) => console.log('worker exit', code));
});
process.kill(process.pid, 'SIGMYUSR');
