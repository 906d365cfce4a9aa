// unode/internal/fs: fs/promises' FileHandle (an EventEmitter, as Node 20's,
// closed with a warning when collected while open) and the operations on an
// open handle: read, readv, write, writev, stat, truncate, utimes, chmod,
// chown, sync, datasync, readFile, writeFile. Each is an eloop job.
'use strict';

const { Buffer } = require('buffer');
const { AsyncResource } = require('async_hooks');
const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { isArrayBufferView } = require('util').types;
const nr = require('libjs/sysnr');
const { close: closeNow } = require('libjs/unistd');
const unmanaged = require('./unmanaged');
const io = require('./async-io');
const { call, promised, withRequests, FileHandleCloseReq } = require('./jobs');
const { timesFor } = require('./sync-stat');
const { positionOrCurrent, stringEncoding } = require('./sync-io');
const {
  codes: {
    ERR_FS_FILE_TOO_LARGE, ERR_INTERNAL_ASSERTION, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE,
    ERR_OUT_OF_RANGE,
  },
  AbortError,
  uvException,
  uvRejection,
} = require('../errors');
const {
  parseFileMode,
  toUnixTimestamp,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  validateString,
  kValidateObjectAllowNullable,
} = require('../validators');
const {
  kEmptyObject,
  kIoMaxLength,
  kMaxUserId,
  kReadFileBufferLength,
  kReadFileUnknownBufferLength,
  kWriteFileMaxChunkSize,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateStringAfterArrayBufferView,
} = require('./utils');

// Node's symbol names (util.inspect shows them).
const kHandle = Symbol('kHandle');
const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');
const kLocked = Symbol('kLocked');
const SymbolAsyncDispose = Symbol.asyncDispose ?? Symbol('Symbol.asyncDispose');

// ---- the native side: one open fd ----------------------------------------------------

// A handle collected while its fd is open has the fd closed, with Node's
// warnings (the deprecation once per process).
let gcDeprecationShown = false;
const collected = new FinalizationRegistry((state) => {
  if (state.closed) return;
  state.closed = true;
  unmanaged.closing(state.fd);
  const r = closeNow(state.fd);
  if (r < 0) {
    // Node throws from an immediate, with no stack to catch it: fatal.
    const err = uvException(r, 'close', undefined, undefined, null);
    err.message = err.message.replace(/^(\w+): [^,]*,/, `$1: Closing file descriptor ${state.fd} on garbage collection failed,`);
    err.stack = `Error: ${err.message}`;
    setImmediate(() => {
      throw err;
    });
    return;
  }
  process.emitWarning(`Closing file descriptor ${state.fd} on garbage collection`);
  if (!gcDeprecationShown) {
    gcDeprecationShown = true;
    process.emitWarning(
      'Closing a FileHandle object on garbage collection is deprecated. Please close ' +
      'FileHandle objects explicitly using FileHandle.prototype.close(). In the future, an ' +
      'error will be thrown if a file descriptor is closed during garbage collection.',
      'DeprecationWarning', 'DEP0137');
  }
});

// The async resource of an open file, as Node's C++ FileHandle is one
// (async_hooks' init sees a FILEHANDLE named FileHandle).
const FileHandleResource = class FileHandle extends AsyncResource {
  constructor() { super('FILEHANDLE'); }
};

// What Node's C++ FileHandle is to its JavaScript FileHandle; named so that
// util.inspect shows `FileHandle {}` under kHandle, as in Node.
const NativeHandle = class FileHandle {
  #state;
  #resource = new FileHandleResource();

  constructor(fd) {
    this.#state = { fd, closed: false };
    collected.register(this, this.#state, this.#state);
  }

  get fd() {
    return this.#state.fd;
  }

  getAsyncId() {
    return this.#resource.asyncId();
  }

  // Resolves when the fd is closed; rejects with the close error, which has
  // no frames (Node rejects from C++). The job is a FileHandleCloseReq.
  close() {
    const state = this.#state;
    state.closed = true;
    collected.unregister(state);
    return new Promise((resolve, reject) => {
      withRequests(FileHandleCloseReq, () => io.close(state.fd, (r) => {
        if (r < 0) reject(uvException(r, 'close', undefined, undefined, null));
        else resolve();
      }));
    });
  }
};

// ---- FileHandle ------------------------------------------------------------------------

// Node's FileHandle is EventEmitterMixin(JSTransferable): EventEmitter's
// methods copied onto a class of its own, so it is not `instanceof EventEmitter`.
class JSTransferable {}

function EventEmitterMixin(Superclass) {
  class MixedEventEmitter extends Superclass {
    constructor(...args) {
      super(...args);
      EventEmitter.call(this);
    }
  }
  const protoProps = Object.getOwnPropertyDescriptors(EventEmitter.prototype);
  delete protoProps.constructor;
  const ctorProps = Object.getOwnPropertyDescriptors(EventEmitter);
  delete ctorProps.length;
  delete ctorProps.prototype;
  delete ctorProps.name;
  Object.defineProperties(MixedEventEmitter.prototype, protoProps);
  Object.defineProperties(MixedEventEmitter, ctorProps);
  return MixedEventEmitter;
}

let streams = null;
function lazyStreams() {
  // fs streams (another part of unode): ReadStream and WriteStream over a FileHandle.
  streams ??= require('./streams');
  return streams;
}

class FileHandle extends EventEmitterMixin(JSTransferable) {
  constructor(filehandle) {
    super();
    this[kHandle] = filehandle;
    this[kFd] = filehandle ? filehandle.fd : -1;
    this[kRefs] = 1;
    this[kClosePromise] = null;
  }

  getAsyncId() {
    return this[kHandle].getAsyncId();
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFile, this, options);
  }

  readLines(options = undefined) {
    const { Interface } = require('readline');
    return new Interface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  close = () => {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      this[kClosePromise] = this[kHandle].close().finally(() => {
        this[kClosePromise] = undefined;
      });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = undefined;
        this[kCloseReject] = undefined;
        this[kCloseResolve] = undefined;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  };

  async [SymbolAsyncDispose]() {
    return this.close();
  }

  readableWebStream(options = kEmptyObject) {
    if (this[kFd] === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
    this[kLocked] = true;
    if (options.type !== undefined) validateString(options.type, 'options.type');
    const readable = require('./webstream').readableFrom(this, options.type === 'bytes', kUnref);
    this[kRef]();
    this.once('close', () => readable.cancelFromHandle());
    return readable.stream;
  }

  createReadStream(options = undefined) {
    const { ReadStream } = lazyStreams();
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = lazyStreams();
    return new WriteStream(undefined, { ...options, fd: this });
  }

  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      this[kHandle].close().then(this[kCloseResolve], this[kCloseReject]);
    }
  }
}

// Every FileHandle method: EBADF once closed; the handle held (kRef) while
// the operation runs, so that close() waits for it.
async function fsCall(fn, handle, ...args) {
  // Node's internal assert.
  if (handle[kRefs] === undefined) throw new ERR_INTERNAL_ASSERTION('handle must be an instance of FileHandle');
  if (handle.fd === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRef]();
    return await fn(handle, ...args);
  } finally {
    handle[kUnref]();
  }
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
}

// ---- operations on an open handle (fn.name is the syscall of fsCall's EBADF) ------------

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    // fh.read(params)
    if (bufferOrParams !== undefined) validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    // fh.read(buffer, options)
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offset);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0)
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  // Node's C++ asserts that the length is an int32 and aborts the process;
  // here it is a clear error instead.
  if (typeof length !== 'number') throw new ERR_INVALID_ARG_TYPE('length', 'number', length);
  if (!Number.isInteger(length)) throw new ERR_OUT_OF_RANGE('length', 'an integer', length);
  if (!Number.isSafeInteger(position)) position = -1;
  const bytesRead = await promised((resolve) => io.read(handle.fd, buffer, offset, length, position, resolve));
  if (bytesRead < 0) throw await uvRejection(bytesRead, 'read');
  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  const bytesRead = await promised((resolve) =>
    io.readBuffers(handle.fd, buffers, positionOrCurrent(position), resolve));
  if (bytesRead < 0) throw await uvRejection(bytesRead, 'read');
  return { __proto__: null, bytesRead, buffers };
}

function writeRaw(fd, buffer, offset, length, pos) {
  return promised((resolve) => io.writeAll(fd, buffer, offset, length, pos, resolve));
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten = await writeRaw(handle.fd, buffer, offset, length, positionOrCurrent(position));
    if (bytesWritten < 0) throw await uvRejection(bytesWritten, 'write');
    return { __proto__: null, bytesWritten, buffer };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  const data = Buffer.from(buffer, stringEncoding(length));
  const bytesWritten = await writeRaw(handle.fd, data, 0, data.byteLength, positionOrCurrent(offset));
  if (bytesWritten < 0) throw await uvRejection(bytesWritten, 'write');
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const bytesWritten = await promised((resolve) =>
    io.writeBuffers(handle.fd, buffers, positionOrCurrent(position), resolve));
  if (bytesWritten < 0) throw await uvRejection(bytesWritten, 'write');
  return { __proto__: null, bytesWritten, buffers };
}

async function fstat(handle, options = { bigint: false }) {
  const bigint = options.bigint === true;
  const [r, stats] = await promised((resolve) => io.statFd(handle.fd, bigint, (e, s) => resolve([e, s])));
  if (r < 0) throw await uvRejection(r, 'fstat');
  return stats;
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  const r = await call(nr.ftruncate, handle.fd, len);
  if (r < 0) throw await uvRejection(r, 'ftruncate');
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  const r = await call(nr.utimensat, handle.fd, null, timesFor(atime, mtime).slice(), 0);
  if (r < 0) throw await uvRejection(r, 'futime');
}

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  const r = await call(nr.fchmod, handle.fd, mode);
  if (r < 0) throw await uvRejection(r, 'fchmod');
}

async function fchown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  const r = await call(nr.fchown, handle.fd, uid, gid);
  if (r < 0) throw await uvRejection(r, 'fchown');
}

async function fdatasync(handle) {
  const r = await call(nr.fdatasync, handle.fd);
  if (r < 0) throw await uvRejection(r, 'fdatasync');
}

async function fsync(handle) {
  const r = await call(nr.fsync, handle.fd);
  if (r < 0) throw await uvRejection(r, 'fsync');
}

// ---- whole files ---------------------------------------------------------------------------

function regularSize(fd) {
  return promised((resolve) => io.regularSize(fd, (r, size) => resolve(r < 0 ? r : size)));
}

// Node's readFileHandle: the size from fstat, then reads of at most 512 KiB
// (64 KiB chunks when the size is unknown), decoded as they come with an encoding.
async function readFileHandle(filehandle, options) {
  const signal = options?.signal;
  const encoding = options?.encoding;
  const decoder = encoding && new StringDecoder(encoding);
  checkAborted(signal);
  const known = await regularSize(filehandle.fd);
  if (known < 0) throw await uvRejection(known, 'fstat');
  checkAborted(signal);
  const size = known;
  let length = encoding ? Math.min(size, kReadFileBufferLength) : size;
  if (length === 0) length = kReadFileUnknownBufferLength;
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);

  let totalRead = 0;
  const noSize = size === 0;
  let buffer = Buffer.allocUnsafeSlow(length);
  let result = '';
  let offset = 0;
  let buffers;
  const chunkedRead = length > kReadFileBufferLength;
  for (;;) {
    checkAborted(signal);
    if (chunkedRead) length = Math.min(size - totalRead, kReadFileBufferLength);
    const r = await promised((resolve) => io.read(filehandle.fd, buffer, offset, length, -1, resolve));
    if (r < 0) throw await uvRejection(r, 'read');
    const bytesRead = r;
    totalRead += bytesRead;
    if (bytesRead === 0 || totalRead === size ||
        (bytesRead !== buffer.length && !chunkedRead && !noSize)) {
      const singleRead = bytesRead === totalRead;
      const bytesToCheck = chunkedRead ? totalRead : bytesRead;
      if (bytesToCheck !== buffer.length) buffer = buffer.subarray(0, bytesToCheck);
      if (!encoding) {
        if (noSize && !singleRead) {
          buffers.push(buffer);
          return Buffer.concat(buffers, totalRead);
        }
        return buffer;
      }
      if (singleRead) return buffer.toString(encoding);
      result += decoder.end(buffer);
      return result;
    }
    const readBuffer = bytesRead !== buffer.length ? buffer.subarray(0, bytesRead) : buffer;
    if (encoding) {
      result += decoder.write(readBuffer);
    } else if (size !== 0) {
      offset = totalRead;
    } else {
      buffers ??= [];
      buffers.push(readBuffer);
      buffer = Buffer.allocUnsafeSlow(kReadFileUnknownBufferLength);
    }
  }
}

function isCustomIterable(obj) {
  return obj != null && (typeof obj[Symbol.asyncIterator] === 'function' ||
    typeof obj[Symbol.iterator] === 'function') && !isArrayBufferView(obj) && typeof obj !== 'string';
}

// Node's writeFileHandle: writes of at most 512 KiB until all is written;
// an iterable's chunks one after the other.
async function writeFileHandle(filehandle, data, signal, encoding) {
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const buf of data) {
      checkAborted(signal);
      const toWrite = isArrayBufferView(buf) ? buf : Buffer.from(buf, encoding || 'utf8');
      let remaining = toWrite.byteLength;
      while (remaining > 0) {
        const writeSize = Math.min(kWriteFileMaxChunkSize, remaining);
        const { bytesWritten } = await write(filehandle, toWrite, toWrite.byteLength - remaining, writeSize);
        remaining -= bytesWritten;
        checkAborted(signal);
      }
    }
    return;
  }
  data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let remaining = data.byteLength;
  if (remaining === 0) return;
  do {
    checkAborted(signal);
    const { bytesWritten } = await write(filehandle, data, 0, Math.min(kWriteFileMaxChunkSize, data.byteLength));
    remaining -= bytesWritten;
    data = new Uint8Array(data.buffer, data.byteOffset + bytesWritten, data.byteLength - bytesWritten);
  } while (remaining > 0);
}

// fh.readFile and fh.writeFile call fs/promises' readFile and writeFile,
// which promises.js registers here (their names are the EBADF syscall).
const wholeFile = { readFile: null, writeFile: null };
function readFile(handle, options) {
  return wholeFile.readFile(handle, options);
}
function writeFile(handle, data, options) {
  return wholeFile.writeFile(handle, data, options);
}

module.exports = {
  FileHandle,
  NativeHandle,
  kRef,
  kUnref,
  kHandle,
  fsCall,
  checkAborted,
  isCustomIterable,
  readFileHandle,
  writeFileHandle,
  wholeFile,
  read,
  write,
  ftruncate,
  fchmod,
};
