'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const L = require('../../libjs');
const { child, num, struct } = require('./helpers');

const { E } = L;

// /proc/self/limits: "Max open files  1024  1048576  files".
function procLimit(label) {
  const line = fs.readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith(label));
  const [soft, hard] = line.slice(26).trim().split(/\s+/);
  const v = (s) => (s === 'unlimited' ? L.RLIM_INFINITY : BigInt(s));
  return [v(soft), v(hard)];
}

describe('libjs/resource', () => {
  it('prlimit64, getrlimit: the limits /proc/self/limits shows', () => {
    const lim = new BigUint64Array(2);
    assert.strictEqual(L.getrlimit(L.RLIMIT_NOFILE, lim), 0);
    assert.deepStrictEqual([...lim], procLimit('Max open files'));
    assert.strictEqual(L.prlimit64(0, L.RLIMIT_STACK, null, lim), 0);
    assert.deepStrictEqual([...lim], procLimit('Max stack size'));
    assert.strictEqual(L.prlimit(process.pid, L.RLIMIT_CORE, null, lim), 0);
    assert.deepStrictEqual([...lim], procLimit('Max core file size'));
    assert.strictEqual(L.getrlimit(99, lim), -E.EINVAL);
    assert.strictEqual(L.prlimit64(0x3fffffff, L.RLIMIT_NOFILE, null, lim), -E.ESRCH);
    assert.throws(() => L.getrlimit(L.RLIMIT_NOFILE, new BigUint64Array(1)), /rlim must be at least 16/);
  });

  it('setrlimit, prlimit64 with a new limit (in a child)', () => {
    const r = child(`
      const lim = new BigUint64Array([1000n, 2000n]);
      const old = new BigUint64Array(2);
      const a = L.setrlimit(L.RLIMIT_NOFILE, lim);
      const b = L.prlimit64(0, L.RLIMIT_NOFILE, new BigUint64Array([900n, 2000n]), old);
      const line = require('fs').readFileSync('/proc/self/limits', 'utf8').split('\\n').find((l) => l.startsWith('Max open files'));
      const c = L.setrlimit(L.RLIMIT_NOFILE, new BigUint64Array([3000n, 2000n]));
      console.log(JSON.stringify([a, b, String(old[0]), line.slice(26).trim().split(/\\s+/).slice(0, 2), c]));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), [0, 0, '1000', ['900', '2000'], -E.EINVAL]);
  });

  it('getrusage: what process.resourceUsage() reports', () => {
    const u = struct('rusage');
    assert.strictEqual(L.getrusage(L.RUSAGE_SELF, u), 0);
    const node = process.resourceUsage();
    const maxrss = num(u, 'rusage', 'ru_maxrss');
    assert.ok(maxrss > 0 && maxrss <= node.maxRSS, `${maxrss} <= ${node.maxRSS}`);
    const ut = Number(u.readBigInt64LE(0)) * 1e6 + Number(u.readBigInt64LE(8)); // ru_utime: timeval
    assert.ok(ut > 0 && ut <= node.userCPUTime, `${ut} <= ${node.userCPUTime}`);
    assert.strictEqual(L.getrusage(L.RUSAGE_THREAD, u), 0);
    assert.strictEqual(L.getrusage(L.RUSAGE_CHILDREN, u), 0);
    assert.strictEqual(L.getrusage(5, u), -E.EINVAL);
    assert.throws(() => L.getrusage(0, Buffer.alloc(100)), TypeError);
  });

  it('getpriority (20 - nice), setpriority: as os.getPriority sees it', () => {
    assert.strictEqual(20 - L.getpriority(L.PRIO_PROCESS, 0), os.getPriority());
    const r = child(`
      const a = L.setpriority(L.PRIO_PROCESS, 0, 7);
      console.log(JSON.stringify([a, L.getpriority(L.PRIO_PROCESS, 0), require('os').getPriority()]));`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), [0, 13, 7]);
    assert.strictEqual(L.getpriority(L.PRIO_PROCESS, 0x3fffffff), -E.ESRCH);
    assert.strictEqual(L.setpriority(99, 0, 0), -E.EINVAL);
  });
});
