// libaio: argument checks and the one place a kernel error becomes an Error
// (only where no callback can take it: a loop that cannot be created).
'use strict';
const { errname, strerror } = require('libjs/errno');

function typeError(msg) {
  const err = new TypeError(`libaio: ${msg}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function checkFunction(fn, what) {
  if (typeof fn !== 'function') throw typeError(`${what} must be a function, got ${typeof fn}`);
}

function checkFunctionOrNull(fn, what) {
  if (fn !== undefined && fn !== null && typeof fn !== 'function')
    throw typeError(`${what} must be a function, got ${typeof fn}`);
}

function checkInt(v, min, max, what) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw typeError(`${what} must be an integer from ${min} to ${max}, got ${typeof v === 'number' ? v : typeof v}`);
  return v;
}

function checkFd(fd, what = 'fd') {
  return checkInt(fd, 0, 0x7fffffff, what);
}

function checkBuffer(b, what) {
  if (!ArrayBuffer.isView(b))
    throw typeError(`${what} must be a Buffer, TypedArray or DataView, got ${b === null ? 'null' : typeof b}`);
}

function errnoError(n, syscall) {
  const code = errname(n);
  const err = new Error(`${code}: ${strerror(n)}, ${syscall}`);
  err.errno = n < 0 ? n : -n;
  err.code = code;
  err.syscall = syscall;
  return err;
}

module.exports = { typeError, checkFunction, checkFunctionOrNull, checkInt, checkFd, checkBuffer, errnoError };
