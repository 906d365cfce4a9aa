// unode/internal: the one place where an errno becomes an Error, and the
// registry of Node's ERR_* codes, with Node 20's classes, messages and shapes.
'use strict';

const util = require('util');
const errno = require('libjs/errno');
const {
  determineSpecificType,
  formatList,
  addNumericalSeparator,
  invalidArgTypeMessage,
  invalidArgValueMessage,
  outOfRangeMessage,
  missingArgsMessage,
} = require('./errors-format');

// Node renders `TypeError [ERR_X]: msg` in stacks for errors that answer to its
// private kIsNodeError symbol (its prepareStackTrace callback checks it). The
// symbol is reachable on the prototype chain of any error Node's own code
// throws; with it our errors format lazily, exactly as Node's do. Without it
// (another runtime), the header is rendered eagerly instead.
const kIsNodeError = (() => {
  let e;
  try { Buffer.alloc('x'); } catch (err) { e = err; }
  for (let p = e && Object.getPrototypeOf(e); p; p = Object.getPrototypeOf(p)) {
    for (const s of Object.getOwnPropertySymbols(p))
      if (s.description === 'kIsNodeError') return s;
  }
  return null;
})();

function stackTraceLimitIsWritable() {
  const d = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (d === undefined) return Object.isExtensible(Error);
  return 'writable' in d ? d.writable : d.set !== undefined;
}

// Frames of unode's own argument checking: a validation error shows the
// public function as its top frame, as Node's do. Functions registered here
// are skipped (with everything they called) when an error's stack is captured.
const hidden = new Map();
function hideStackFrames(fn) {
  if (hidden.has(fn.name) && hidden.get(fn.name) !== fn)
    throw new Error(`unode: two hidden functions named ${fn.name}`);
  hidden.set(fn.name, fn);
  return fn;
}

// Hidden functions that Node does not wrap with its hideStackFrames (it
// throws plain NodeErrors from them), and those whose errors Node makes
// without frames at all (parseFileMode: a HideStackFramesError that no
// wrapper captures again).
const unwrappedInNode = new Set();
const framelessInNode = new Set();
function markUnwrapped(fn) { unwrappedInNode.add(fn); }
function markFrameless(fn) { framelessInNode.add(fn); }

function callSites(_, sites) { return sites; }

// Capture `err`'s stack above the outermost hidden function that is on top of
// the stack at `below` (a constructor or the error helper itself). Returns
// the hidden function that threw (the one just under `below`), or null.
function captureStack(err, below) {
  if (!stackTraceLimitIsWritable() || !(Error.stackTraceLimit > 0)) {
    Error.captureStackTrace(err, below);
    return null;
  }
  const prep = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  const holder = {};
  Error.prepareStackTrace = callSites;
  Error.stackTraceLimit = 32;
  Error.captureStackTrace(holder, below);
  const sites = holder.stack;
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = limit;
  let outer = below;
  let thrower = null;
  if (Array.isArray(sites)) {
    for (let i = 0; i < sites.length; i++) {
      const fn = hidden.get(sites[i].getFunctionName());
      if (fn === undefined) break;
      if (i === 0) thrower = fn;
      outer = fn;
    }
  }
  if (thrower !== null && framelessInNode.has(thrower)) withoutStack(() => Error.captureStackTrace(err));
  else Error.captureStackTrace(err, outer);
  return thrower;
}

// Construct without collecting a stack (it is captured once, afterwards).
// Where a program froze Error.stackTraceLimit the assignment throws (strict
// mode) and the stack is simply collected twice.
function suspendStack() {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
  } catch {
    return null;
  }
  return { limit };
}
function resumeStack(saved) {
  if (saved !== null) Error.stackTraceLimit = saved.limit;
}
function withoutStack(make) {
  const saved = suspendStack();
  try {
    return make();
  } finally {
    resumeStack(saved);
  }
}

function renderHeader(err) {
  if (kIsNodeError !== null) return;
  // No access to Node's symbol: format now, with the bracketed code in the name.
  const name = err.name;
  Object.defineProperty(err, 'name', { value: `${name} [${err.code}]`, configurable: true, writable: true });
  void err.stack;
  delete err.name;
}

// ---- System errors (Node's UVException) -------------------------------------

// `errnum` is the kernel's negative result (or a positive errno). `hide`: the
// function whose caller becomes the top frame (default: the caller of
// uvException); null for an error with no frames, as Node's callback-API
// errors are. Properties in the order of Node's C++ UVException: errno, code,
// syscall, path, dest.
function uvException(errnum, syscall, path, dest, hide) {
  return makeUvError(errnum, syscall, path, dest, hide === undefined ? uvException : hide, false);
}

// The same error as Node's JavaScript UVException builds it from a C++
// context (writeSync and the calls that go through it): errno, syscall, code,
// path, dest.
function uvExceptionFromContext(errnum, syscall, path, dest, hide) {
  return makeUvError(errnum, syscall, path, dest, hide === undefined ? uvExceptionFromContext : hide, true);
}

// The hot form, for calls that fail often (stat, open, access, ...): the
// caller writes `throw uvErrorFill(new Error(uvMessage(r, 'stat', path)), r,
// 'stat', path)`, so the stack is captured once, by `new Error` in the public
// function itself (uvException captures twice: ~0.6 us more per error).
function uvMessage(errnum, syscall, path, dest) {
  const n = errnum < 0 ? errnum : -errnum;
  let message = `${errno.nodeErrname(n)}: ${errno.strerror(n)}, ${syscall}`;
  if (path != null) message += ` '${typeof path === 'string' ? path : path.toString()}'`;
  if (dest != null) message += ` -> '${typeof dest === 'string' ? dest : dest.toString()}'`;
  return message;
}
function uvErrorFill(err, errnum, syscall, path, dest) {
  const n = errnum < 0 ? errnum : -errnum;
  err.errno = n;
  err.code = errno.nodeErrname(n);
  err.syscall = syscall;
  if (path != null) err.path = typeof path === 'string' ? path : path.toString();
  if (dest != null) err.dest = typeof dest === 'string' ? dest : dest.toString();
  return err;
}

function makeUvError(errnum, syscall, path, dest, hide, contextOrder) {
  const n = errnum < 0 ? errnum : -errnum;
  const code = errno.nodeErrname(n);
  let message = `${code}: ${errno.strerror(n)}, ${syscall}`;
  let p, d;
  // Node's C++ names any path it was given, even ''; its JavaScript only a
  // non-empty one.
  if (contextOrder ? path : path != null) {
    p = typeof path === 'string' ? path : path.toString();
    message += ` '${p}'`;
  }
  if (contextOrder ? dest : dest != null) {
    d = typeof dest === 'string' ? dest : dest.toString();
    message += ` -> '${d}'`;
  }
  const limit = Error.stackTraceLimit;
  let suspended = true;
  try {
    Error.stackTraceLimit = 0;
  } catch {
    suspended = false;
  }
  const err = new Error(message);
  if (suspended) Error.stackTraceLimit = limit;
  err.errno = n;
  if (contextOrder) {
    err.syscall = syscall;
    err.code = code;
  } else {
    err.code = code;
    err.syscall = syscall;
  }
  if (p !== undefined) err.path = p;
  if (d !== undefined) err.dest = d;
  if (hide !== null) Error.captureStackTrace(err, hide);
  return err;
}

// fs/promises: a failed call rejects as Node's binding promises do. Node
// rejects them from C++ and its handleErrorFromBinding gives the error its
// stack in a reaction job of the promise that the calling async function
// awaits: the stack is that function as `at async open (...)` and the async
// functions awaiting it, with no synchronous frame, since Node runs those
// jobs from C++. Here jobs complete in JavaScript (eloop's drain, inside the
// loop's tick), so the synchronous frames under the job are dropped from the
// text. Written `throw await uvRejection(...)` in an async function: the
// await throws, with that function on the async stack.
function uvRejection(errnum, syscall, path, dest) {
  return Promise.reject(makeUvError(errnum, syscall, path, dest, null, false)).then(undefined, asyncStack);
}

const kSyncFramesAllowance = 32; // frames under the job, not counted against stackTraceLimit

function asyncStack(err) {
  const limit = Error.stackTraceLimit;
  let counted = typeof limit === 'number' && limit >= 0 && limit < Infinity;
  try {
    if (counted) Error.stackTraceLimit = limit + kSyncFramesAllowance;
  } catch {
    counted = false; // a program froze it
  }
  try {
    Error.captureStackTrace(err, asyncStack);
  } finally {
    if (counted) Error.stackTraceLimit = limit;
  }
  const text = err.stack; // formatted now, through any Error.prepareStackTrace
  if (typeof text === 'string') {
    const head = `${err.name}: ${err.message}`;
    const at = text.startsWith(head) ? head.length : -1;
    const firstAsync = at < 0 ? -1 : text.indexOf('\n    at async ', at);
    if (firstAsync >= 0) {
      let frames = text.slice(firstAsync + 1).split('\n');
      if (counted && frames.length > limit) frames = frames.slice(0, limit);
      err.stack = frames.length > 0 ? `${head}\n${frames.join('\n')}` : head; // limit 0: the head alone
    }
  }
  throw err;
}

// `${syscall} ${code}` (util._errnoException; process.kill, sockets, child
// processes). Node 20 makes these with a class of its own whose prototype
// holds only a `constructor` that reads Error.
class ErrnoException extends Error {
  constructor(n, syscall, original) {
    const code = errno.nodeErrname(n);
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    withoutStack(() => super(message));
    this.errno = n;
    this.code = code;
    this.syscall = syscall;
  }

  get ['constructor']() { return Error; }
}

function errnoException(errnum, syscall, original) {
  const err = new ErrnoException(errnum < 0 ? errnum : -errnum, syscall, original);
  Error.captureStackTrace(err, errnoException);
  return err;
}

// `${syscall} ${code} ${address}:${port}` (net, dgram).
function exceptionWithHostPort(errnum, syscall, address, port, additional) {
  const n = errnum < 0 ? errnum : -errnum;
  const code = errno.nodeErrname(n);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const err = withoutStack(() => new Error(`${syscall} ${code}${details}`));
  err.errno = n;
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  Error.captureStackTrace(err, exceptionWithHostPort);
  return err;
}

// ---- The registry -------------------------------------------------------------

const codes = {};
const messages = new Map();

function countFormatArgs(msg) {
  const m = msg.match(/%[dfijoOs]/g);
  return m === null ? 0 : m.length;
}

function formatMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return Reflect.apply(msg, self, args);
  if (countFormatArgs(msg) === 0) return msg;
  return util.format(msg, ...args);
}

// Set by withMessage() for the next construction only.
let presetMessage = null;

// An instance of a registry class whose message is given as is (the wording
// of Node's C++ checks, which differs from its registry's).
function withMessage(Class, message) {
  presetMessage = message;
  try {
    return new Class();
  } finally {
    presetMessage = null;
  }
}

// One class per code (and per extra base class, as Node's ERR_INVALID_ARG_VALUE.RangeError).
function makeNodeError(Base, key) {
  const msg = messages.get(key);
  const fixed = typeof msg === 'string' ? msg : null;
  class NodeError extends Base {
    constructor(...args) {
      if (presetMessage !== null) {
        const m = presetMessage;
        presetMessage = null;
        withoutStack(() => super());
        this.code = key;
        Object.defineProperty(this, 'message', {
          value: m, enumerable: false, writable: true, configurable: true,
        });
      } else if (fixed !== null && countFormatArgs(fixed) === 0) {
        withoutStack(() => super(fixed));
        this.code = key;
      } else if (fixed !== null) {
        withoutStack(() => super(util.format(fixed, ...args)));
        this.code = key;
      } else {
        withoutStack(() => super());
        this.code = key;
        Object.defineProperty(this, 'message', {
          value: formatMessage(key, args, this), enumerable: false, writable: true, configurable: true,
        });
      }
      const thrower = captureStack(this, new.target);
      // Node's wrapped validators throw the HideStackFramesError variant.
      if (thrower !== null && !unwrappedInNode.has(thrower) && new.target === NodeError)
        Object.setPrototypeOf(this, NodeError.HideStackFramesError.prototype);
      renderHeader(this);
    }

    get ['constructor']() { return Base; }

    toString() { return `${this.name} [${key}]: ${this.message}`; }
  }
  if (kIsNodeError !== null)
    Object.defineProperty(NodeError.prototype, kIsNodeError, { get() { return true; }, configurable: true });
  // What Node's argument checks throw: the same error one prototype further
  // down, whose prototype holds only `constructor` (reading Base).
  NodeError.HideStackFramesError = class HideStackFramesError extends NodeError {
    get ['constructor']() { return Base; }
  };
  return NodeError;
}

// Errors that carry a libuv-style context in `info` (ERR_SYSTEM_ERROR,
// ERR_FS_EISDIR, ERR_FS_CP_*): `${prefix}: ${syscall} returned ${code} (${message}) ${path} => ${dest}`.
class SystemError extends Error {
  constructor(key, context) {
    withoutStack(() => super());
    const prefix = formatMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    this.code = key;
    const props = {
      name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { value: message, enumerable: false, writable: true, configurable: true },
      info: { value: context, enumerable: true, configurable: true, writable: false },
      errno: {
        get() { return context.errno; },
        set: (value) => { context.errno = value; },
        enumerable: true,
        configurable: true,
      },
      syscall: {
        get() { return context.syscall; },
        set: (value) => { context.syscall = value; },
        enumerable: true,
        configurable: true,
      },
    };
    if (kIsNodeError !== null)
      props[kIsNodeError] = { value: true, enumerable: false, writable: false, configurable: true };
    Object.defineProperties(this, props);
    if (context.path !== undefined) {
      Object.defineProperty(this, 'path', {
        get() { return context.path != null ? context.path.toString() : context.path; },
        set: (value) => { context.path = value ? Buffer.from(value.toString()) : undefined; },
        enumerable: true,
        configurable: true,
      });
    }
    if (context.dest !== undefined) {
      Object.defineProperty(this, 'dest', {
        get() { return context.dest != null ? context.dest.toString() : context.dest; },
        set: (value) => { context.dest = value ? Buffer.from(value.toString()) : undefined; },
        enumerable: true,
        configurable: true,
      });
    }
    captureStack(this, new.target);
    renderHeader(this);
  }

  toString() { return `${this.name} [${this.code}]: ${this.message}`; }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return util.inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

function makeSystemError(key) {
  const C = class NodeError extends SystemError {
    constructor(ctx) { super(key, ctx); }
  };
  // The variant Node throws from its argument checks (rm's EISDIR, ...): the
  // same error, but its `constructor` reads as SystemError.
  // It is made without frames; the thrower captures them (captureStack).
  C.HideStackFramesError = class HideStackFramesError extends C {
    constructor(ctx) {
      super(ctx);
      withoutStack(() => Error.captureStackTrace(this));
    }

    get ['constructor']() { return SystemError; }
  };
  return C;
}

// Each class is made when its code is first read: making all of them costs
// about 1 ms at every start-up, and a program meets few. codes.X is then a
// plain property, as it was.
function E(key, msg, Base, ...otherBases) {
  messages.set(key, msg);
  Object.defineProperty(codes, key, {
    configurable: true,
    enumerable: true,
    get() {
      const C = Base === SystemError ? makeSystemError(key) : makeNodeError(Base, key);
      for (const B of otherBases) C[B.name] = makeNodeError(B, key);
      Object.defineProperty(codes, key, { value: C, writable: true, enumerable: true, configurable: true });
      return C;
    },
  });
}

E('ERR_ACCESS_DENIED', function(msg, permission = '', resource = '') {
  this.permission = permission;
  this.resource = resource;
  return msg;
}, Error);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
E('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_DIR_CONCURRENT_OPERATION',
  'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The feature %s is unavailable on the current platform, which is being used to run Node.js', TypeError);
E('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', SystemError);
E('ERR_FS_CP_EEXIST', 'Target already exists', SystemError);
E('ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError);
E('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', SystemError);
E('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', SystemError);
E('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', SystemError);
E('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', SystemError);
E('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', SystemError);
E('ERR_FS_EISDIR', 'Path is a directory', SystemError);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_FS_INVALID_SYMLINK_TYPE',
  'Symlink type must be one of "dir", "file", or "junction". Received "%s"', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => invalidArgTypeMessage(name, expected, actual, false),
  TypeError);
E('ERR_INVALID_ARG_VALUE', invalidArgValueMessage, TypeError, RangeError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) =>
  `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`,
TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ?
    `one of scheme ${expected[0]} or ${expected[1]}` : `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', missingArgsMessage, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) =>
  outOfRangeMessage(str, range, input, replaceDefaultBoolean, false), RangeError);
E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
E('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', SystemError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_SYSTEM_ERROR', 'A system error occurred', SystemError);
E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', SystemError);
E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers', TypeError);

// Node's C++ argument checks throw plain TypeErrors and RangeErrors with a
// `code` (no [CODE] in their stack header), worded a little differently from
// its registry (see determineSpecificTypeNative). The message passes through
// a C string there, so it ends at the first NUL (a string argument that holds
// one is cut short, closing quote and all).
function nativeError(Base, code, message) {
  const nul = message.indexOf('\0');
  if (nul !== -1) message = message.slice(0, nul);
  const err = withoutStack(() => new Base(message));
  err.code = code;
  captureStack(err, nativeError);
  return err;
}
function nativeInvalidArgType(name, expected, actual) {
  return nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', invalidArgTypeMessage(name, expected, actual, true));
}
function nativeOutOfRange(name, range, input) {
  return nativeError(RangeError, 'ERR_OUT_OF_RANGE', outOfRangeMessage(name, range, input, false, true));
}
hideStackFrames(withMessage);
hideStackFrames(nativeInvalidArgType);
hideStackFrames(nativeOutOfRange);

// Node's AbortError: a plain Error with code ABORT_ERR and name AbortError.
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object')
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// Combine a cleanup failure with the original one (an AggregateError), as Node does.
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = withoutStack(() => new AggregateError([outerError, innerError], outerError.message));
    Error.captureStackTrace(err, aggregateTwoErrors);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

module.exports = {
  codes,
  SystemError,
  AbortError,
  uvException,
  uvRejection,
  uvExceptionFromContext,
  uvMessage,
  uvErrorFill,
  errnoException,
  exceptionWithHostPort,
  aggregateTwoErrors,
  nativeError,
  nativeInvalidArgType,
  nativeOutOfRange,
  withMessage,
  hideStackFrames,
  markUnwrapped,
  markFrameless,
  captureStack,
  determineSpecificType,
  formatList,
  addNumericalSeparator,
  kIsNodeError,
};
