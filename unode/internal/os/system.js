// unode/internal/os: the machine as a whole: uname(2), sysinfo(2),
// sched_getaffinity(2) and the /proc files libuv reads (uptime, loadavg,
// meminfo), with libuv's fallbacks. Each returns a value or -errno.
'use strict';
const { uname: sysUname } = require('libjs/utsname');
const { sysinfo: sysSysinfo } = require('libjs/sysinfo');
const { sched_getaffinity } = require('libjs/sched');
const { clock_gettime } = require('libjs/vdso');
const { CLOCK_BOOTTIME } = require('libjs/constants');
const { utsname, sysinfo: sysinfoCodec } = require('libjs/struct');
const { readText } = require('./procfs');

const ENOBUFS = -105;

// uname(2) as an object { sysname, nodename, release, version, machine }, or -errno.
const utsBuf = Buffer.alloc(utsname.SIZE);
function uname() {
  const r = sysUname(utsBuf);
  return r < 0 ? r : utsname.decode(utsBuf);
}

// gethostname(3) is uname's nodename (65 bytes at offset 65, NUL-terminated;
// libuv's buffer holds 64 bytes and a NUL).
const NODENAME = utsname.layout.fields.nodename;
function hostname() {
  const r = sysUname(utsBuf);
  if (r < 0) return r;
  const [at, size] = NODENAME;
  let end = at;
  while (end < at + size && utsBuf[end] !== 0) end++;
  if (end - at >= 65) return ENOBUFS;
  return utsBuf.toString('utf8', at, end);
}

const infoBuf = Buffer.alloc(sysinfoCodec.SIZE);
function sysinfo() {
  const r = sysSysinfo(infoBuf);
  return r < 0 ? r : sysinfoCodec.decode(infoBuf);
}

// The leading decimal number of `s` from `at`, as sscanf's %lf reads it after
// skipping blanks, or NaN.
const numberRe = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;
function scanFloat(s, at = 0) {
  const m = numberRe.exec(at === 0 ? s : s.slice(at));
  return m === null ? NaN : Number(m[1]);
}

// Seconds since boot: /proc/uptime's first number, else CLOCK_BOOTTIME in
// whole seconds (libuv: /proc/uptime is right inside containers where the
// clock is not). A Number or -errno.
const tsBuf = new BigInt64Array(2);
function uptime() {
  const t = readText('/proc/uptime', 127);
  if (typeof t === 'string') {
    const v = scanFloat(t);
    if (!Number.isNaN(v)) return v;
  }
  const r = clock_gettime(CLOCK_BOOTTIME, tsBuf);
  if (r < 0) return r;
  return Number(tsBuf[0]);
}

// The 1, 5 and 15 minute load averages: /proc/loadavg, else sysinfo's fixed
// point loads; [0, 0, 0] when neither can be read (libuv leaves them as zeros).
function loadavg(out) {
  const t = readText('/proc/loadavg', 127);
  if (typeof t === 'string') {
    const m = /^\s*(\S+)\s+(\S+)\s+(\S+)/.exec(t);
    if (m !== null) {
      const a = scanFloat(m[1]), b = scanFloat(m[2]), c = scanFloat(m[3]);
      if (!Number.isNaN(a) && !Number.isNaN(b) && !Number.isNaN(c)) {
        out[0] = a; out[1] = b; out[2] = c;
        return out;
      }
    }
  }
  const info = sysinfo();
  if (typeof info === 'number') return out;
  const avg = sysinfoCodec.loadavg(info);
  out[0] = avg[0]; out[1] = avg[1]; out[2] = avg[2];
  return out;
}

// A "Key:   N kB" line of /proc/meminfo in bytes; 0 when absent or unreadable
// (libuv's uv__read_proc_meminfo).
function meminfo(key) {
  const t = readText('/proc/meminfo', 4095);
  if (typeof t !== 'string') return 0;
  const at = t.indexOf(key);
  if (at < 0) return 0;
  const m = /^\s*(\d+)/.exec(t.slice(at + key.length, at + key.length + 40));
  return m === null ? 0 : Number(m[1]) * 1024;
}

// MemTotal, else sysinfo's totalram; 0 when neither is known.
function totalmem() {
  const v = meminfo('MemTotal:');
  if (v !== 0) return v;
  const info = sysinfo();
  return typeof info === 'number' ? 0 : info.totalram * info.memUnit;
}

// MemAvailable (what can be had without swapping), else sysinfo's freeram.
function freemem() {
  const v = meminfo('MemAvailable:');
  if (v !== 0) return v;
  const info = sysinfo();
  return typeof info === 'number' ? 0 : info.freeram * info.memUnit;
}

// The CPUs this thread may run on (glibc's 1024-bit cpu_set_t), else the
// online CPUs; at least 1 (libuv's uv_available_parallelism).
const maskBuf = new Uint8Array(128);
function availableParallelism() {
  maskBuf.fill(0);
  const r = sched_getaffinity(0, maskBuf.length, maskBuf);
  let n = 0;
  if (r > 0) {
    for (let i = 0; i < r; i++) {
      for (let b = maskBuf[i]; b !== 0; b &= b - 1) n++;
    }
  } else {
    n = onlineCpus();
  }
  return n < 1 ? 1 : n;
}

// sysconf(_SC_NPROCESSORS_ONLN): the ranges in /sys/devices/system/cpu/online.
function onlineCpus() {
  const t = readText('/sys/devices/system/cpu/online', 4095);
  if (typeof t !== 'string') return 1;
  let n = 0;
  for (const part of t.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (m === null) continue;
    n += m[2] === undefined ? 1 : Number(m[2]) - Number(m[1]) + 1;
  }
  return n;
}

module.exports = {
  uname, hostname, sysinfo, uptime, loadavg, totalmem, freemem, availableParallelism, onlineCpus, scanFloat,
};
