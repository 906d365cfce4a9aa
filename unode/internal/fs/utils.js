// unode/internal/fs: option handling shared by the sync, callback and promise
// forms: options objects, encodings of results, access/copy modes, offsets and
// positions, rm/rmdir/cp options, symlink types. Node 20's rules and errors.
'use strict';

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
  markUnwrapped,
} = require('../errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
} = require('../validators');
const { isArrayBufferView } = require('util').types;

const kEmptyObject = Object.freeze({ __proto__: null });

// Reads and writes of 2 GiB or more are refused, as by libuv.
const kIoMaxLength = 2 ** 31 - 1;
const kMaxUserId = 2 ** 32 - 1;
const kReadFileUnknownBufferLength = 64 * 1024;
const kReadFileBufferLength = 512 * 1024;
const kWriteFileMaxChunkSize = 512 * 1024;

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding))
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
}

// `options` as a string (the encoding) or an object; defaults when absent.
function getOptions(options, defaultOptions = kEmptyObject) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

// A name or path the kernel gave as bytes, in the encoding the caller asked
// for ('buffer' for a Buffer; utf8 when none). Node's getOptions lets any
// falsy encoding through ('', 0, false) and its C++ reads those as utf8.
function encodeBytes(buf, start, end, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8')
    return buf.utf8Slice(start, end);
  if (encoding === 'buffer') return Buffer.from(buf.subarray(start, end));
  return buf.toString(encoding, start, end);
}

// A JavaScript string result (a path unode composed) in the caller's encoding.
function encodeString(str, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8')
    return str;
  const b = Buffer.from(str);
  return encoding === 'buffer' ? b : b.toString(encoding);
}

// access() modes and copyFile() modes.
const F_OK = 0;
const kMaximumAccessMode = 7;
const kMaximumCopyMode = 7;

function getValidMode(mode, type) {
  let min = 0;
  let max = kMaximumAccessMode;
  let def = F_OK;
  if (type === 'copyFile') {
    max = kMaximumCopyMode;
    def = mode || 0;
  }
  if (mode == null) return def;
  validateInteger(mode, 'mode', min, max);
  return mode;
}

// An ArrayBufferView's size in bytes. `byteLength` is a generic property
// load in Node 20's optimising compiler (~12 ns); a Uint8Array's (and so a
// Buffer's) `length` is inlined.
function byteLengthOf(view) {
  return view instanceof Uint8Array ? view.length : view.byteLength;
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength)
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset)
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers))
    throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  for (let i = 0; i < buffers.length; i++) {
    if (!isArrayBufferView(buffers[i]))
      throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

function validatePosition(position, name) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    if (!(position >= -(2n ** 63n) && position <= 2n ** 63n - 1n)) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

function validateStringAfterArrayBufferView(buffer, name) {
  if (typeof buffer !== 'string')
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
}

// symlink(target, path, type): 'dir' and 'junction' matter on Windows only.
function stringToSymlinkType(type) {
  let flags = 0;
  if (typeof type === 'string') {
    switch (type) {
      case 'dir': flags |= 1; break;
      case 'junction': flags |= 2; break;
      case 'file': break;
      default: throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
    }
  }
  return flags;
}

let nonPortableTemplateWarn = true;
function warnOnNonPortableTemplate(template) {
  if (nonPortableTemplateWarn &&
      ((typeof template === 'string' && template.endsWith('X')) ||
       (typeof template !== 'string' && template.at(-1) === 0x58))) {
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
}

// Process-wide one-time warnings, shared by the sync, callback and promise forms.
let truncateWarn = true;
function showTruncateDeprecation() {
  if (truncateWarn) {
    process.emitWarning(
      'Using fs.truncate with a file descriptor is deprecated. Please use ' +
      'fs.ftruncate with a file descriptor instead.',
      'DeprecationWarning', 'DEP0081');
    truncateWarn = false;
  }
}

let recursiveRmdirWarned;
function emitRecursiveRmdirWarning() {
  if (recursiveRmdirWarned === undefined) recursiveRmdirWarned = process.noDeprecation;
  if (!recursiveRmdirWarned) {
    process.emitWarning(
      'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
      'DeprecationWarning',
      'DEP0147',
    );
    recursiveRmdirWarned = true;
  }
}

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
const defaultRmdirOptions = { retryDelay: 100, maxRetries: 0, recursive: false };

function validateRmdirOptions(options, defaults = defaultRmdirOptions) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

// rm's options before the file system is asked anything.
function validateRmOptionsShape(options) {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

const defaultCpOptions = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...defaultCpOptions };
  validateObject(options, 'options');
  options = { ...defaultCpOptions, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getValidMode(options.mode, 'copyFile');
  if (options.dereference === true && options.verbatimSymlinks === true)
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

for (const fn of [
  assertEncoding, getOptions, getValidMode, validateOffsetLengthRead, validateOffsetLengthWrite,
  validateBufferArray, validatePosition, validateStringAfterArrayBufferView, stringToSymlinkType,
  validateRmdirOptions, validateRmOptionsShape, validateCpOptions,
]) hideStackFrames(fn);
markUnwrapped(assertEncoding); // plain NodeErrors in Node (not wrapped there)
markUnwrapped(getOptions);

module.exports = {
  kEmptyObject,
  kIoMaxLength,
  kMaxUserId,
  kReadFileUnknownBufferLength,
  kReadFileBufferLength,
  kWriteFileMaxChunkSize,
  assertEncoding,
  getOptions,
  copyObject,
  encodeBytes,
  encodeString,
  getValidMode,
  byteLengthOf,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateBufferArray,
  validatePosition,
  validateStringAfterArrayBufferView,
  stringToSymlinkType,
  warnOnNonPortableTemplate,
  showTruncateDeprecation,
  emitRecursiveRmdirWarning,
  defaultRmOptions,
  defaultRmdirOptions,
  validateRmdirOptions,
  validateRmOptionsShape,
  validateCpOptions,
  // Node's CommonJS loader passes its cache under its own private symbol; any
  // symbol-keyed Map whose description is this one is used the same way.
  realpathCacheKey: Symbol('realpathCacheKey'),
};
