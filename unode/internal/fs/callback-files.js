// unode/internal/fs: the callback forms of readFile, writeFile and
// appendFile: Node 20's steps (open, fstat, reads of at most 512 KiB or of
// 64 KiB when the size is unknown, close; open, writes until all is written,
// fsync with flush, close), each step an eloop job or a call through fs.
'use strict';

const { Buffer } = require('buffer');
const { isArrayBufferView } = require('util').types;
const io = require('./async-io');
const pub = require('./public');
const {
  codes: { ERR_FS_FILE_TOO_LARGE },
  AbortError,
  aggregateTwoErrors,
} = require('../errors');
const {
  isInt32,
  getValidatedPath,
  getValidatedFdNative,
  stringToFlags,
  validateBoolean,
  validateFunction,
} = require('../validators');
const {
  kIoMaxLength,
  kReadFileBufferLength,
  kReadFileUnknownBufferLength,
  getOptions,
  copyObject,
  validateStringAfterArrayBufferView,
} = require('./utils');
const { uvErr } = require('./callback-io');

function checkAborted(signal, callback) {
  if (signal?.aborted) {
    callback(new AbortError(undefined, { cause: signal?.reason }));
    return true;
  }
  return false;
}

// ---- readFile ------------------------------------------------------------------------

// One readFile in flight: Node's ReadFileContext, step by step.
class ReadFileContext {
  constructor(callback, encoding) {
    this.fd = undefined;
    this.isUserFd = undefined;
    this.size = 0;
    this.callback = callback;
    this.buffers = null;
    this.buffer = null;
    this.pos = 0;
    this.encoding = encoding;
    this.err = null;
    this.signal = undefined;
  }

  afterOpen(err, fd) {
    if (err) {
      this.callback(err);
      return;
    }
    this.fd = fd;
    if (this.isUserFd) getValidatedFdNative(fd); // Node's fstat binding checks it (throws from the tick)
    io.regularSize(fd, (r, size) => this.afterStat(r < 0 ? uvErr(r, 'fstat') : null, size));
  }

  afterStat(err, size) {
    if (err) return this.close(err);
    this.size = size;
    if (size > kIoMaxLength) return this.close(new ERR_FS_FILE_TOO_LARGE(size));
    try {
      if (size === 0) this.buffers = [];
      else this.buffer = Buffer.allocUnsafeSlow(size);
    } catch (e) {
      return this.close(e);
    }
    this.read();
  }

  read() {
    if (this.signal?.aborted) {
      this.close(new AbortError(undefined, { cause: this.signal?.reason }));
      return;
    }
    let buffer;
    let offset;
    let length;
    if (this.size === 0) {
      buffer = Buffer.allocUnsafeSlow(kReadFileUnknownBufferLength);
      offset = 0;
      length = kReadFileUnknownBufferLength;
      this.buffer = buffer;
    } else {
      buffer = this.buffer;
      offset = this.pos;
      length = Math.min(kReadFileBufferLength, this.size - this.pos);
    }
    io.read(this.fd, buffer, offset, length, -1, (r) => {
      if (r < 0) this.close(uvErr(r, 'read'));
      else this.afterRead(r);
    });
  }

  afterRead(bytesRead) {
    this.pos += bytesRead;
    if (this.pos === this.size || bytesRead === 0) {
      this.close();
      return;
    }
    if (this.size === 0) {
      // Unknown size: read until a read gives nothing.
      this.buffers.push(bytesRead === kReadFileUnknownBufferLength ?
        this.buffer : this.buffer.slice(0, bytesRead));
    }
    this.read();
  }

  // As Node's: with the caller's fd, an error met on the way is dropped and
  // what was read so far is delivered.
  close(err) {
    if (this.isUserFd) {
      process.nextTick(() => this.afterClose(null));
      return;
    }
    this.err = err;
    io.close(this.fd, (r) => this.afterClose(r < 0 ? uvErr(r, 'close') : null));
  }

  afterClose(err) {
    const callback = this.callback;
    if (this.err || err) return callback(aggregateTwoErrors(err, this.err));
    let buffer;
    try {
      if (this.size === 0) buffer = Buffer.concat(this.buffers, this.pos);
      else if (this.pos < this.size) buffer = this.buffer.slice(0, this.pos);
      else buffer = this.buffer;
      if (this.encoding) buffer = buffer.toString(this.encoding);
    } catch (e) {
      return callback(e);
    }
    callback(null, buffer);
  }
}

const kReadFileDefaults = { flag: 'r' };

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, kReadFileDefaults);
  const context = new ReadFileContext(callback, options.encoding);
  context.isUserFd = isInt32(path);
  if (options.signal) context.signal = options.signal;
  if (context.isUserFd) {
    process.nextTick(() => context.afterOpen(null, path));
    return;
  }
  if (checkAborted(options.signal, callback)) return;
  const flagsNumber = stringToFlags(options.flag, 'options.flag');
  path = getValidatedPath(path);
  io.open(path, flagsNumber, 0o666, (fd) => {
    if (fd < 0) context.afterOpen(uvErr(fd, 'open', path));
    else context.afterOpen(null, fd);
  });
}

// ---- writeFile -----------------------------------------------------------------------

// Node's writeAll: fs.write until everything is written, fs.fsync with
// flush, then fs.close unless the caller gave the fd.
function writeAll(fd, isUserFd, buffer, offset, length, signal, flush, callback) {
  const fs = pub.fs;
  const closeWith = (err) => {
    if (isUserFd) callback(err);
    else fs.close(fd, (closeErr) => callback(aggregateTwoErrors(closeErr, err)));
  };
  if (signal?.aborted) {
    closeWith(new AbortError(undefined, { cause: signal?.reason }));
    return;
  }
  fs.write(fd, buffer, offset, length, null, (writeErr, written) => {
    if (writeErr) {
      closeWith(writeErr);
    } else if (written === length) {
      const finish = () => {
        if (isUserFd) callback(null);
        else fs.close(fd, callback);
      };
      if (!flush) {
        finish();
      } else {
        fs.fsync(fd, (syncErr) => {
          if (syncErr) closeWith(syncErr);
          else finish();
        });
      }
    } else {
      writeAll(fd, isUserFd, buffer, offset + written, length - written, signal, flush, callback);
    }
  });
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  if (isInt32(path)) {
    writeAll(path, true, data, 0, data.byteLength, options.signal, flush, callback);
    return;
  }
  if (checkAborted(options.signal, callback)) return;
  pub.fs.open(path, flag, options.mode, (openErr, fd) => {
    if (openErr) callback(openErr);
    else writeAll(fd, false, data, 0, data.byteLength, options.signal, flush, callback);
  });
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isInt32(path)) options.flag = 'a';
  pub.fs.writeFile(path, data, options, callback);
}

module.exports = { readFile, writeFile, appendFile, checkAborted };
