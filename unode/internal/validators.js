// unode/internal: argument validation with Node 20's exact errors. Every
// validator is registered with hideStackFrames, so the error's top frame is the
// public function that called it, as in Node.
'use strict';

const C = require('libjs/constants');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL_SCHEME,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_BAD_PORT,
    ERR_UNKNOWN_SIGNAL,
  },
  hideStackFrames,
  markUnwrapped,
  markFrameless,
  nativeInvalidArgType,
  nativeOutOfRange,
  nativeError,
} = require('./errors');

const { isArrayBufferView, isUint8Array, isDate } = require('util').types;

function isInt32(value) {
  return value === (value | 0);
}

function isUint32(value) {
  return value === (value >>> 0);
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw new ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1;
const kValidateObjectAllowArray = 2;
const kValidateObjectAllowFunction = 4;

function validateObject(value, name, options = kValidateObjectNone) {
  if (options === kValidateObjectNone) {
    if (value === null || Array.isArray(value) || typeof value !== 'object')
      throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
    return;
  }
  if ((options & kValidateObjectAllowNullable) === 0 && value === null)
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  if ((options & kValidateObjectAllowArray) === 0 && Array.isArray(value))
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  const t = typeof value;
  if (t !== 'object' && ((options & kValidateObjectAllowFunction) === 0 || t !== 'function'))
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function')
    throw new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  if (value.length < minLength)
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
}

function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
  }
}

function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== true && value[i] !== false)
      throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'boolean', value[i]);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateUndefined(value, name) {
  if (value !== undefined) throw new ERR_INVALID_ARG_TYPE(name, 'undefined', value);
}

function validateBuffer(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer))
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}

// Node's normalizeEncoding: the canonical name of a Buffer encoding, or
// undefined. Only values whose length is that of some encoding name are
// lowercased (so other objects are never turned into strings).
const encodingsByLength = [null, null, null,
  { hex: 'hex' },
  { utf8: 'utf8', ucs2: 'utf16le' },
  { 'utf-8': 'utf8', ascii: 'ascii', 'ucs-2': 'utf16le' },
  { base64: 'base64', latin1: 'latin1', binary: 'latin1' },
  { utf16le: 'utf16le' },
  { 'utf-16le': 'utf16le' },
  { base64url: 'base64url' },
].map((t) => (t === null ? null : Object.assign(Object.create(null), t)));

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const len = enc.length;
  const table = len >= 3 && len <= 9 ? encodingsByLength[len] : undefined;
  if (table === undefined) return enc === '' ? 'utf8' : undefined;
  return table[String.prototype.toLowerCase.call(enc)];
}

function validateEncoding(data, encoding) {
  const length = data.length;
  if (normalizeEncoding(encoding) === 'hex' && length % 2 !== 0)
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${length}`);
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) ||
      port > 0xFFFF ||
      (port === 0 && !allowZero)) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

let signalsTable;
function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);
  signalsTable ??= require('libjs/constants').signals;
  if (signalsTable[signal] === undefined) {
    if (signalsTable[signal.toUpperCase()] !== undefined)
      throw new ERR_UNKNOWN_SIGNAL(`${signal} (signals must use all capital letters)`);
    throw new ERR_UNKNOWN_SIGNAL(signal);
  }
}

// false for undefined and NaN, true for finite numbers, an error otherwise.
function validateFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!validateFiniteNumber(number, name)) return def;
  if (number < lower || number > upper)
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  return number;
}

// ---- fs arguments ---------------------------------------------------------------

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';

// A mode_t from a number or an octal string.
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalReg.test(value)) throw new ERR_INVALID_ARG_VALUE(name, value, modeDesc);
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

// Node's isURL: a URL object, or anything shaped like one.
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

function fileURLToPath(url) {
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102)
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function validatePath(path, propName = 'path') {
  if (typeof path === 'string') {
    if (path.indexOf('\u0000') === -1) return;
  } else if (isUint8Array(path)) {
    if (path.indexOf(0) === -1) return;
  } else {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
  }
  throw new ERR_INVALID_ARG_VALUE(propName, path, 'must be a string, Uint8Array, or URL without null bytes');
}

// A path argument as a string or a Uint8Array (file: URLs converted).
function getValidatedPath(fileURLOrPath, propName = 'path') {
  if (typeof fileURLOrPath === 'string' && fileURLOrPath.indexOf('\u0000') === -1) return fileURLOrPath;
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName);
  return path;
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}

// The fd check Node makes in C++ (close, fsync, fdatasync, ...): its wording.
function getValidatedFdNative(fd, propName = 'fd') {
  if (typeof fd !== 'number') throw nativeInvalidArgType(propName, 'number', fd);
  if (!Number.isInteger(fd)) throw nativeOutOfRange(propName, 'an integer', fd);
  if (fd < 0 || fd > 2147483647) throw nativeOutOfRange(propName, '>= 0 && <= 2147483647', fd);
  return fd === 0 ? 0 : fd;
}

// access() and copyFile() modes as Node checks them in C++: numbers are
// truncated, then must be within 0..7; null and undefined mean 0.
function getValidFileModeNative(mode) {
  if (mode == null) return 0;
  if (typeof mode !== 'number')
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  if (!Number.isFinite(mode)) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range');
  const m = Math.trunc(mode);
  if (m < 0 || m > 7) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  return m === 0 ? 0 : m;
}

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
} = C;

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs':
    case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+':
    case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx':
    case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+':
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax':
    case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as':
    case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+':
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+':
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

// A Date, a number of seconds or a numeric string, as fractional seconds.
function toUnixTimestamp(time, name = 'time') {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (isDate(time)) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

for (const fn of [
  validateInteger, validateInt32, validateUint32, validateString, validateNumber, validateOneOf,
  validateBoolean, validateObject, validateDictionary, validateArray, validateStringArray,
  validateBooleanArray, validateAbortSignal, validateFunction, validateUndefined, validateBuffer,
  validateEncoding, validatePort, validateSignalName, validateFiniteNumber, checkRangesOrGetDefault,
  parseFileMode, fileURLToPath, toPathIfFileURL, validatePath, getValidatedPath, getValidatedFd,
  getValidatedFdNative, getValidFileModeNative, stringToFlags, toUnixTimestamp,
]) hideStackFrames(fn);
// Node throws plain NodeErrors from these (its hideStackFrames does not wrap
// them), and parseFileMode's own error has no frames there.
markUnwrapped(stringToFlags);
markUnwrapped(toUnixTimestamp);
markFrameless(parseFileMode);

module.exports = {
  isInt32,
  isUint32,
  isURL,
  normalizeEncoding,
  parseFileMode,
  validateArray,
  validateStringArray,
  validateBooleanArray,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  kValidateObjectNone,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  kValidateObjectAllowObjects: kValidateObjectAllowArray | kValidateObjectAllowFunction,
  kValidateObjectAllowObjectsAndNull:
    kValidateObjectAllowNullable | kValidateObjectAllowArray | kValidateObjectAllowFunction,
  validateOneOf,
  validatePort,
  validateSignalName,
  validateString,
  validateUint32,
  validateUndefined,
  validateFiniteNumber,
  checkRangesOrGetDefault,
  fileURLToPath,
  toPathIfFileURL,
  validatePath,
  getValidatedPath,
  getValidatedFd,
  getValidatedFdNative,
  getValidFileModeNative,
  stringToFlags,
  toUnixTimestamp,
};
