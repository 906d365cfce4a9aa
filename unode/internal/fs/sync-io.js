// unode/internal/fs: synchronous file I/O: open, close, read, write, readv,
// writev, readFile, writeFile, appendFile, truncate, ftruncate, fsync,
// fdatasync. Node 20's argument rules and errors, libuv's loops.
'use strict';

const { Buffer } = require('buffer');
const { isArrayBufferView } = require('util').types;
const C = require('libjs/constants');
const sys = require('./sys');
const stats = require('./stats');
const unmanaged = require('./unmanaged');
const pub = require('./public');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_FS_FILE_TOO_LARGE },
  uvException,
  uvExceptionFromContext,
  uvMessage,
  uvErrorFill,
} = require('../errors');
const {
  isInt32,
  getValidatedPath,
  getValidatedFd,
  getValidatedFdNative,
  parseFileMode,
  stringToFlags,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  kValidateObjectAllowNullable,
} = require('../validators');
const {
  kEmptyObject,
  kIoMaxLength,
  byteLengthOf,
  getOptions,
  copyObject,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateStringAfterArrayBufferView,
  showTruncateDeprecation,
} = require('./utils');

const { AT_FDCWD } = sys;
const { O_CLOEXEC, S_IFMT, S_IFREG } = C;
const EINTR = -4;
const EIO = -5;
const EINPROGRESS = -115;

function openRaw(path, flags, mode) {
  const fd = sys.openat(AT_FDCWD, path, flags | O_CLOEXEC, mode);
  if (fd >= 0) unmanaged.opened(fd);
  return fd;
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  const f = stringToFlags(flags);
  const m = parseFileMode(mode, 'mode', 0o666);
  const fd = openRaw(path, f, m);
  if (fd < 0) throw uvErrorFill(new Error(uvMessage(fd, 'open', path)), fd, 'open', path);
  return fd;
}

// Linux releases the fd even when close fails with EINTR; libuv reports success.
function closeRaw(fd) {
  unmanaged.closing(fd);
  const r = sys.close(fd);
  return r === EINTR || r === EINPROGRESS ? 0 : r;
}

function closeSync(fd) {
  fd = getValidatedFdNative(fd);
  const r = closeRaw(fd);
  if (r < 0) throw uvException(r, 'close');
}

// Node's C++ reads an int64 position only from a safe integer Number;
// anything else means "the current position".
function positionOrCurrent(p) {
  return typeof p === 'number' && Number.isSafeInteger(p) ? p : -1;
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined)
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return 0;
  const size = byteLengthOf(buffer);
  if (size === 0)
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, size);
  if (position == null) position = -1;
  validatePosition(position, 'position');
  const r = position < 0 ?
    sys.read(fd, buffer, length, offset) :
    sys.pread64(fd, buffer, length, position, offset);
  if (r < 0) throw uvException(r, 'read');
  return r;
}

// Write all `length` bytes (libuv continues short writes); the count, or -errno
// if nothing could be written.
function writeAllRaw(fd, buffer, offset, length, pos) {
  let total = 0;
  while (length > 0) {
    const r = pos < 0 ?
      sys.write(fd, buffer, length, offset) :
      sys.pwrite64(fd, buffer, length, pos, offset);
    if (r <= 0) return total === 0 ? r : total;
    total += r;
    offset += r;
    length -= r;
    if (pos >= 0) pos += r;
  }
  return total;
}

// The encoding Node's C++ takes for string writes: a known name, else utf8.
function stringEncoding(enc) {
  return typeof enc === 'string' && Buffer.isEncoding(enc) ? enc : 'utf8';
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let r;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (position === undefined) position = null;
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    r = writeAllRaw(fd, buffer, offset, length, positionOrCurrent(position));
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer');
    validateEncoding(buffer, length);
    if (offset === undefined) offset = null;
    const data = Buffer.from(buffer, stringEncoding(length));
    r = writeAllRaw(fd, data, 0, data.byteLength, positionOrCurrent(offset));
  }
  if (r < 0) throw uvExceptionFromContext(r, 'write');
  return r;
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  const r = sys.readBuffers(fd, buffers, positionOrCurrent(position));
  if (r < 0) throw uvException(r, 'read');
  return r;
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  const r = sys.writeBuffers(fd, buffers, positionOrCurrent(position));
  if (r < 0) throw uvException(r, 'write');
  return r;
}

// ---- readFile ----------------------------------------------------------------------

const kReadFileDefaults = { flag: 'r' };
// Small files are read into this and decoded from it, without a Buffer of their own.
const scratch = Buffer.allocUnsafeSlow(64 * 1024);
const kUnknownChunk = 64 * 1024;

// Size of a regular file behind fd (fstat, cheaper than statx: nothing but
// the mode and size is needed), 0 for anything else, -errno on failure.
function regularSize(fd) {
  const r = sys.fstat(fd, stats.scratch);
  if (r < 0) return r;
  return (stats.statMode() & S_IFMT) === S_IFREG ? stats.statSize() : 0;
}

function readFailed(fd, isUserFd, r) {
  if (!isUserFd) closeRaw(fd);
  return uvException(r, 'read', undefined, undefined, readFileSync);
}

// Node's C++ path for utf8: open (unless given an fd, used unchecked), read to
// the end, close; errors 'open' with the path, 'read' without. Small files are
// read into `scratch` and decoded from there; a short read of a regular file
// at or past its size is its end.
function readFileUtf8(path, flag) {
  let fd;
  const isUserFd = isInt32(path);
  if (isUserFd) {
    fd = path;
    stringToFlags(flag);
  } else {
    path = getValidatedPath(path);
    fd = openRaw(path, stringToFlags(flag), 0o666);
    if (fd < 0) throw uvException(fd, 'open', path);
  }
  const size = Math.max(regularSize(fd), 0); // a bad fd fails in read, as in Node
  let buf = size < scratch.length ? scratch : Buffer.allocUnsafe(size + 1);
  let pos = 0;
  for (;;) {
    if (pos === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, kUnknownChunk));
      buf.copy(bigger, 0, 0, pos);
      buf = bigger;
    }
    const want = buf.length - pos;
    const r = sys.read(fd, buf, want, pos);
    if (r < 0) throw readFailed(fd, isUserFd, r);
    if (r === 0) break;
    pos += r;
    if (size > 0 && pos >= size && r < want) break;
  }
  if (!isUserFd) closeRaw(fd);
  return buf.utf8Slice(0, pos);
}

function readFileSync(path, options) {
  options = getOptions(options, kReadFileDefaults);
  if (options.encoding === 'utf8' || options.encoding === 'utf-8')
    return readFileUtf8(path, options.flag);

  const isUserFd = isInt32(path);
  let fd;
  if (isUserFd) {
    fd = getValidatedFdNative(path);
  } else {
    fd = pub.fs.openSync(path, options.flag, 0o666);
  }
  const size = regularSize(fd);
  if (size < 0) {
    if (!isUserFd) closeRaw(fd);
    throw uvException(size, 'fstat');
  }
  if (size > kIoMaxLength) {
    if (!isUserFd) closeRaw(fd);
    throw new ERR_FS_FILE_TOO_LARGE(size);
  }
  let buffer;
  let pos = 0;
  if (size !== 0) {
    // As Node: trust the size the kernel gave.
    buffer = Buffer.allocUnsafe(size);
    do {
      const r = sys.read(fd, buffer, size - pos, pos);
      if (r < 0) throw readFailed(fd, isUserFd, r);
      if (r === 0) break;
      pos += r;
    } while (pos < size);
    if (pos < size) buffer = buffer.subarray(0, pos);
  } else {
    // No size (/proc files, pipes, empty files): read until EOF.
    let buf = scratch;
    for (;;) {
      if (pos === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, pos);
        buf = bigger;
      }
      const r = sys.read(fd, buf, buf.length - pos, pos);
      if (r < 0) throw readFailed(fd, isUserFd, r);
      if (r === 0) break;
      pos += r;
    }
    buffer = Buffer.allocUnsafe(pos);
    buf.copy(buffer, 0, 0, pos);
  }
  if (!isUserFd) closeRaw(fd);
  if (options.encoding) return buffer.toString(options.encoding);
  return buffer;
}

// ---- writeFile ---------------------------------------------------------------------

const kWriteFileDefaults = { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false };

function writeFileSync(path, data, options) {
  options = getOptions(options, kWriteFileDefaults);
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const flag = options.flag || 'w';

  if (typeof data === 'string' && (options.encoding === 'utf8' || options.encoding === 'utf-8')) {
    // Node's C++ path: errors 'open' (with the path) and 'write' (without).
    let fd;
    const isUserFd = isInt32(path);
    if (isUserFd) {
      fd = path;
    } else {
      path = getValidatedPath(path);
      const flags = stringToFlags(flag);
      const mode = parseFileMode(options.mode, 'mode', 0o666);
      fd = openRaw(path, flags, mode);
      if (fd < 0) throw uvException(fd, 'open', path);
    }
    let buf;
    let len;
    if (data.length <= (scratch.length / 3 | 0)) {
      buf = scratch;
      len = scratch.utf8Write(data, 0);
    } else {
      buf = Buffer.from(data, 'utf8');
      len = buf.length;
    }
    // Node's C++ loop: every byte, and an error even after a short write
    // (EFBIG past RLIMIT_FSIZE, ENOSPC) is thrown, not a partial success.
    let r = 0;
    for (let off = 0; off < len; off += r) {
      r = sys.write(fd, buf, len - off, off);
      if (r < 0) break;
      if (r === 0) {
        r = EIO;
        break;
      }
    }
    const s = r >= 0 && flush ? sys.fsync(fd) : 0;
    if (!isUserFd) closeRaw(fd);
    if (r < 0) throw uvException(r, 'write');
    if (s < 0) throw uvException(s, 'fsync');
    return;
  }

  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  const isUserFd = isInt32(path);
  const fd = isUserFd ? path : pub.fs.openSync(path, flag, options.mode);
  let offset = 0;
  let length = data.byteLength;
  try {
    while (length > 0) {
      const written = pub.fs.writeSync(fd, data, offset, length);
      offset += written;
      length -= written;
    }
    if (flush) pub.fs.fsyncSync(fd);
  } finally {
    if (!isUserFd) pub.fs.closeSync(fd);
  }
}

const kAppendFileDefaults = { encoding: 'utf8', mode: 0o666, flag: 'a' };

function appendFileSync(path, data, options) {
  options = getOptions(options, kAppendFileDefaults);
  options = copyObject(options);
  if (!options.flag || isInt32(path)) options.flag = 'a';
  pub.fs.writeFileSync(path, data, options);
}

// ---- truncate, sync ------------------------------------------------------------------

function ftruncateSync(fd, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  fd = getValidatedFdNative(fd);
  const r = sys.ftruncate(fd, len);
  if (r < 0) throw uvException(r, 'ftruncate');
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return pub.fs.ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  const fd = pub.fs.openSync(path, 'r+');
  try {
    pub.fs.ftruncateSync(fd, len);
  } finally {
    pub.fs.closeSync(fd);
  }
}

function fsyncSync(fd) {
  fd = getValidatedFdNative(fd);
  const r = sys.fsync(fd);
  if (r < 0) throw uvException(r, 'fsync');
}

function fdatasyncSync(fd) {
  fd = getValidatedFdNative(fd);
  const r = sys.fdatasync(fd);
  if (r < 0) throw uvException(r, 'fdatasync');
}

module.exports = {
  openSync,
  closeSync,
  readSync,
  writeSync,
  readvSync,
  writevSync,
  readFileSync,
  writeFileSync,
  appendFileSync,
  truncateSync,
  ftruncateSync,
  fsyncSync,
  fdatasyncSync,
  // For the other forms of fs:
  openRaw,
  closeRaw,
  writeAllRaw,
  positionOrCurrent,
  stringEncoding,
};
