// libjs: <sys/eventfd.h>: eventfd2, and eventfd_read/eventfd_write for the
// 8-byte counter.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { fail, need } = require('./args');

const EINTR = -4;
const counter = new BigUint64Array(1);

function eventfd2(initval, flags = 0) {
  return syscall(nr.eventfd2, initval, flags);
}

// value: a buffer of at least 8 bytes receiving the counter (a BigUint64Array(1)).
// Returns 0 or -errno (EAGAIN on a non-blocking eventfd at zero).
function eventfd_read(fd, value) {
  need('eventfd_read', value, 8, 'value');
  let r;
  do r = syscall(nr.read, fd, value, 8); while (r === EINTR);
  return r < 0 ? r : 0;
}

// value: a Number or a BigInt added to the counter. Returns 0 or -errno.
function eventfd_write(fd, value) {
  if (typeof value === 'bigint') counter[0] = value;
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) counter[0] = BigInt(value);
  else fail('eventfd_write', `value must be a non-negative integer, got ${value}`);
  let r;
  do r = syscall(nr.write, fd, counter, 8); while (r === EINTR);
  return r < 0 ? r : 0;
}

module.exports = { eventfd2, eventfd: eventfd2, eventfd_read, eventfd_write };
