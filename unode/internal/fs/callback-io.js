// unode/internal/fs: the callback forms of file I/O: open, close, read,
// readv, write, writev, fsync, fdatasync, ftruncate, truncate. Node 20's
// argument handling, in Node's order; the work runs on eloop (async-io.js).
'use strict';

const { Buffer } = require('buffer');
const { isArrayBufferView } = require('util').types;
const io = require('./async-io');
const pub = require('./public');
const { positionOrCurrent, stringEncoding } = require('./sync-io');
const {
  codes: { ERR_INVALID_ARG_VALUE },
  uvException,
  aggregateTwoErrors,
} = require('../errors');
const {
  getValidatedPath,
  getValidatedFd,
  getValidatedFdNative,
  parseFileMode,
  stringToFlags,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInteger,
  validateObject,
  kValidateObjectAllowNullable,
} = require('../validators');
const {
  kEmptyObject,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateStringAfterArrayBufferView,
  showTruncateDeprecation,
} = require('./utils');

// Callback-API errors carry no stack frames, as Node's (made in C++ with no
// JavaScript on the stack).
function uvErr(r, syscall, path, dest) {
  return uvException(r, syscall, path, dest, null);
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// cb(null) on success (one argument, as Node's), cb(err) on failure.
function noArgs(cb, syscall, path, dest) {
  return (r) => {
    if (r < 0) cb(uvErr(r, syscall, path, dest));
    else cb(null);
  };
}

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  io.open(path, flagsNumber, mode, (fd) => {
    if (fd < 0) callback(uvErr(fd, 'open', path));
    else callback(null, fd);
  });
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  io.close(fd, noArgs(callback, 'close'));
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // read(fd, buffer, options, callback)
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      // read(fd, buffer, callback) or read(fd, options, callback)
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      // read(fd, callback)
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null,
    } = params ?? kEmptyObject);
  }

  validateBuffer(buffer);
  validateFunction(callback, 'cb');

  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);

  length |= 0;
  if (length === 0) {
    process.nextTick(function tick() {
      callback(null, 0, buffer);
    });
    return;
  }
  if (buffer.byteLength === 0)
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position');

  // The buffer goes back with the result: a Buffer the caller dropped stays
  // alive until the kernel is done with it.
  io.read(fd, buffer, offset, length, position, (r) => {
    if (r < 0) callback(uvErr(r, 'read'), 0, buffer);
    else callback(null, r, buffer);
  });
}

Object.defineProperty(read, require('./promisify').customPromisifyArgs,
  { value: ['bytesRead', 'buffer'], enumerable: false });

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (typeof position !== 'number') position = null;
  io.readBuffers(fd, buffers, positionOrCurrent(position), (r) => {
    if (r < 0) callback(uvErr(r, 'read'), 0, buffers);
    else callback(null, r, buffers);
  });
}

Object.defineProperty(readv, require('./promisify').customPromisifyArgs,
  { value: ['bytesRead', 'buffers'], enumerable: false });

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  const after = (r) => {
    if (r < 0) callback(uvErr(r, 'write'), 0, buffer);
    else callback(null, r, buffer);
  };

  if (isArrayBufferView(buffer)) {
    callback ||= position || length || offset;
    validateFunction(callback, 'cb');
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null || typeof offset === 'function') offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    io.writeAll(fd, buffer, offset, length, positionOrCurrent(position), after);
    return;
  }

  validateStringAfterArrayBufferView(buffer, 'buffer');
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  validateEncoding(buffer, length);
  callback = position;
  validateFunction(callback, 'cb');
  const data = Buffer.from(buffer, stringEncoding(length));
  io.writeAll(fd, data, 0, data.byteLength, positionOrCurrent(offset), after);
}

Object.defineProperty(write, require('./promisify').customPromisifyArgs,
  { value: ['bytesWritten', 'buffer'], enumerable: false });

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  if (typeof position !== 'number') position = null;
  io.writeBuffers(fd, buffers, positionOrCurrent(position), (r) => {
    if (r < 0) callback(uvErr(r, 'write'), 0, buffers);
    else callback(null, r, buffers);
  });
}

Object.defineProperty(writev, require('./promisify').customPromisifyArgs,
  { value: ['bytesWritten', 'buffer'], enumerable: false });

const nr = require('libjs/sysnr');
const { submit } = require('./jobs');

function fsync(fd, callback) {
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  submit(noArgs(callback, 'fsync'), nr.fsync, fd);
}

function fdatasync(fd, callback) {
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  submit(noArgs(callback, 'fdatasync'), nr.fdatasync, fd);
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  fd = getValidatedFdNative(fd);
  submit(noArgs(callback, 'ftruncate'), nr.ftruncate, fd, len);
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return pub.fs.ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  validateFunction(callback, 'cb');
  pub.fs.open(path, 'r+', (er, fd) => {
    if (er) return callback(er);
    submit((r) => {
      const err = r < 0 ? uvErr(r, 'ftruncate') : null;
      pub.fs.close(fd, (er2) => {
        callback(aggregateTwoErrors(er2, err));
      });
    }, nr.ftruncate, fd, len);
  });
}

module.exports = {
  open,
  close,
  read,
  readv,
  write,
  writev,
  fsync,
  fdatasync,
  ftruncate,
  truncate,
  uvErr,
  makeCallback,
  noArgs,
};
