// trace: utimensat
// Seconds at or past 2 ** 63 make an invalid timespec in Node's libuv (x86-64
// converts them to INT64_MIN): EINVAL from the kernel, nothing changed.
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.writeFileSync('t', '');
(async () => {
  for (const v of [2 ** 63, 1e19, 1e20, 2 ** 64, '1e20', 9.2e18, 1e11, 2 ** 62]) {
    fs.utimesSync('t', 1, 1);
    show(`utimesSync ${v}`, () => {
      fs.utimesSync('t', v, v);
      return fs.statSync('t').mtimeMs;
    });
    show(`lutimesSync ${v}`, () => fs.lutimesSync('t', v, 5));
    const fd = fs.openSync('t', 'r');
    show(`futimesSync ${v}`, () => fs.futimesSync(fd, 7, v));
    await showCb(`futimes ${v}`, (cb) => fs.futimes(fd, v, v, cb));
    fs.closeSync(fd);
    try {
      await fs.promises.utimes('t', v, v);
      console.log('promises.utimes', v, 'ok', fs.statSync('t').atimeMs);
    } catch (e) {
      console.log('promises.utimes', v, e.code, e.syscall);
    }
  }
  fs.unlinkSync('t');
})();
