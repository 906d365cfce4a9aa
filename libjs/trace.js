// libjs: UNODE_TRACE, an strace of the stack. sys.js routes the call gate
// through wrap() when the variable is set; eloop and libaio report the calls
// they make elsewhere (worker threads, completions) through record().
//   UNODE_TRACE=1 (or stderr)  one line per call on stderr
//   UNODE_TRACE=<path>         appended to that file (relative: to the cwd at start)
//   unset, empty, 0 or false   off
// The tracer writes through libsys directly, never through the traced gate,
// and does nothing of its own while it formats a line, so it never traces
// itself.
'use strict';
const libsys = require('libsys');

const setting = process.env.UNODE_TRACE || '';
const enabled = !['', '0', 'false', 'off'].includes(setting);

let D = null; // decoding tables, loaded on first use (constants, errno, structs, argument kinds)
let out = -1; // the fd lines go to
let depth = 0;

function init() {
  if (D !== null) return;
  const sysnr = require('./sysnr');
  const C = require('./constants');
  D = { sysnr, C, errno: require('./errno'), table: require('./trace_table'), names: new Map(), flags: {} };
  for (const [name, n] of Object.entries(sysnr)) if (!D.names.has(n)) D.names.set(n, name);
  const g = C.groups;
  const pick = (group, re, skip = []) =>
    Object.entries(group).filter(([k, v]) => re.test(k) && !skip.includes(k) && typeof v === 'number');
  D.flags = {
    oflags: pick(g.fcntl, /^O_/, ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE', 'O_NDELAY', 'O_RSYNC', 'O_LARGEFILE']),
    atflags: pick(g.fcntl, /^AT_(SYMLINK|NO_AUTOMOUNT|EMPTY_PATH|STATX_(FORCE|DONT)|RECURSIVE)/),
    unlinkflags: [['AT_REMOVEDIR', C.AT_REMOVEDIR]],
    accessflags: [['AT_EACCESS', C.AT_EACCESS], ['AT_SYMLINK_NOFOLLOW', C.AT_SYMLINK_NOFOLLOW]],
    renameflags: pick(g.fcntl, /^RENAME_/),
    prot: pick(g.mman, /^PROT_/, ['PROT_NONE']),
    mapflags: pick(g.mman, /^MAP_/, ['MAP_TYPE', 'MAP_ANON', 'MAP_HUGE_SHIFT', 'MAP_HUGE_MASK', 'MAP_HUGE_2MB', 'MAP_HUGE_1GB', 'MAP_SHARED_VALIDATE']),
    socktype: pick(g.socket, /^SOCK_(NONBLOCK|CLOEXEC)$/),
    statxmask: pick(g.stat, /^STATX_(BASIC_STATS|BTIME|MNT_ID|DIOALIGN|TYPE|MODE|NLINK|UID|GID|[AMC]TIME|INO|SIZE|BLOCKS)$/),
    epollev: pick(g.events, /^EPOLL(IN|PRI|OUT|ERR|HUP|RDHUP|EXCLUSIVE|WAKEUP|ONESHOT|ET)$/),
    inotifymask: pick(g.events, /^IN_/, ['IN_ALL_EVENTS', 'IN_CLOSE', 'IN_MOVE', 'IN_NONBLOCK', 'IN_CLOEXEC']),
    cloexec: pick(g.fcntl, /^O_(CLOEXEC|NONBLOCK)$/),
  };
  // Wider masks first, so O_SYNC is named before the O_DSYNC bit inside it.
  const bits = (v) => { let c = 0; for (let x = v >>> 0; x; x &= x - 1) c++; return c; };
  for (const list of Object.values(D.flags)) list.sort((a, b) => bits(b[1]) - bits(a[1]));
  D.enums = {
    whence: pick(g.unistd, /^SEEK_/),
    clock: pick(g.time, /^CLOCK_/),
    epollop: pick(g.events, /^EPOLL_CTL_/),
    fcntlcmd: pick(g.fcntl, /^F_(DUPFD|GETFD|SETFD|GETFL|SETFL|GETLK|SETLK|SETLKW|SETOWN|GETOWN|OFD_\w+|DUPFD_CLOEXEC|GETPIPE_SZ|SETPIPE_SZ|ADD_SEALS|GET_SEALS)$/),
    domain: pick(g.socket, /^AF_/, ['AF_LOCAL', 'AF_ROUTE']),
    amode: [['F_OK', 0]],
  };
}

// ---- formatting ---------------------------------------------------------

function num(v) {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : typeof v === 'number' ? v : v ? 1 : 0;
}
function isView(v) {
  return ArrayBuffer.isView(v) || v instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
}
function hex(v) {
  if (v === null || v === undefined || v === false) return 'NULL';
  if (typeof v === 'bigint') return v === 0n ? 'NULL' : `0x${BigInt.asUintN(64, v).toString(16)}`;
  if (typeof v === 'number') return v === 0 ? 'NULL' : v < 0 ? String(v) : `0x${v.toString(16)}`;
  if (isView(v)) return bufferAddress(v);
  return String(v);
}
// A buffer the call was given, shown as strace shows a pointer it does not
// decode (a failed call's output struct, say): its address, not its bytes.
// (args.js is required here, not at load: it needs sys.js, which loads this.)
function bufferAddress(v) {
  try {
    return `0x${require('./args').addressAt(v, 0).toString(16)}`;
  } catch {
    return `[${v.byteLength} bytes]`;
  }
}
function octal(v) {
  const n = num(v);
  return n === 0 ? '0' : `0${n.toString(8)}`;
}
function quote(s) {
  const t = s.length > 4096 ? `${s.slice(0, 4096)}` : s;
  return JSON.stringify(t) + (t.length < s.length ? '...' : '');
}
function cstr(v) {
  if (typeof v === 'string') return quote(v);
  if (isView(v)) {
    const u8 = v instanceof ArrayBuffer || v instanceof SharedArrayBuffer ? new Uint8Array(v) :
      new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const end = u8.indexOf(0);
    return quote(Buffer.from(u8.subarray(0, end < 0 ? u8.length : end)).toString('utf8'));
  }
  return hex(v);
}
// Bits by name: `list` is [name, value] with wider masks first; what no name
// covers is printed in hex.
function flagNames(v, list, zero = '0') {
  let rest = num(v) >>> 0;
  if (rest === 0) return zero;
  const names = [];
  for (const [name, bit] of list) {
    const b = bit >>> 0;
    if (b !== 0 && (rest & b) === b) { names.push(name); rest = (rest & ~b) >>> 0; }
  }
  if (rest !== 0) names.push(`0x${rest.toString(16)}`);
  return names.join('|');
}
function enumName(v, list) {
  const n = num(v);
  for (const [name, value] of list) if (value === n) return name;
  return String(n);
}
function openFlags(v) {
  const n = num(v);
  const acc = ['O_RDONLY', 'O_WRONLY', 'O_RDWR', '3'][n & 3];
  const rest = flagNames(n & ~3, D.flags.oflags, '');
  return rest ? `${acc}|${rest}` : acc;
}
function modeType(m) {
  const t = { 0o140000: 'S_IFSOCK', 0o120000: 'S_IFLNK', 0o100000: 'S_IFREG', 0o60000: 'S_IFBLK',
    0o40000: 'S_IFDIR', 0o20000: 'S_IFCHR', 0o10000: 'S_IFIFO' }[m & 0o170000];
  return t ? `${t}|${octal(m & 0o7777)}` : octal(m);
}
function accessMode(v) {
  const n = num(v);
  if (n === 0) return 'F_OK';
  return flagNames(n, [['R_OK', 4], ['W_OK', 2], ['X_OK', 1]]);
}

// A struct the kernel filled or read: decoded from the view, or from memory
// at a numeric address once the call has succeeded (the kernel used it).
function structView(v, size, result) {
  if (isView(v)) return v instanceof ArrayBuffer || v instanceof SharedArrayBuffer ? new Uint8Array(v) : v;
  const ok = typeof result !== 'number' || result >= 0;
  if (ok && (typeof v === 'number' || typeof v === 'bigint') && num(v) > 0) {
    return new Uint8Array(libsys.view(BigInt(num(v)), size));
  }
  return null;
}

const STRUCTS = {
  stat(v, ctx) {
    const st = require('./struct/stat');
    const b = ctx.ok ? structView(v, st.SIZE, ctx.result) : null;
    if (!b) return hex(v);
    const s = st.decode(b);
    return `{st_mode=${modeType(s.mode)}, st_size=${s.size}, ...}`;
  },
  statx(v, ctx) {
    const sx = require('./struct/statx');
    const b = ctx.ok ? structView(v, sx.SIZE, ctx.result) : null;
    if (!b) return hex(v);
    const s = sx.decode(b);
    return `{stx_mode=${modeType(s.mode)}, stx_size=${s.size}, ...}`;
  },
  timespec(v, ctx) {
    const b = structView(v, 16, ctx.result);
    if (!b) return hex(v);
    const t = require('./struct/time').timespec.decode(b);
    return `{tv_sec=${t.sec}, tv_nsec=${t.nsec}}`;
  },
  sockaddr(v, ctx) {
    const len = num(ctx.args[ctx.index + 1]);
    const b = isView(v) ? v : null;
    if (!b || !(len > 0)) return hex(v);
    const a = require('./struct/sockaddr').decode(b, Math.min(len, b.byteLength));
    const fam = enumName(a.family, D.enums.domain);
    if (a.address !== undefined) return `{${fam}, ${JSON.stringify(a.address)}, port=${a.port}}`;
    if (a.path !== undefined) return `{${fam}, ${quote(a.path)}}`;
    return `{${fam}, ...}`;
  },
  epoll_event(v, ctx) {
    if (!isView(v)) return hex(v);
    const ep = require('./struct/epoll');
    return `{events=${flagNames(ep.events(v), D.flags.epollev)}, data=${ep.data(v)}}`;
  },
};

// A number as the kernel gets it (libsys passes null/undefined/false as 0,
// true as 1); anything else cannot be marshalled and is named instead.
function intArg(v) {
  if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint') {
    return String(num(v));
  }
  return `<${v === null ? 'null' : typeof v === 'object' ? (v.constructor && v.constructor.name) || 'object' : typeof v}>`;
}

function arg(kind, v, ctx) {
  switch (kind) {
    case 'fd': case 'int': case 'len': case 'off': case 'pid': case 'uid': return intArg(v);
    case 'dirfd': return num(v) === D.C.AT_FDCWD ? 'AT_FDCWD' : intArg(v);
    case 'path': case 'str': return cstr(v);
    case 'buf': {
      if (isView(v)) return `<buf ${v.byteLength}>`;
      const li = ctx.kinds.indexOf('len', ctx.index);
      return li > 0 && (v !== 0 && v !== null && v !== undefined) ? `<buf ${num(ctx.args[li])}>` : hex(v);
    }
    case 'iov': return isView(v) ? `<iov ${Math.floor(v.byteLength / 16)}>` : hex(v);
    case 'ptr': case 'hex': return isView(v) ? `<buf ${v.byteLength}>` : hex(v);
    case 'mode': return octal(v);
    case 'cmode': { // printed only when the open creates a file, as strace does
      const fl = num(ctx.args[ctx.index - 1]);
      return fl & (D.C.O_CREAT | (D.C.O_TMPFILE & ~D.C.O_DIRECTORY)) ? octal(v) : null;
    }
    case 'fmode': return modeType(num(v));
    case 'oflags': return openFlags(v);
    case 'amode': return accessMode(v);
    case 'signal': return D.C.signame(num(v)) || String(num(v));
    case 'socktype': {
      const n = num(v);
      const t = ['0', 'SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET'][n & 0xf] || String(n & 0xf);
      const rest = flagNames(n & ~0xf, D.flags.socktype, '');
      return rest ? `${t}|${rest}` : t;
    }
    default:
      if (kind.startsWith('struct:')) {
        const f = STRUCTS[kind.slice(7)];
        return f ? f(v, ctx) : isView(v) ? `<${kind.slice(7)} ${v.byteLength}>` : hex(v);
      }
      if (D.flags[kind]) return flagNames(v, D.flags[kind]);
      if (D.enums[kind]) return enumName(v, D.enums[kind]);
      return isView(v) ? `<buf ${v.byteLength}>` : hex(v);
  }
}

function resultText(name, r) {
  const n = typeof r === 'bigint' ? BigInt.asIntN(64, r) : r;
  if (typeof n !== 'number' && typeof n !== 'bigint') return String(n);
  if (n < 0 && n >= -4095) {
    const e = Number(-n);
    const msg = D.errno.nodeKnows(e) ? D.errno.strerror(e) : D.errno.describe(e);
    return `-1 ${D.errno.errname(e)} (${msg})`;
  }
  if (D.table.RESULT[name] === 'ptr') return hex(n);
  return String(n);
}

// One line: `openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 3`.
// `call` is a syscall number or a name; result undefined prints `= ?`.
function format(call, args, result) {
  init();
  const name = typeof call === 'string' ? call : D.names.get(num(call)) || `syscall_${num(call)}`;
  const sig = D.table.SIGS[name];
  const kinds = sig === undefined ? [] : sig === '' ? [] : sig.split(' ');
  const count = sig === undefined ? args.length : kinds.length;
  const ok = typeof result === 'bigint' ? BigInt.asIntN(64, result) >= 0n : typeof result === 'number' && result >= 0;
  const ctx = { args, kinds, index: 0, result, ok };
  const parts = [];
  for (let i = 0; i < count && i < Math.max(args.length, kinds.length); i++) {
    ctx.index = i;
    let text;
    try {
      text = arg(kinds[i] || 'hex', args[i], ctx);
    } catch {
      text = hex(args[i]);
    }
    if (text !== null) parts.push(text);
  }
  return `${name}(${parts.join(', ')}) = ${result === undefined ? '?' : resultText(name, result)}`;
}

// ---- output ------------------------------------------------------------

function openOutput() {
  if (out !== -1) return out;
  if (['1', 'true', 'stderr', 'on'].includes(setting)) return (out = 2);
  init();
  const { C, sysnr } = D;
  const fd = libsys.syscall(sysnr.openat, C.AT_FDCWD, setting,
    C.O_WRONLY | C.O_APPEND | C.O_CREAT | C.O_CLOEXEC, 0o644);
  if (fd < 0) {
    const err = new Error(`UNODE_TRACE: cannot open ${setting}: ${D.errno.errname(-fd)} (${D.errno.describe(-fd)})`);
    err.code = 'ERR_UNODE_TRACE';
    throw err;
  }
  // A Worker's own trace fd is closed when the Worker ends.
  if (!libsys.isMainThread) libsys.fdTrack(fd);
  return (out = fd);
}

// One write(2) per line (so lines from several threads or processes never
// interleave), continued after a short write, retried on EINTR, and waiting
// in ppoll on EAGAIN (stderr may be a non-blocking pipe).
function emit(line) {
  const fd = openOutput();
  const { sysnr } = D;
  const buf = Buffer.from(`${line}\n`);
  let off = 0;
  while (off < buf.length) {
    const r = libsys.syscall(sysnr.write, fd, off === 0 ? buf : buf.subarray(off), buf.length - off);
    if (r >= 0) off += r;
    else if (r === -11) waitWritable(fd);
    else if (r !== -4) return; // EBADF, EPIPE, ...: the trace is lost, the program goes on
  }
}

function waitWritable(fd) {
  const pfd = Buffer.alloc(8);
  pfd.writeInt32LE(fd, 0);
  pfd.writeInt16LE(4, 4); // POLLOUT
  libsys.syscall(D.sysnr.ppoll, pfd, 1, null, null, 0);
}

// ---- entry points -------------------------------------------------------

// Calls after which the process may be gone before the line is written: exit
// never returns; a signal sent to ourselves is delivered as the call returns,
// and execve replaces the program. Their line goes out first, strace-style.
const BEFORE = {
  exit: 'end', exit_group: 'end', execve: 'resume', execveat: 'resume',
  kill: 'resume', tkill: 'resume', tgkill: 'resume',
};

// The gate `fn(nr, ...args)` with every call traced; `fn` itself when tracing
// is off.
function wrap(fn, label) {
  if (!enabled) return fn;
  init();
  openOutput();
  const traced = function(nr, ...args) {
    if (depth > 0) return fn(nr, ...args);
    const name = D.names.get(num(nr));
    const before = BEFORE[name];
    if (before !== undefined) {
      depth++;
      try {
        const line = format(nr, args, undefined);
        emit(before === 'end' ? line : `${line.slice(0, -4)} <unfinished ...>`);
      } catch {} finally { depth--; }
    }
    let r;
    try {
      r = fn(nr, ...args);
    } catch (err) {
      record(nr, args, undefined, { error: err });
      throw err;
    }
    if (before === 'resume') {
      depth++;
      try { emit(`<... ${name} resumed> = ${resultText(name, r)}`); } catch {} finally { depth--; }
    } else {
      record(nr, args, r);
    }
    return r;
  };
  Object.defineProperty(traced, 'name', { value: label || fn.name });
  return traced;
}

// Records one call made outside the gate: `call` a syscall number or name,
// `args` as passed to the kernel, `result` the kernel's (number, BigInt, or
// -errno). opts.tag prefixes the line (`[eloop] read(...) = 5`); opts.error, a
// call that threw before reaching the kernel.
function record(call, args, result, opts) {
  if (!enabled || depth > 0) return;
  depth++;
  try {
    let line = format(call, args, result);
    if (opts && opts.error) line = `${line.slice(0, -1)}? (${opts.error.name}: ${opts.error.message})`;
    if (opts && opts.tag) line = `[${opts.tag}] ${line}`;
    emit(line);
  } catch {
    // A line that cannot be formatted or written must not break the program.
  } finally {
    depth--;
  }
}

module.exports = { enabled, wrap, record, format };
