// libjs: the errno table: name, number, Node's message, the C library's text.
// One table; names, messages and the E constants all come from it.
'use strict';

// [name, errno, message, text]
//   message: what Node prints for the code (libuv's uv_strerror), or null where
//     Node has no entry for this errno and prints `Unknown system error -N`;
//   text: the C library's strerror(3), or null for libuv's own codes.
// Numbers above 133 are libuv's codes (getaddrinfo errors, EOF, ...), which Node
// reports as negative numbers like errnos; the kernel never returns them.
const TABLE = [
  ['EPERM', 1, 'operation not permitted', 'Operation not permitted'],
  ['ENOENT', 2, 'no such file or directory', 'No such file or directory'],
  ['ESRCH', 3, 'no such process', 'No such process'],
  ['EINTR', 4, 'interrupted system call', 'Interrupted system call'],
  ['EIO', 5, 'i/o error', 'Input/output error'],
  ['ENXIO', 6, 'no such device or address', 'No such device or address'],
  ['E2BIG', 7, 'argument list too long', 'Argument list too long'],
  ['ENOEXEC', 8, null, 'Exec format error'],
  ['EBADF', 9, 'bad file descriptor', 'Bad file descriptor'],
  ['ECHILD', 10, null, 'No child processes'],
  ['EAGAIN', 11, 'resource temporarily unavailable', 'Resource temporarily unavailable'],
  ['ENOMEM', 12, 'not enough memory', 'Cannot allocate memory'],
  ['EACCES', 13, 'permission denied', 'Permission denied'],
  ['EFAULT', 14, 'bad address in system call argument', 'Bad address'],
  ['ENOTBLK', 15, null, 'Block device required'],
  ['EBUSY', 16, 'resource busy or locked', 'Device or resource busy'],
  ['EEXIST', 17, 'file already exists', 'File exists'],
  ['EXDEV', 18, 'cross-device link not permitted', 'Invalid cross-device link'],
  ['ENODEV', 19, 'no such device', 'No such device'],
  ['ENOTDIR', 20, 'not a directory', 'Not a directory'],
  ['EISDIR', 21, 'illegal operation on a directory', 'Is a directory'],
  ['EINVAL', 22, 'invalid argument', 'Invalid argument'],
  ['ENFILE', 23, 'file table overflow', 'Too many open files in system'],
  ['EMFILE', 24, 'too many open files', 'Too many open files'],
  ['ENOTTY', 25, 'inappropriate ioctl for device', 'Inappropriate ioctl for device'],
  ['ETXTBSY', 26, 'text file is busy', 'Text file busy'],
  ['EFBIG', 27, 'file too large', 'File too large'],
  ['ENOSPC', 28, 'no space left on device', 'No space left on device'],
  ['ESPIPE', 29, 'invalid seek', 'Illegal seek'],
  ['EROFS', 30, 'read-only file system', 'Read-only file system'],
  ['EMLINK', 31, 'too many links', 'Too many links'],
  ['EPIPE', 32, 'broken pipe', 'Broken pipe'],
  ['EDOM', 33, null, 'Numerical argument out of domain'],
  ['ERANGE', 34, 'result too large', 'Numerical result out of range'],
  ['EDEADLK', 35, null, 'Resource deadlock avoided'],
  ['ENAMETOOLONG', 36, 'name too long', 'File name too long'],
  ['ENOLCK', 37, null, 'No locks available'],
  ['ENOSYS', 38, 'function not implemented', 'Function not implemented'],
  ['ENOTEMPTY', 39, 'directory not empty', 'Directory not empty'],
  ['ELOOP', 40, 'too many symbolic links encountered', 'Too many levels of symbolic links'],
  ['ENOMSG', 42, null, 'No message of desired type'],
  ['EIDRM', 43, null, 'Identifier removed'],
  ['ECHRNG', 44, null, 'Channel number out of range'],
  ['EL2NSYNC', 45, null, 'Level 2 not synchronized'],
  ['EL3HLT', 46, null, 'Level 3 halted'],
  ['EL3RST', 47, null, 'Level 3 reset'],
  ['ELNRNG', 48, null, 'Link number out of range'],
  ['EUNATCH', 49, 'protocol driver not attached', 'Protocol driver not attached'],
  ['ENOCSI', 50, null, 'No CSI structure available'],
  ['EL2HLT', 51, null, 'Level 2 halted'],
  ['EBADE', 52, null, 'Invalid exchange'],
  ['EBADR', 53, null, 'Invalid request descriptor'],
  ['EXFULL', 54, null, 'Exchange full'],
  ['ENOANO', 55, null, 'No anode'],
  ['EBADRQC', 56, null, 'Invalid request code'],
  ['EBADSLT', 57, null, 'Invalid slot'],
  ['EBFONT', 59, null, 'Bad font file format'],
  ['ENOSTR', 60, null, 'Device not a stream'],
  ['ENODATA', 61, 'no data available', 'No data available'],
  ['ETIME', 62, null, 'Timer expired'],
  ['ENOSR', 63, null, 'Out of streams resources'],
  ['ENONET', 64, 'machine is not on the network', 'Machine is not on the network'],
  ['ENOPKG', 65, null, 'Package not installed'],
  ['EREMOTE', 66, null, 'Object is remote'],
  ['ENOLINK', 67, null, 'Link has been severed'],
  ['EADV', 68, null, 'Advertise error'],
  ['ESRMNT', 69, null, 'Srmount error'],
  ['ECOMM', 70, null, 'Communication error on send'],
  ['EPROTO', 71, 'protocol error', 'Protocol error'],
  ['EMULTIHOP', 72, null, 'Multihop attempted'],
  ['EDOTDOT', 73, null, 'RFS specific error'],
  ['EBADMSG', 74, null, 'Bad message'],
  ['EOVERFLOW', 75, 'value too large for defined data type', 'Value too large for defined data type'],
  ['ENOTUNIQ', 76, null, 'Name not unique on network'],
  ['EBADFD', 77, null, 'File descriptor in bad state'],
  ['EREMCHG', 78, null, 'Remote address changed'],
  ['ELIBACC', 79, null, 'Can not access a needed shared library'],
  ['ELIBBAD', 80, null, 'Accessing a corrupted shared library'],
  ['ELIBSCN', 81, null, '.lib section in a.out corrupted'],
  ['ELIBMAX', 82, null, 'Attempting to link in too many shared libraries'],
  ['ELIBEXEC', 83, null, 'Cannot exec a shared library directly'],
  ['EILSEQ', 84, 'illegal byte sequence', 'Invalid or incomplete multibyte or wide character'],
  ['ERESTART', 85, null, 'Interrupted system call should be restarted'],
  ['ESTRPIPE', 86, null, 'Streams pipe error'],
  ['EUSERS', 87, null, 'Too many users'],
  ['ENOTSOCK', 88, 'socket operation on non-socket', 'Socket operation on non-socket'],
  ['EDESTADDRREQ', 89, 'destination address required', 'Destination address required'],
  ['EMSGSIZE', 90, 'message too long', 'Message too long'],
  ['EPROTOTYPE', 91, 'protocol wrong type for socket', 'Protocol wrong type for socket'],
  ['ENOPROTOOPT', 92, 'protocol not available', 'Protocol not available'],
  ['EPROTONOSUPPORT', 93, 'protocol not supported', 'Protocol not supported'],
  ['ESOCKTNOSUPPORT', 94, 'socket type not supported', 'Socket type not supported'],
  ['ENOTSUP', 95, 'operation not supported on socket', 'Operation not supported'],
  ['EPFNOSUPPORT', 96, null, 'Protocol family not supported'],
  ['EAFNOSUPPORT', 97, 'address family not supported', 'Address family not supported by protocol'],
  ['EADDRINUSE', 98, 'address already in use', 'Address already in use'],
  ['EADDRNOTAVAIL', 99, 'address not available', 'Cannot assign requested address'],
  ['ENETDOWN', 100, 'network is down', 'Network is down'],
  ['ENETUNREACH', 101, 'network is unreachable', 'Network is unreachable'],
  ['ENETRESET', 102, null, 'Network dropped connection on reset'],
  ['ECONNABORTED', 103, 'software caused connection abort', 'Software caused connection abort'],
  ['ECONNRESET', 104, 'connection reset by peer', 'Connection reset by peer'],
  ['ENOBUFS', 105, 'no buffer space available', 'No buffer space available'],
  ['EISCONN', 106, 'socket is already connected', 'Transport endpoint is already connected'],
  ['ENOTCONN', 107, 'socket is not connected', 'Transport endpoint is not connected'],
  ['ESHUTDOWN', 108, 'cannot send after transport endpoint shutdown', 'Cannot send after transport endpoint shutdown'],
  ['ETOOMANYREFS', 109, null, 'Too many references: cannot splice'],
  ['ETIMEDOUT', 110, 'connection timed out', 'Connection timed out'],
  ['ECONNREFUSED', 111, 'connection refused', 'Connection refused'],
  ['EHOSTDOWN', 112, 'host is down', 'Host is down'],
  ['EHOSTUNREACH', 113, 'host is unreachable', 'No route to host'],
  ['EALREADY', 114, 'connection already in progress', 'Operation already in progress'],
  ['EINPROGRESS', 115, null, 'Operation now in progress'],
  ['ESTALE', 116, null, 'Stale file handle'],
  ['EUCLEAN', 117, null, 'Structure needs cleaning'],
  ['ENOTNAM', 118, null, 'Not a XENIX named type file'],
  ['ENAVAIL', 119, null, 'No XENIX semaphores available'],
  ['EISNAM', 120, null, 'Is a named type file'],
  ['EREMOTEIO', 121, 'remote I/O error', 'Remote I/O error'],
  ['EDQUOT', 122, null, 'Disk quota exceeded'],
  ['ENOMEDIUM', 123, null, 'No medium found'],
  ['EMEDIUMTYPE', 124, null, 'Wrong medium type'],
  ['ECANCELED', 125, 'operation canceled', 'Operation canceled'],
  ['ENOKEY', 126, null, 'Required key not available'],
  ['EKEYEXPIRED', 127, null, 'Key has expired'],
  ['EKEYREVOKED', 128, null, 'Key has been revoked'],
  ['EKEYREJECTED', 129, null, 'Key was rejected by service'],
  ['EOWNERDEAD', 130, null, 'Owner died'],
  ['ENOTRECOVERABLE', 131, null, 'State not recoverable'],
  ['ERFKILL', 132, null, 'Operation not possible due to RF-kill'],
  ['EHWPOISON', 133, null, 'Memory page has hardware error'],
  ['EAI_ADDRFAMILY', 3000, 'address family not supported', null],
  ['EAI_AGAIN', 3001, 'temporary failure', null],
  ['EAI_BADFLAGS', 3002, 'bad ai_flags value', null],
  ['EAI_CANCELED', 3003, 'request canceled', null],
  ['EAI_FAIL', 3004, 'permanent failure', null],
  ['EAI_FAMILY', 3005, 'ai_family not supported', null],
  ['EAI_MEMORY', 3006, 'out of memory', null],
  ['EAI_NODATA', 3007, 'no address', null],
  ['EAI_NONAME', 3008, 'unknown node or service', null],
  ['EAI_OVERFLOW', 3009, 'argument buffer overflow', null],
  ['EAI_SERVICE', 3010, 'service not available for socket type', null],
  ['EAI_SOCKTYPE', 3011, 'socket type not supported', null],
  ['EAI_BADHINTS', 3013, 'invalid value for hints', null],
  ['EAI_PROTOCOL', 3014, 'resolved protocol is unknown', null],
  ['EFTYPE', 4028, 'inappropriate file type or format', null],
  ['ECHARSET', 4080, 'invalid Unicode character', null],
  ['UNKNOWN', 4094, 'unknown error', null],
  ['EOF', 4095, 'end of file', null],
];

// Second names for the same number (Linux defines them as aliases).
const ALIASES = { EWOULDBLOCK: 11, EDEADLOCK: 35, EOPNOTSUPP: 95 };

const byNumber = new Map();
const E = {};
for (const [name, errno, message, text] of TABLE) {
  const entry = Object.freeze({ name, errno, message, text });
  byNumber.set(errno, entry);
  E[name] = errno;
}
Object.assign(E, ALIASES);
Object.freeze(E);
const table = Object.freeze([...byNumber.values()]);

function abs(n) {
  return n < 0 ? -n : n;
}

function unknown(n) {
  return `Unknown system error -${abs(n)}`;
}

// The name of an errno, positive or negative: Node's code where Node has one
// ('ENOTSUP' for 95), the Linux name otherwise ('EDOM'), and Node's
// `Unknown system error -N` for a number no table knows.
function errname(n) {
  const e = byNumber.get(abs(n));
  return e ? e.name : unknown(n);
}

// The message Node prints for an errno: 'no such file or directory', or
// `Unknown system error -N` where Node has no entry (as uv_strerror does).
function strerror(n) {
  const e = byNumber.get(abs(n));
  return e && e.message !== null ? e.message : unknown(n);
}

// Exactly what Node's util.getSystemErrorName() gives: Node's code, or
// `Unknown system error -N` for errnos Node does not map (EDOM, ECHILD, ...).
function nodeErrname(n) {
  const e = byNumber.get(abs(n));
  return e && e.message !== null ? e.name : unknown(n);
}

// True when Node has a code and message for this errno.
function nodeKnows(n) {
  const e = byNumber.get(abs(n));
  return e !== undefined && e.message !== null;
}

// The C library's text ('No such file or directory'), for people who want
// strerror(3); libuv's codes give Node's message, unknown numbers glibc's
// `Unknown error N`.
function describe(n) {
  const e = byNumber.get(abs(n));
  if (e === undefined) return `Unknown error ${abs(n)}`;
  return e.text !== null ? e.text : e.message;
}

// The table entry for a number or a name, or undefined.
function lookup(key) {
  if (typeof key === 'string') {
    const n = E[key];
    return n === undefined ? undefined : byNumber.get(n);
  }
  return byNumber.get(abs(key));
}

module.exports = { ...E, E, table, errname, strerror, nodeErrname, nodeKnows, describe, lookup };
