// libjs: <sys/random.h>: getrandom. Returns the bytes filled (up to 256
// bytes are filled whole; larger requests may come back short).
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { span } = require('./args');

const EINTR = -4;

function getrandom(buf, len, flags = 0, off) {
  const p = span('getrandom', buf, len, off);
  let r;
  do r = syscall(nr.getrandom, p, len, flags); while (r === EINTR);
  return r;
}

module.exports = { getrandom };
