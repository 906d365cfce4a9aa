// unode: the os module, Node's API over unode/internal/os (libjs system calls
// and the /proc, /sys and /etc files libuv reads). See docs/os-process.md.
'use strict';
const errno = require('libjs/errno');
const { getpriority, setpriority } = require('libjs/resource');
const { PRIO_PROCESS } = require('libjs/constants');
const { codes: { ERR_SYSTEM_ERROR }, hideStackFrames } = require('../internal/errors');
const { validateInt32 } = require('../internal/validators');
const system = require('../internal/os/system');
const { cpus: readCpus } = require('../internal/os/cpus');
const { interfaceAddresses } = require('../internal/os/interfaces');
const user = require('../internal/os/user');
const constants = require('../internal/os/constants');

// Node's ERR_SYSTEM_ERROR for a libuv call that failed with -errno `n` (the
// stack starts at the public function that called this).
const systemError = hideStackFrames(function osSystemError(n, syscall) {
  return new ERR_SYSTEM_ERROR({ errno: n, code: errno.nodeErrname(n), message: errno.strerror(n), syscall });
});

// What Node's getCheckedFunction throws: ERR_SYSTEM_ERROR's
// HideStackFramesError variant (its `constructor` reads as SystemError; the
// wrapper below captures the stack).
const checkedError = hideStackFrames(function osCheckedError(n, syscall) {
  return new ERR_SYSTEM_ERROR.HideStackFramesError({
    errno: n, code: errno.nodeErrname(n), message: errno.strerror(n), syscall,
  });
});

// Node's getCheckedFunction: the error's stack starts at the caller. As
// hideStackFrames does, the function keeps its unwrapped form as
// `withoutStackTrace` (a checkError that throws without taking a stack).
function checked(fn) {
  function wrappedFn(...args) {
    try {
      return Reflect.apply(fn, this, args);
    } catch (error) {
      if (Error.stackTraceLimit) Error.captureStackTrace(error, wrappedFn);
      throw error;
    }
  }
  wrappedFn.withoutStackTrace = function checkError(...args) {
    return Reflect.apply(fn, this, args);
  };
  return wrappedFn;
}

let osInfo = null;
function info() {
  if (osInfo === null) {
    const u = system.uname();
    if (typeof u === 'number') throw systemError(u, 'uv_os_uname');
    osInfo = u;
  }
  return osInfo;
}

const getHostname = checked(() => {
  const h = system.hostname();
  if (typeof h === 'number') throw checkedError(h, 'uv_os_gethostname');
  return h;
});

const getHomeDirectory = checked(() => {
  const h = user.homedir();
  if (typeof h === 'number') throw checkedError(h, 'uv_os_homedir');
  return h;
});

const getUptime = checked(() => {
  const u = system.uptime();
  if (u < 0) throw checkedError(u, 'uv_uptime');
  return u;
});

const getOSRelease = () => info().release;
const getOSType = () => info().sysname;
const getOSVersion = () => info().version;
const getMachine = () => info().machine;

// Node's are C++ functions: not constructors, no prototype. Method
// definitions are the same.
const { getFreeMem, getTotalMem, getAvailableParallelism } = {
  getFreeMem() {
    return system.freemem();
  },
  getTotalMem() {
    return system.totalmem();
  },
  getAvailableParallelism() {
    return system.availableParallelism();
  },
};

const avgValues = new Float64Array(3);
function loadavg() {
  system.loadavg(avgValues);
  return [avgValues[0], avgValues[1], avgValues[2]];
}

function cpus() {
  const data = readCpus();
  return typeof data === 'number' ? [] : data;
}

function arch() {
  return process.arch;
}

function platform() {
  return process.platform;
}

const kEndianness = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
function endianness() {
  return kEndianness;
}

function tmpdir() {
  let path = user.safeGetenv('TMPDIR') || user.safeGetenv('TMP') || user.safeGetenv('TEMP') || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

const getInterfaceAddresses = checked(() => {
  const list = interfaceAddresses();
  if (typeof list === 'number') throw checkedError(list, 'uv_interface_addresses');
  return list;
});

function networkInterfaces() {
  const list = getInterfaceAddresses();
  const result = {};
  for (const a of list) {
    const entry = {
      address: a.address,
      netmask: a.netmask,
      family: a.family,
      mac: a.mac,
      internal: a.internal,
      cidr: `${a.address}/${a.prefixlen}`,
    };
    if (a.scopeid !== -1) entry.scopeid = a.scopeid;
    const existing = result[a.name];
    if (existing !== undefined) existing.push(entry);
    else result[a.name] = [entry];
  }
  return result;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const r = setpriority(PRIO_PROCESS, pid, priority);
  if (r < 0) throw systemError(r, 'uv_os_setpriority');
}

// The kernel's getpriority returns 20 - nice, so that no value looks like an error.
function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const r = getpriority(PRIO_PROCESS, pid);
  if (r < 0) throw systemError(r, 'uv_os_getpriority');
  return 20 - r;
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const encoding = options === null ? 'utf8' : user.parseEncoding(options.encoding);
  const u = user.userInfo(encoding);
  if (typeof u === 'number') throw systemError(u, 'uv_os_get_passwd');
  return u;
}

arch[Symbol.toPrimitive] = () => process.arch;
getAvailableParallelism[Symbol.toPrimitive] = () => getAvailableParallelism();
endianness[Symbol.toPrimitive] = () => kEndianness;
getFreeMem[Symbol.toPrimitive] = () => getFreeMem();
getHomeDirectory[Symbol.toPrimitive] = () => getHomeDirectory();
getHostname[Symbol.toPrimitive] = () => getHostname();
platform[Symbol.toPrimitive] = () => process.platform;
getOSRelease[Symbol.toPrimitive] = () => getOSRelease();
tmpdir[Symbol.toPrimitive] = () => tmpdir();
getTotalMem[Symbol.toPrimitive] = () => getTotalMem();
getOSType[Symbol.toPrimitive] = () => getOSType();
getUptime[Symbol.toPrimitive] = () => getUptime();
getOSVersion[Symbol.toPrimitive] = () => getOSVersion();
getMachine[Symbol.toPrimitive] = () => getMachine();

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
