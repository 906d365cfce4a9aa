// Fuzz child for fuzz.test.js: thousands of calls with random argument types
// and values. Run in its own process so that a crash is seen as a failure.
'use strict';
const assert = require('assert');
const sys = require('libsys');
const nr = require('./nr');

let seed = Number(process.argv[2] || 1) >>> 0;
function rand(n) { // xorshift32: reproducible from the seed printed on failure
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}

const zero = sys.syscall(nr.openat, -100, '/dev/zero', 0);
const self = sys.syscall(nr.openat, -100, __filename, 0);
assert.ok(zero >= 0 && self >= 0);

const ctors = [Uint8Array, Int8Array, Uint16Array, Int32Array, Float32Array, Float64Array, BigInt64Array,
  BigUint64Array, Uint8ClampedArray];
function randomView(minBytes) {
  const extra = rand(64);
  const size = minBytes + extra + 16;
  const kind = rand(5);
  const backing = kind === 4 ? new SharedArrayBuffer(size + 256) : new ArrayBuffer(size + 256);
  const off = rand(32) * 8;
  switch (kind) {
    case 0: return { view: Buffer.from(backing, off, size), backing, off, size };
    case 1: return { view: new DataView(backing, off, size), backing, off, size };
    case 2: { const C = ctors[rand(ctors.length)]; const n = Math.floor(size / C.BYTES_PER_ELEMENT);
      return { view: new C(backing, off, n), backing, off, size: n * C.BYTES_PER_ELEMENT }; }
    case 3: return { view: backing, backing, off: 0, size: backing.byteLength };
    default: return { view: new Uint8Array(backing, off, size), backing, off, size };
  }
}

const badValues = [() => ({}), () => Symbol('x'), () => () => 0, () => 0.5, () => NaN, () => -Infinity,
  () => 2n ** 64n, () => -(2n ** 63n) - 1n, () => [1, 2], () => new Map(), () => /re/, () => 'a\0b',
  () => new WeakRef({}), () => 2 ** 64];

const counts = { read: 0, uname: 0, fstat: 0, clock: 0, random: 0, typeErrors: 0, tooMany: 0 };
const iterations = Number(process.argv[3] || 20000);
for (let i = 0; i < iterations; i++) {
  const op = rand(7);
  if (op === 0) {
    const v = randomView(1);
    const all = new Uint8Array(v.backing);
    all.fill(0xa5);
    const len = rand(v.size + 1);
    const r = sys.syscall(nr.read, zero, v.view, len);
    assert.strictEqual(r, len);
    for (let j = 0; j < all.length; j++) {
      const inside = j >= v.off && j < v.off + len;
      if (all[j] !== (inside ? 0 : 0xa5)) throw new Error(`read: byte ${j} wrong (seed ${seed})`);
    }
    counts.read++;
  } else if (op === 1) {
    const v = randomView(390);
    const r = sys.syscall(nr.uname, v.view);
    assert.strictEqual(r, 0);
    const s = Buffer.from(v.backing, v.off, 5).toString('latin1');
    assert.strictEqual(s, 'Linux');
    counts.uname++;
  } else if (op === 2) {
    const v = randomView(sys.sizeof.stat);
    new Uint8Array(v.backing).fill(0xff);
    assert.strictEqual(sys.syscall(nr.fstat, self, v.view), 0);
    const dv = new DataView(v.backing, v.off);
    const mode = dv.getUint32(sys.offsetof.stat.st_mode, true);
    assert.strictEqual(mode & 0o170000, 0o100000); // a regular file
    counts.fstat++;
  } else if (op === 3) {
    const v = randomView(16);
    assert.strictEqual(sys.syscall(nr.clock_gettime, 1, v.view), 0);
    const dv = new DataView(v.backing, v.off);
    assert.ok(dv.getBigInt64(8, true) < 1000000000n && dv.getBigInt64(0, true) >= 0n);
    counts.clock++;
  } else if (op === 4) {
    const v = randomView(1);
    const len = rand(Math.min(v.size, 256) + 1);
    assert.strictEqual(sys.syscall(nr.getrandom, v.view, len, 0), len);
    counts.random++;
  } else if (op === 5) {
    const args = [nr.getpid];
    const n = 1 + rand(6);
    const badAt = rand(n);
    for (let k = 0; k < n; k++) args.push(k === badAt ? badValues[rand(badValues.length)]() : rand(100));
    try {
      sys.syscall(...args);
      throw new Error(`no TypeError for ${String(args[badAt + 1])} (seed ${seed})`);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
    counts.typeErrors++;
  } else {
    const args = [nr.getpid];
    for (let k = 0; k < 7 + rand(4); k++) args.push(rand(10));
    try { sys.syscall(...args); throw new Error('no TypeError for too many arguments'); } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
    counts.tooMany++;
  }
}
sys.syscall(nr.close, zero);
sys.syscall(nr.close, self);
process.stdout.write(JSON.stringify(counts));
