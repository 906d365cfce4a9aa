// test/unode: unode/internal/errors.js against Node's own registry, which a
// child `node --expose-internals` builds with the same arguments: class,
// name, code, message, own properties (order and enumerability), toString,
// the stack's first line and util.inspect's rendering.
'use strict';

const assert = require('assert');
const path = require('path');
const { execFileSync } = require('child_process');

// [code, arguments as source] for every code unode registers.
const samples = [
  ['ERR_ACCESS_DENIED', "'denied', 'FileSystemRead', '/x'"],
  ['ERR_ARG_NOT_ITERABLE', "'Query pairs'"],
  ['ERR_BUFFER_OUT_OF_BOUNDS', "'offset'"],
  ['ERR_BUFFER_OUT_OF_BOUNDS', ''],
  ['ERR_BUFFER_TOO_LARGE', '4294967296'],
  ['ERR_CHILD_CLOSED_BEFORE_REPLY', ''],
  ['ERR_CHILD_PROCESS_IPC_REQUIRED', "'stdio'"],
  ['ERR_CHILD_PROCESS_STDIO_MAXBUFFER', "'stdout'"],
  ['ERR_DIR_CLOSED', ''],
  ['ERR_DIR_CONCURRENT_OPERATION', ''],
  ['ERR_ENCODING_NOT_SUPPORTED', "'utf-9'"],
  ['ERR_FALSY_VALUE_REJECTION', '0'],
  ['ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', "'fs.lchmod'"],
  ['ERR_FS_CP_DIR_TO_NON_DIR', "{ message: 'cannot overwrite', path: '/d', syscall: 'cp', errno: 21, code: 'EISDIR' }"],
  ['ERR_FS_CP_EEXIST', "{ message: '/d already exists', path: '/d', syscall: 'cp', errno: 17, code: 'EEXIST' }"],
  ['ERR_FS_CP_EINVAL', "{ message: 'src and dest cannot be the same', path: '/d', syscall: 'cp', errno: 22, code: 'EINVAL' }"],
  ['ERR_FS_CP_FIFO_PIPE', "{ message: 'cannot copy a FIFO pipe: /d', path: '/d', syscall: 'cp', errno: 22, code: 'EINVAL' }"],
  ['ERR_FS_CP_NON_DIR_TO_DIR', "{ message: 'm', path: '/d', syscall: 'cp', errno: 20, code: 'ENOTDIR' }"],
  ['ERR_FS_CP_SOCKET', "{ message: 'm', path: '/d', syscall: 'cp', errno: 22, code: 'EINVAL' }"],
  ['ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', "{ message: 'm', path: '/d', syscall: 'cp', errno: 22, code: 'EINVAL' }"],
  ['ERR_FS_CP_UNKNOWN', "{ message: 'm', path: '/d', syscall: 'cp', errno: 22, code: 'EINVAL' }"],
  ['ERR_FS_EISDIR', "{ code: 'EISDIR', message: 'is a directory', path: '/d', syscall: 'rm', errno: 21 }"],
  ['ERR_FS_EISDIR', "{ code: 'EISDIR', message: 'is a directory', path: Buffer.from('/b'), dest: '/e', syscall: 'rm', errno: 21 }"],
  ['ERR_FS_FILE_TOO_LARGE', '3000000000'],
  ['ERR_FS_INVALID_SYMLINK_TYPE', "'bad'"],
  ['ERR_ILLEGAL_CONSTRUCTOR', ''],
  ['ERR_INCOMPATIBLE_OPTION_PAIR', "'dereference', 'verbatimSymlinks'"],
  ['ERR_INVALID_ADDRESS_FAMILY', "'IPv5', 'localhost', 80"],
  ['ERR_INVALID_ARG_TYPE', "'path', ['string', 'Buffer', 'URL'], 5"],
  ['ERR_INVALID_ARG_TYPE', "'first argument', 'string', null"],
  ['ERR_INVALID_ARG_TYPE', "'options.x', ['Object', 'Function', 'null'], [1]"],
  ['ERR_INVALID_ARG_TYPE', "'a', ['object', 'Function', 'Buffer', 'an integer'], () => {}"],
  ['ERR_INVALID_ARG_TYPE', "'a', ['string', 'number', 'bigint', 'boolean'], Symbol('q')"],
  ['ERR_INVALID_ARG_TYPE', "'a', ['Date', 'Time in seconds'], 'x'.repeat(30)"],
  ['ERR_INVALID_ARG_TYPE', "'a', 'ArrayBufferView[]', \"it's\""],
  ['ERR_INVALID_ARG_VALUE', "'flags', 'rr'"],
  ['ERR_INVALID_ARG_VALUE', "'path', 'a\\x00b', 'must be without null bytes'"],
  ['ERR_INVALID_ARG_VALUE', "'options.x', { deep: { deeper: { deepest: [1, 2, 3] } } }, 'is bad'"],
  ['ERR_INVALID_ARG_VALUE', "'big', 'y'.repeat(300)"],
  ['ERR_INVALID_BUFFER_SIZE', "'16-bits'"],
  ['ERR_INVALID_CHAR', "'header content', 'x-h'"],
  ['ERR_INVALID_CHAR', "'header content'"],
  ['ERR_INVALID_FD', '-3'],
  ['ERR_INVALID_FD_TYPE', "'UNKNOWN'"],
  ['ERR_INVALID_FILE_URL_HOST', "'linux'"],
  ['ERR_INVALID_FILE_URL_PATH', "'must be absolute'"],
  ['ERR_INVALID_HANDLE_TYPE', ''],
  ['ERR_INVALID_IP_ADDRESS', "'1.2.3'"],
  ['ERR_INVALID_PROTOCOL', "'ftp:', 'http:'"],
  ['ERR_INVALID_RETURN_VALUE', "'boolean', 'filter', Promise.resolve()"],
  ['ERR_INVALID_STATE', "'closed'"],
  ['ERR_INVALID_SYNC_FORK_INPUT', "'x'"],
  ['ERR_INVALID_THIS', "'URLSearchParams'"],
  ['ERR_INVALID_URL', "'bad url'"],
  ['ERR_INVALID_URL', "'bad', 'http://base'"],
  ['ERR_INVALID_URL_SCHEME', "'file'"],
  ['ERR_INVALID_URL_SCHEME', "['file', 'data']"],
  ['ERR_IPC_CHANNEL_CLOSED', ''],
  ['ERR_IPC_DISCONNECTED', ''],
  ['ERR_IPC_ONE_PIPE', ''],
  ['ERR_IPC_SYNC_FORK', ''],
  ['ERR_METHOD_NOT_IMPLEMENTED', "'_read()'"],
  ['ERR_MISSING_ARGS', "'a'"],
  ['ERR_MISSING_ARGS', "'a', 'b'"],
  ['ERR_MISSING_ARGS', "['a', 'b'], 'c', 'd'"],
  ['ERR_MISSING_OPTION', "'options.key'"],
  ['ERR_MULTIPLE_CALLBACK', ''],
  ['ERR_OPERATION_FAILED', "'x'"],
  ['ERR_OUT_OF_RANGE', "'fd', '>= 0 && <= 2147483647', 2 ** 40"],
  ['ERR_OUT_OF_RANGE', "'fd', '>= 0', -(2 ** 33)"],
  ['ERR_OUT_OF_RANGE', "'n', 'an integer', 1.5"],
  ['ERR_OUT_OF_RANGE', "'n', '< 2n', 2n ** 40n"],
  ['ERR_OUT_OF_RANGE', "'n', '< 2n', 5n"],
  ['ERR_OUT_OF_RANGE', "'Custom text.', 'positive', 'str', true"],
  ['ERR_SERVER_ALREADY_LISTEN', ''],
  ['ERR_SERVER_NOT_RUNNING', ''],
  ['ERR_SOCKET_ALREADY_BOUND', ''],
  ['ERR_SOCKET_BAD_BUFFER_SIZE', ''],
  ['ERR_SOCKET_BAD_PORT', "'Port', 70000"],
  ['ERR_SOCKET_BAD_PORT', "'options.port', -1, false"],
  ['ERR_SOCKET_BAD_TYPE', ''],
  ['ERR_SOCKET_BUFFER_SIZE', "{ errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_recv_buffer_size' }"],
  ['ERR_SOCKET_CLOSED', ''],
  ['ERR_SOCKET_CLOSED_BEFORE_CONNECTION', ''],
  ['ERR_SOCKET_CONNECTION_TIMEOUT', ''],
  ['ERR_SOCKET_DGRAM_IS_CONNECTED', ''],
  ['ERR_SOCKET_DGRAM_NOT_CONNECTED', ''],
  ['ERR_SOCKET_DGRAM_NOT_RUNNING', ''],
  ['ERR_STREAM_ALREADY_FINISHED', "'end'"],
  ['ERR_STREAM_CANNOT_PIPE', ''],
  ['ERR_STREAM_DESTROYED', "'write'"],
  ['ERR_STREAM_NULL_VALUES', ''],
  ['ERR_STREAM_PREMATURE_CLOSE', ''],
  ['ERR_STREAM_PUSH_AFTER_EOF', ''],
  ['ERR_STREAM_UNSHIFT_AFTER_END_EVENT', ''],
  ['ERR_STREAM_WRAP', ''],
  ['ERR_STREAM_WRITE_AFTER_END', ''],
  ['ERR_SYSTEM_ERROR', "{ errno: -13, code: 'EACCES', message: 'permission denied', syscall: 'uv_os_get_passwd' }"],
  ['ERR_TTY_INIT_FAILED', "{ errno: -9, code: 'EBADF', message: 'bad file descriptor', syscall: 'uv_tty_init' }"],
  ['ERR_UNAVAILABLE_DURING_EXIT', ''],
  ['ERR_UNESCAPED_CHARACTERS', "'Request path'"],
  ['ERR_UNHANDLED_ERROR', "'boom'"],
  ['ERR_UNHANDLED_ERROR', ''],
  ['ERR_UNKNOWN_CREDENTIAL', "'User', 'nobody2'"],
  ['ERR_UNKNOWN_ENCODING', "'utf-9'"],
  ['ERR_UNKNOWN_SIGNAL', "'SIGFOO'"],
  ['ERR_USE_AFTER_CLOSE', "'readline'"],
  ['ERR_WORKER_UNSUPPORTED_OPERATION', "'process.chdir()'"],
];

const describer = `
const util = require('util');
function describe(codes, code, args, variant) {
  let C = codes[code];
  if (variant) C = C[variant];
  const e = new Function('C', 'return new C(' + args + ')')(C);
  const header = String(e.stack).split('\\n')[0];
  const inspected = util.inspect(e).split('\\n').filter((l) => !/^ +at /.test(l)).join('\\n');
  return {
    ctor: e.constructor.name, proto: Object.getPrototypeOf(Object.getPrototypeOf(e)).constructor.name,
    name: e.name, code: e.code, message: e.message, keys: Object.keys(e), own: Object.getOwnPropertyNames(e),
    string: String(e), header, inspected, instanceOfBase: e instanceof Error,
  };
}
function all(codes, samples) {
  return samples.map(([code, args, variant]) => {
    try { return describe(codes, code, args, variant); } catch (err) { return { threw: String(err) }; }
  });
}
`;

const variants = [
  ['ERR_INVALID_ARG_VALUE', "'x', 5", 'RangeError'],
  ['ERR_INVALID_STATE', "'x'", 'TypeError'],
  ['ERR_INVALID_STATE', "'x'", 'RangeError'],
  ['ERR_OPERATION_FAILED', "'x'", 'TypeError'],
  ['ERR_INVALID_RETURN_VALUE', "'x', 'y', 5", 'RangeError'],
  ['ERR_FS_EISDIR', "{ code: 'EISDIR', message: 'is a directory', path: '/d', syscall: 'rm', errno: 21 }", 'HideStackFramesError'],
];

describe('errors against Node\'s own registry (node --expose-internals)', () => {
  let expected;
  let actual;
  const all = samples.map(([c, a]) => [c, a]).concat(variants);
  before(function() {
    this.timeout(60000);
    const script = `${describer}
      process.stdout.write(JSON.stringify(all(require('internal/errors').codes, ${JSON.stringify(all)})));`;
    expected = JSON.parse(execFileSync(process.execPath, ['--expose-internals', '-e', script]));
    // eslint-disable-next-line no-new-func
    const own = new Function('require', `${describer}; return all;`)(require);
    actual = own(require('../../unode/internal/errors').codes, all);
  });
  all.forEach(([code, args, variant], i) => {
    it(`${code}${variant ? `.${variant}` : ''}(${args})`, () => {
      assert.deepStrictEqual(actual[i], expected[i]);
    });
  });
});

describe('uvException and friends', () => {
  const E = require('../../unode/internal/errors');
  it('has Node\'s private kIsNodeError symbol, so stacks render as Node renders them', () => {
    assert.strictEqual(typeof E.kIsNodeError, 'symbol');
    assert.strictEqual(E.kIsNodeError.description, 'kIsNodeError');
  });
  it('errno names and messages as Node prints them, unknown ones included', () => {
    for (const [n, name, msg] of [[-2, 'ENOENT', 'no such file or directory'], [-9, 'EBADF', 'bad file descriptor'],
      [-33, 'Unknown system error -33', 'Unknown system error -33'], [-4095, 'EOF', 'end of file'],
      [-9999, 'Unknown system error -9999', 'Unknown system error -9999']]) {
      const e = E.uvException(n, 'open', '/p');
      assert.strictEqual(e.message, `${name}: ${msg}, open '/p'`);
      assert.strictEqual(e.code, name);
      assert.strictEqual(e.errno, n);
      assert.strictEqual(require('util').getSystemErrorName(n), name);
    }
  });
  it('paths and dests, Buffers included; the context order variant', () => {
    const e = E.uvException(-17, 'symlink', Buffer.from('/a'), '/b');
    assert.strictEqual(e.message, "EEXIST: file already exists, symlink '/a' -> '/b'");
    assert.deepStrictEqual(Object.keys(e), ['errno', 'code', 'syscall', 'path', 'dest']);
    const c = E.uvExceptionFromContext(-9, 'write');
    assert.deepStrictEqual(Object.keys(c), ['errno', 'syscall', 'code']);
    assert.strictEqual(E.uvException(-2, 'open', '').message, "ENOENT: no such file or directory, open ''");
    assert.strictEqual(E.uvExceptionFromContext(-2, 'open', '').message, 'ENOENT: no such file or directory, open');
  });
  it('null hide gives no frames (callback-style errors)', () => {
    const e = E.uvException(-2, 'open', '/x', undefined, null);
    assert.strictEqual(e.stack, "Error: ENOENT: no such file or directory, open '/x'");
  });
  it('errnoException and exceptionWithHostPort as Node words them', () => {
    const a = E.errnoException(-104, 'read');
    assert.strictEqual(a.message, 'read ECONNRESET');
    assert.deepStrictEqual(Object.keys(a), ['errno', 'code', 'syscall']);
    const b = E.exceptionWithHostPort(-111, 'connect', '127.0.0.1', 9);
    assert.strictEqual(b.message, 'connect ECONNREFUSED 127.0.0.1:9');
    assert.deepStrictEqual(Object.keys(b), ['errno', 'code', 'syscall', 'address', 'port']);
  });
  it('AbortError as Node\'s', async () => {
    const ac = new AbortController();
    ac.abort();
    let node;
    try {
      await require('events').once(new (require('events'))(), 'x', { signal: ac.signal });
    } catch (e) {
      node = e;
    }
    const ours = new E.AbortError(undefined, { cause: ac.signal.reason });
    assert.strictEqual(ours.name, node.name);
    assert.strictEqual(ours.code, node.code);
    assert.strictEqual(ours.message, node.message);
    assert.deepStrictEqual(Object.keys(ours), Object.keys(node));
  });
  it('native-style errors are plain classes with a code', () => {
    const e = E.nativeInvalidArgType('fd', 'number', () => 1);
    assert.strictEqual(e.message, 'The "fd" argument must be of type number. Received function');
    assert.strictEqual(String(e).startsWith('TypeError: '), true);
    assert.strictEqual(E.nativeOutOfRange('fd', '>= 0', 2 ** 40).message,
      'The value of "fd" is out of range. It must be >= 0. Received 1099511627776');
  });
  void path;
});
