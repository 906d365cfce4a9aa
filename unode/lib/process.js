// unode: the kernel-facing parts of `process`, on libjs (unode/internal/process).
// The loader calls install(process) at start-up; the functions are exported
// too, for use without the loader. See docs/os-process.md.
'use strict';

// Nothing is loaded until first used: install() runs at start-up, where every
// millisecond counts, and most programs call few of these.
// (Literal requires: the pack, unode/dist, serves them without a lookup.)
function lazy(load) {
  let m = null;
  return () => m || (m = load());
}
const errno = lazy(() => require('libjs/errno'));
const clock = lazy(() => require('../internal/process/clock'));
const signal = lazy(() => require('libjs/signal'));
const errors = lazy(() => require('../internal/errors'));
const validators = lazy(() => require('../internal/validators'));
const dir = lazy(() => require('../internal/process/cwd'));
const ids = lazy(() => require('../internal/process/ids'));
const usage = lazy(() => require('../internal/process/usage'));
const creds = lazy(() => require('../internal/process/creds'));
// The signals of the os.constants programs see (Node's own object: its
// os.constants cannot be replaced), so that names added to it count.
const userSignals = () => require('os').constants.signals;

// A worker thread's process has Node's stand-ins for what only the main
// thread may do (chdir, the id setters), marked `disabled`.
const isWorker = (target) => typeof target.chdir === 'function' && target.chdir.disabled === true;
const inWorker = isWorker(process);

// Node's own, kept: the V8 heap numbers of memoryUsage(), and the origin of
// process.uptime() (read once; uptime() then runs on our clock).
const nodeMemoryUsage = process.memoryUsage;
const nodeUptime = process.uptime;
let startNs = -1;

// The error Node's C++ raises with ThrowErrnoException: `CODE, strerror text`,
// a positive errno.
function cxxErrnoException(n, syscall) {
  const code = errno().errname(n);
  const err = new Error(`${code}, ${errno().describe(n)}`);
  err.errno = n < 0 ? -n : n;
  err.code = code;
  err.syscall = syscall;
  Error.captureStackTrace(err, cxxErrnoException);
  return err;
}

// ---- time ----------------------------------------------------------------

let mono = () => (mono = clock().mono)();
let monoBigInt = () => (monoBigInt = clock().monoBigInt)();

function hrtime(time) {
  const now = mono();
  if (time !== undefined) {
    validators().validateArray(time, 'time');
    if (time.length !== 2) throw new (errors().codes.ERR_OUT_OF_RANGE)('time', 2, time.length);
    const sec = now[0] - time[0];
    const nsec = now[1] - time[1];
    const needsBorrow = nsec < 0;
    return [needsBorrow ? sec - 1 : sec, needsBorrow ? nsec + 1e9 : nsec];
  }
  return now;
}
hrtime.bigint = function hrtimeBigInt() {
  return monoBigInt();
};

// Node's uptime, the id getters and memoryUsage.rss are C++ functions: not
// constructors, no prototype. Method definitions are the same.
const { uptime } = {
  uptime() {
    if (startNs < 0) startNs = usage().startTime(Reflect.apply(nodeUptime, process, []));
    return (usage().monotonicNs() - startNs) / 1e9;
  },
};

// ---- working directory and mask -------------------------------------------

function rawCwd() {
  const r = dir().getcwd();
  if (typeof r === 'number') throw errors().uvException(r, 'uv_cwd', undefined, undefined, rawCwd);
  return r;
}

// The main thread caches the directory until the next chdir, as Node does
// (so a deleted working directory still has a name).
let cachedCwd = '';
function wrappedCwd() {
  if (cachedCwd === '') cachedCwd = rawCwd();
  return cachedCwd;
}

// A worker cannot see the main thread's chdir: no cache. Node assigns it as
// an anonymous function: its name is ''.
const workerCwd = [function() {
  return rawCwd();
}][0];

function wrappedChdir(directory) {
  validators().validateString(directory, 'directory');
  const path = dir().cString(directory);
  const r = dir().chdir(path);
  if (r < 0) {
    // Node reports an unreadable working directory as '' (an empty buffer).
    const cur = dir().getcwd();
    throw errors().uvException(r, 'chdir', typeof cur === 'string' ? cur : '', path);
  }
  cachedCwd = '';
}

function wrappedUmask(mask) {
  if (mask !== undefined) mask = validators().parseFileMode(mask, 'mask');
  return dir().umask(mask);
}

// In a worker the mask can be read, not set.
const workerUmask = {
  wrappedUmask(mask) {
    if (mask !== undefined) throw new (errors().codes.ERR_WORKER_UNSUPPORTED_OPERATION)('Setting process.umask()');
    return dir().umask(undefined);
  },
}.wrappedUmask;

// ---- signals ---------------------------------------------------------------

// pid and sig as Node's C++ takes them (Int32Value).
// process._kill: the raw call (0 or -errno), which process.kill makes
// through the process object, as Node's does, so that a replaced _kill (tests
// do this) sees the call. A C++ function in Node: no constructor.
// With fewer than two arguments Node's throws ERR_MISSING_ARGS, after making
// the call all the same (its check does not return): kill(pid, 0) harms none.
const { _kill } = {
  _kill(...args) { // length 0, as Node's
    const r = signal().kill(args[0] | 0, args[1] | 0);
    if (args.length < 2) throw errors().nativeError(TypeError, 'ERR_MISSING_ARGS', 'Bad argument.');
    return r;
  },
};

function kill(pid, sig) {
  let err;
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('pid', 'number', pid);
  if (sig === (sig | 0)) {
    err = process._kill(pid, sig);
  } else {
    sig = sig || 'SIGTERM';
    // The object os.constants.signals is, names a program added included.
    const signals = userSignals();
    if (signals[sig]) err = process._kill(pid, signals[sig]);
    else throw new (errors().codes.ERR_UNKNOWN_SIGNAL)(sig);
  }
  if (err) throw errors().errnoException(err, 'kill');
  return true;
}

// ---- credentials -----------------------------------------------------------

const { getuid, geteuid, getgid, getegid, getgroups } = {
  getuid() {
    return ids().getuid();
  },
  geteuid() {
    return ids().geteuid();
  },
  getgid() {
    return ids().getgid();
  },
  getegid() {
    return ids().getegid();
  },
  getgroups() {
    const g = ids().getgroups();
    if (typeof g === 'number') throw cxxErrnoException(g, 'getgroups');
    return g;
  },
};

function validateId(id, name) {
  if (typeof id === 'number') validators().validateUint32(id, name);
  else if (typeof id !== 'string') throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, ['number', 'string'], id);
}

// Node's own setters, for a process where libjs finds no C library to make
// the change on every thread (a static build): checked on first use.
const nodeSetters = {
  setuid: process.setuid, seteuid: process.seteuid, setgid: process.setgid, setegid: process.setegid,
  setgroups: process.setgroups, initgroups: process.initgroups,
};
const noLibc = () => !creds().available();

// setuid, seteuid, setgid, setegid: anonymous functions, as Node's are.
function wrapIdSetter(type, method, syscall) {
  return function(id) {
    if (noLibc()) return Reflect.apply(nodeSetters[method], process, [id]);
    validateId(id, 'id');
    if (typeof id === 'number') id >>>= 0;
    const result = creds()[method](id);
    if (result === 1) throw new (errors().codes.ERR_UNKNOWN_CREDENTIAL)(type, id);
    if (result < 0) throw cxxErrnoException(result, syscall);
  };
}

const setuid = wrapIdSetter('User', 'setuid', 'setuid');
const seteuid = wrapIdSetter('User', 'seteuid', 'seteuid');
const setgid = wrapIdSetter('Group', 'setgid', 'setgid');
const setegid = wrapIdSetter('Group', 'setegid', 'setegid');

function setgroups(groups) {
  if (noLibc()) return Reflect.apply(nodeSetters.setgroups, process, [groups]);
  validators().validateArray(groups, 'groups');
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  const result = creds().setgroups(groups);
  if (result < 0) throw cxxErrnoException(result, 'setgroups');
  if (result > 0) throw new (errors().codes.ERR_UNKNOWN_CREDENTIAL)('Group', groups[result - 1]);
}

function initgroups(user, extraGroup) {
  if (noLibc()) return Reflect.apply(nodeSetters.initgroups, process, [user, extraGroup]);
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  const result = creds().initgroups(user, extraGroup);
  if (result < 0) throw cxxErrnoException(result, 'initgroups');
  if (result === 1) throw new (errors().codes.ERR_UNKNOWN_CREDENTIAL)('User', user);
  if (result === 2) throw new (errors().codes.ERR_UNKNOWN_CREDENTIAL)('Group', extraGroup);
}

// ---- usage -----------------------------------------------------------------

const { rss } = {
  rss() {
    const r = usage().rss();
    if (r < 0) throw errors().uvException(r, 'uv_resident_set_memory');
    return r;
  },
};

function memoryUsage() {
  // rss first: its first call loads unode's usage module, whose buffers
  // would otherwise show in the heap figures of the second call only.
  const r = rss();
  const v8 = nodeMemoryUsage();
  return {
    rss: r,
    heapTotal: v8.heapTotal,
    heapUsed: v8.heapUsed,
    external: v8.external,
    arrayBuffers: v8.arrayBuffers,
  };
}
memoryUsage.rss = rss;

const resourceValues = new Float64Array(16);
function resourceUsage() {
  const r = usage().resourceUsage(resourceValues);
  if (r < 0) throw errors().uvException(r, 'uv_getrusage');
  return {
    userCPUTime: resourceValues[0],
    systemCPUTime: resourceValues[1],
    maxRSS: resourceValues[2],
    sharedMemorySize: resourceValues[3],
    unsharedDataSize: resourceValues[4],
    unsharedStackSize: resourceValues[5],
    minorPageFault: resourceValues[6],
    majorPageFault: resourceValues[7],
    swappedOut: resourceValues[8],
    fsRead: resourceValues[9],
    fsWrite: resourceValues[10],
    ipcSent: resourceValues[11],
    ipcReceived: resourceValues[12],
    signalsCount: resourceValues[13],
    voluntaryContextSwitches: resourceValues[14],
    involuntaryContextSwitches: resourceValues[15],
  };
}

function previousValueIsValid(num) {
  return typeof num === 'number' && num <= Number.MAX_SAFE_INTEGER && num >= 0;
}

const cpuValues = new Float64Array(2);
function cpuUsage(prevValue) {
  if (prevValue) {
    const { validateObject, validateNumber } = validators();
    const { ERR_INVALID_ARG_VALUE } = errors().codes;
    if (!previousValueIsValid(prevValue.user)) {
      validateObject(prevValue, 'prevValue');
      validateNumber(prevValue.user, 'prevValue.user');
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user', prevValue.user);
    }
    if (!previousValueIsValid(prevValue.system)) {
      validateNumber(prevValue.system, 'prevValue.system');
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system', prevValue.system);
    }
  }
  const r = usage().cpuUsage(cpuValues);
  if (r < 0) throw errors().uvException(r, 'uv_getrusage');
  if (prevValue) {
    return { user: cpuValues[0] - prevValue.user, system: cpuValues[1] - prevValue.system };
  }
  return { user: cpuValues[0], system: cpuValues[1] };
}

// ---- installation ----------------------------------------------------------

// Node's list, with unode's fs requests and watchers where Node's own C++
// objects would be: requests first, then handles, then timers.
// (A method, so not a constructor, as Node's C++-backed one.)
const nodeActiveResourcesInfo = process.getActiveResourcesInfo;
const { getActiveResourcesInfo } = {
  getActiveResourcesInfo() {
    const info = Reflect.apply(nodeActiveResourcesInfo, process, []);
    const { requests, handles } = require('../internal/fs/active').info();
    if (requests.length === 0 && handles.length === 0) return info;
    let timers = info.length;
    while (timers > 0 && (info[timers - 1] === 'Timeout' || info[timers - 1] === 'Immediate')) timers--;
    return [...requests, ...info.slice(0, timers), ...handles, ...info.slice(timers)];
  },
};

// The objects behind them: unode's requests and watchers' owners after Node's.
const nodeActiveRequests = process._getActiveRequests;
const nodeActiveHandles = process._getActiveHandles;
const { _getActiveRequests, _getActiveHandles } = {
  _getActiveRequests() {
    return [...Reflect.apply(nodeActiveRequests, process, []),
      ...require('../internal/fs/active').activeRequests()];
  },
  _getActiveHandles() {
    return [...Reflect.apply(nodeActiveHandles, process, []),
      ...require('../internal/fs/active').activeHandles()];
  },
};

// Replace `key` on `target`, keeping the property's attributes.
function put(target, key, value) {
  const d = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    value,
    writable: d === undefined || d.get !== undefined ? true : d.writable,
    enumerable: d === undefined ? true : d.enumerable,
    configurable: true,
  });
}

// Patches the real process object. In a worker, Node's stand-ins for chdir
// and the id setters stay. The id setters go through libc (a credential change
// must reach every thread); without a C library libjs can find, they call Node's.
function install(target) {
  const worker = isWorker(target);
  if (!worker) {
    put(target, 'setuid', setuid);
    put(target, 'seteuid', seteuid);
    put(target, 'setgid', setgid);
    put(target, 'setegid', setegid);
    put(target, 'setgroups', setgroups);
    put(target, 'initgroups', initgroups);
  }
  put(target, 'hrtime', hrtime);
  put(target, 'uptime', uptime);
  put(target, 'cwd', worker ? workerCwd : wrappedCwd);
  if (!worker) put(target, 'chdir', wrappedChdir);
  put(target, 'umask', worker ? workerUmask : wrappedUmask);
  put(target, '_kill', _kill);
  put(target, 'kill', kill);
  put(target, 'getuid', getuid);
  put(target, 'geteuid', geteuid);
  put(target, 'getgid', getgid);
  put(target, 'getegid', getegid);
  put(target, 'getgroups', getgroups);
  put(target, 'memoryUsage', memoryUsage);
  put(target, 'resourceUsage', resourceUsage);
  put(target, 'cpuUsage', cpuUsage);
  if (typeof nodeActiveResourcesInfo === 'function') put(target, 'getActiveResourcesInfo', getActiveResourcesInfo);
  if (typeof nodeActiveRequests === 'function') put(target, '_getActiveRequests', _getActiveRequests);
  if (typeof nodeActiveHandles === 'function') put(target, '_getActiveHandles', _getActiveHandles);
}

module.exports = {
  hrtime,
  uptime,
  cwd: inWorker ? workerCwd : wrappedCwd,
  chdir: inWorker ? process.chdir : wrappedChdir,
  umask: inWorker ? workerUmask : wrappedUmask,
  _kill,
  kill,
  getuid,
  geteuid,
  getgid,
  getegid,
  getgroups,
  setuid: inWorker ? process.setuid : setuid,
  seteuid: inWorker ? process.seteuid : seteuid,
  setgid: inWorker ? process.setgid : setgid,
  setegid: inWorker ? process.setegid : setegid,
  setgroups: inWorker ? process.setgroups : setgroups,
  initgroups: inWorker ? process.initgroups : initgroups,
  memoryUsage,
  resourceUsage,
  cpuUsage,
  getActiveResourcesInfo,
  _getActiveRequests,
  _getActiveHandles,
  install,
};
