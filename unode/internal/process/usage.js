// unode/internal/process: what the process uses: resident memory from
// /proc/self/statm, getrusage(2) as Node reports it, and the monotonic clock
// (the vDSO's clock_gettime) for process.uptime().
'use strict';
const { getrusage } = require('libjs/resource');
const { RUSAGE_SELF } = require('libjs/constants');
const { rusage } = require('libjs/struct');
const clock = require('./clock');
const { readText, getauxval } = require('../os/procfs');

const AT_PAGESZ = 6;
let pageSize = 0;

// Resident set size in bytes: statm's second field (pages), the same counter
// as the 24th field of /proc/self/stat that libuv reads. A Number or -errno.
function rss() {
  const t = readText('/proc/self/statm', 255);
  if (typeof t === 'number') return t;
  const m = /^\d+ (\d+)/.exec(t);
  if (m === null) return -22;
  if (pageSize === 0) pageSize = getauxval(AT_PAGESZ) || 4096;
  return Number(m[1]) * pageSize;
}

// struct rusage read as 64-bit words: each field is a long (or a timeval of
// two longs), word i at byte 8 * i. The indices come from libjs's layout.
const ruBuf = new ArrayBuffer(rusage.SIZE);
const ruLo = new Uint32Array(ruBuf);
const ruHi = new Int32Array(ruBuf);
const word = (name) => rusage.layout.fields[name][0] / 8;
const UTIME = word('ru_utime'), STIME = word('ru_stime');
const FIELDS = [
  'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt', 'ru_majflt', 'ru_nswap', 'ru_inblock',
  'ru_oublock', 'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw',
].map(word);
const long = (i) => ruLo[2 * i] + ruHi[2 * i + 1] * 4294967296;
const MICROS_PER_SEC = 1e6;

// getrusage(RUSAGE_SELF) into `out` (a Float64Array of at least 16):
// user and system CPU time in microseconds, then the 14 counters of struct
// rusage in order (ru_maxrss in KiB, as Linux gives it). 0 or -errno.
function resourceUsage(out) {
  const r = getrusage(RUSAGE_SELF, ruLo);
  if (r < 0) return r;
  out[0] = MICROS_PER_SEC * long(UTIME) + long(UTIME + 1);
  out[1] = MICROS_PER_SEC * long(STIME) + long(STIME + 1);
  for (let i = 0; i < FIELDS.length; i++) out[2 + i] = long(FIELDS[i]);
  return 0;
}

// User and system CPU time in microseconds into out[0], out[1]; 0 or -errno.
function cpuUsage(out) {
  const r = getrusage(RUSAGE_SELF, ruLo);
  if (r < 0) return r;
  out[0] = MICROS_PER_SEC * long(UTIME) + long(UTIME + 1);
  out[1] = MICROS_PER_SEC * long(STIME) + long(STIME + 1);
  return 0;
}

// CLOCK_MONOTONIC in nanoseconds as a Number (exact below 2**53 ns, 104 days
// of uptime; past that it rounds, as Node's double does).
function monotonicNs() {
  const [s, ns] = clock.mono();
  return s * 1e9 + ns;
}

// The moment the process started on the monotonic clock, taken from
// `nodeUptime` (Node's own process.uptime(), seconds since its start) once,
// so that uptime() measures from the same origin with our clock.
function startTime(nodeUptime) {
  const now = monotonicNs();
  return now - Math.round(nodeUptime * 1e9);
}

module.exports = { rss, resourceUsage, cpuUsage, monotonicNs, startTime };
