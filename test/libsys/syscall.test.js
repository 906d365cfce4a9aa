'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const sys = require('libsys');
const nr = require('./nr');

const AT_FDCWD = -100;
const O_RDONLY = 0;
const O_CLOEXEC = 0o2000000;

function pipe() {
  const fds = new Int32Array(2);
  assert.strictEqual(sys.syscall(nr.pipe2, fds, O_CLOEXEC), 0);
  return [fds[0], fds[1]];
}

describe('libsys.syscall', () => {
  it('writes hello world to stdout through write(1, ...)', () => {
    const code = `const s = require('libsys'); const b = Buffer.from('hello, world\\n');
      const n = s.syscall(${nr.write}, 1, b, b.length); if (n !== b.length) process.exit(3);`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'hello, world\n');
  });

  it('getpid equals process.pid', () => {
    assert.strictEqual(sys.syscall(nr.getpid), process.pid);
    assert.strictEqual(sys.syscall64(nr.getpid), BigInt(process.pid));
  });

  it('carries bytes through a pipe made with pipe2', () => {
    const [r, w] = pipe();
    try {
      const msg = Buffer.from('through the kernel');
      assert.strictEqual(sys.syscall(nr.write, w, msg, msg.length), msg.length);
      const buf = Buffer.alloc(64);
      assert.strictEqual(sys.syscall(nr.read, r, buf, 64), msg.length);
      assert.strictEqual(buf.toString('utf8', 0, msg.length), 'through the kernel');
    } finally {
      assert.strictEqual(sys.syscall(nr.close, r), 0);
      assert.strictEqual(sys.syscall(nr.close, w), 0);
    }
  });

  it('openat with a string path reads a file exactly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libsys-'));
    const file = path.join(dir, 'données ☃.bin');
    const data = Buffer.alloc(100000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) & 0xff;
    fs.writeFileSync(file, data);
    try {
      const fd = sys.syscall(nr.openat, AT_FDCWD, file, O_RDONLY | O_CLOEXEC);
      assert.ok(fd >= 0, `openat returned ${fd}`);
      const out = Buffer.alloc(data.length + 10);
      let off = 0;
      for (;;) {
        const n = sys.syscall(nr.read, fd, out.subarray(off), out.length - off);
        assert.ok(n >= 0);
        if (n === 0) break;
        off += n;
      }
      assert.strictEqual(off, data.length);
      assert.ok(out.subarray(0, off).equals(data));
      assert.strictEqual(sys.syscall(nr.close, fd), 0);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('returns -ENOENT (-2) for a missing file and -EBADF for a bad fd, without throwing', () => {
    assert.strictEqual(sys.syscall(nr.openat, AT_FDCWD, '/nonexistent/libsys/file', O_RDONLY), -2);
    assert.strictEqual(sys.syscall(nr.close, 987654), -9);
    assert.strictEqual(sys.syscall64(nr.close, 987654), -9n);
  });

  it('takes BigInt arguments, signed and unsigned two\'s complement', () => {
    const fd = sys.syscall(nr.openat, -100n, '/dev/zero', 0n);
    assert.ok(fd >= 0);
    assert.strictEqual(sys.syscall(nr.lseek, BigInt(fd), 5n, 0n), 0); // /dev/zero: lseek returns 0
    assert.strictEqual(sys.syscall(nr.close, fd), 0);
    const fd2 = sys.syscall(nr.openat, 0xffffffffffffff9cn, __filename, O_RDONLY);
    assert.ok(fd2 >= 0, `unsigned AT_FDCWD gave ${fd2}`);
    assert.strictEqual(sys.syscall(nr.lseek, fd2, 7n, 0), 7);
    assert.strictEqual(sys.syscall(nr.close, fd2), 0);
    assert.strictEqual(sys.syscall(nr.close, -1n), -9);
    assert.strictEqual(sys.syscall(nr.close, 0xffffffffffffffffn), -9);
  });

  it('marshals null, undefined and false as 0, true as 1', () => {
    const fd = sys.syscall(nr.openat, AT_FDCWD, __filename, O_RDONLY);
    try {
      assert.strictEqual(sys.syscall(nr.lseek, fd, true, 0), 1);
      assert.strictEqual(sys.syscall(nr.lseek, fd, 10, 0), 10);
      assert.strictEqual(sys.syscall(nr.lseek, fd, null, false), 0);
      assert.strictEqual(sys.syscall(nr.lseek, fd, 10, undefined), 10);
      assert.strictEqual(sys.syscall(nr.lseek, fd, undefined, 0), 0);
      // A NULL buffer is a fault, reported by the kernel, not a crash.
      assert.strictEqual(sys.syscall(nr.read, fd, null, 10), -14);
    } finally {
      sys.syscall(nr.close, fd);
    }
  });

  it('passes views at their first byte, offset included, for every view type', () => {
    const [r, w] = pipe();
    try {
      const ab = new ArrayBuffer(64);
      const views = [
        new Uint8Array(ab, 3, 8), new Int16Array(ab, 4, 4), new Uint32Array(ab, 8, 2),
        new Float64Array(ab, 16, 1), new BigInt64Array(ab, 24, 1), new DataView(ab, 5, 8),
        Buffer.from(ab, 9, 8),
      ];
      for (const v of views) {
        new Uint8Array(ab).fill(0xee);
        const src = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
        assert.strictEqual(sys.syscall(nr.write, w, src, 8), 8);
        assert.strictEqual(sys.syscall(nr.read, r, v, 8), 8);
        const all = new Uint8Array(ab);
        assert.deepStrictEqual([...all.subarray(v.byteOffset, v.byteOffset + 8)], [1, 2, 3, 4, 5, 6, 7, 8],
          v.constructor.name);
        assert.strictEqual(all[v.byteOffset - 1], 0xee);
        assert.strictEqual(all[v.byteOffset + 8], 0xee);
      }
      // ArrayBuffer and SharedArrayBuffer: the address of their data.
      for (const buf of [new ArrayBuffer(4), new SharedArrayBuffer(4)]) {
        assert.strictEqual(sys.syscall(nr.write, w, Buffer.from('wxyz'), 4), 4);
        assert.strictEqual(sys.syscall(nr.read, r, buf, 4), 4);
        assert.strictEqual(Buffer.from(new Uint8Array(buf)).toString(), 'wxyz');
        assert.strictEqual(sys.syscall(nr.write, w, buf, 4), 4);
        const back = Buffer.alloc(4);
        assert.strictEqual(sys.syscall(nr.read, r, back, 4), 4);
        assert.strictEqual(back.toString(), 'wxyz');
      }
    } finally {
      sys.syscall(nr.close, r);
      sys.syscall(nr.close, w);
    }
  });

  it('copies strings as NUL-terminated UTF-8 that live for the call, long ones too', () => {
    const long = '/' + 'x'.repeat(5000);
    assert.strictEqual(sys.syscall(nr.openat, AT_FDCWD, long, O_RDONLY), -36); // ENAMETOOLONG
    const many = Array.from({ length: 6 }, () => 'y'.repeat(800));
    // Six long strings overflow the inline scratch area; the kernel ignores
    // the extra arguments of getpid, but every copy must be made and freed.
    assert.strictEqual(sys.syscall(nr.getpid, ...many), process.pid);
    assert.strictEqual(sys.syscall(nr.openat, AT_FDCWD, '', O_RDONLY), -2);
  });

  describe('bad input is a TypeError that names the argument, never a crash', () => {
    const bad = [
      ['an object', {}], ['an array', [1]], ['a symbol', Symbol('s')], ['a function', () => 1],
      ['a fraction', 1.5], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
      ['2**64', 2 ** 64], ['a BigInt of 2n**64n', 2n ** 64n], ['a BigInt below -(2n**63n)', -(2n ** 63n) - 1n],
      ['a Map', new Map()], ['a Date', new Date()], ['a Promise', Promise.resolve()],
    ];
    for (const [what, v] of bad) {
      it(`rejects ${what} as an argument`, () => {
        assert.throws(() => sys.syscall(nr.getpid, 0, v), (e) =>
          e instanceof TypeError && /argument 2/.test(e.message));
        assert.throws(() => sys.syscall64(nr.getpid, v), (e) =>
          e instanceof TypeError && /argument 1/.test(e.message));
      });
    }
    it('rejects more than six arguments', () => {
      assert.throws(() => sys.syscall(nr.getpid, 1, 2, 3, 4, 5, 6, 7), TypeError);
      assert.strictEqual(sys.syscall(nr.getpid, 1, 2, 3, 4, 5, 6), process.pid);
    });
    it('rejects a missing or non-integer syscall number', () => {
      for (const v of [undefined, 1.5, '39', 39n, -1, NaN, null, {}])
        assert.throws(() => sys.syscall(v), (e) => e instanceof TypeError && /syscall number/.test(e.message), String(v));
      assert.throws(() => sys.syscall(), TypeError);
    });
    it('rejects a string that contains a NUL', () => {
      assert.throws(() => sys.syscall(nr.openat, AT_FDCWD, '/etc\0/passwd', 0),
        (e) => e instanceof TypeError && /NUL/.test(e.message) && /argument 2/.test(e.message));
    });
    it('accepts the extremes of the 64-bit range', () => {
      assert.strictEqual(typeof sys.syscall(nr.getpid, -(2n ** 63n), 2n ** 64n - 1n, -(2 ** 63), 2 ** 63), 'number');
    });
  });

  it('works in worker threads and several environments', async () => {
    const { Worker } = require('worker_threads');
    const run = () => new Promise((resolve, reject) => {
      const w = new Worker(`const s = require('libsys'); require('worker_threads').parentPort.postMessage(s.syscall(${nr.getpid}));`,
        { eval: true });
      w.once('message', resolve);
      w.once('error', reject);
    });
    const pids = await Promise.all([run(), run(), run()]);
    assert.deepStrictEqual(pids, [process.pid, process.pid, process.pid]);
  });
});

describe('libsys.syscallRegs: the register gate', () => {
  const R = sys.regs;
  // Every register written, as libjs does, so nothing is left from a test before.
  const set = (n, a = []) => {
    R.fill(0);
    R[0] = n;
    for (let i = 0; i < a.length; i++) R[i + 1] = a[i];
  };

  it('is a Float64Array of 8 over a SharedArrayBuffer (nothing can detach it)', () => {
    assert.ok(R instanceof Float64Array);
    assert.strictEqual(R.length, 8);
    assert.ok(R.buffer instanceof SharedArrayBuffer);
    const { port1, port2 } = new (require('worker_threads').MessageChannel)();
    assert.throws(() => port1.postMessage(null, [R.buffer]), /transfer|clone|not/i);
    port1.close();
    port2.close();
  });

  it('makes the call the registers describe, as syscall() would', () => {
    set(nr.getpid);
    assert.strictEqual(sys.syscallRegs(), process.pid);
    const fd = sys.syscall(nr.openat, AT_FDCWD, __filename, O_RDONLY | O_CLOEXEC);
    try {
      set(nr.lseek, [fd, 7, 0]);
      assert.strictEqual(sys.syscallRegs(), 7);
      set(nr.lseek, [fd, 2 ** 40, 0]);
      assert.strictEqual(sys.syscallRegs(), sys.syscall(nr.lseek, fd, 2 ** 40, 0));
      set(nr.close, [987654]);
      assert.strictEqual(sys.syscallRegs(), -9, '-errno, no exception');
      // Negative words and words from 2**63 up, as syscall() takes them.
      set(nr.close, [-1]);
      assert.strictEqual(sys.syscallRegs(), -9);
      set(nr.close, [2 ** 64 - 2 ** 11]);
      assert.strictEqual(sys.syscallRegs(), -9);
    } finally {
      sys.syscall(nr.close, fd);
    }
  });

  it('adds a string or buffer value to the argument regs[7] names', () => {
    // openat(AT_FDCWD, path, O_RDONLY): the path as the value of argument 2.
    set(nr.openat, [AT_FDCWD, 0, O_RDONLY | O_CLOEXEC]);
    R[7] = 2;
    const fd = sys.syscallRegs(__filename);
    assert.ok(fd >= 0, `openat gave ${fd}`);
    const [r, w] = pipe();
    try {
      const src = Buffer.from('0123456789');
      assert.strictEqual(sys.syscall(nr.write, w, src, 10), 10);
      // read(r, buf + 3, 4): the register holds the byte offset into the value.
      const ab = new ArrayBuffer(16);
      const view = new Uint8Array(ab, 2, 10);
      set(nr.read, [r, 3, 4]);
      R[7] = 2;
      assert.strictEqual(sys.syscallRegs(view), 4);
      assert.deepStrictEqual([...new Uint8Array(ab)], [0, 0, 0, 0, 0, 48, 49, 50, 51, 0, 0, 0, 0, 0, 0, 0]);
      // A buffer's address as a Number in a register does the same.
      set(nr.read, [r, Number(sys.addressOf(view)), 6]);
      assert.strictEqual(sys.syscallRegs(), 6);
      assert.strictEqual(Buffer.from(view.subarray(0, 6)).toString(), '456789');
      // null and undefined add 0.
      set(nr.lseek, [fd, 5, 0]);
      R[7] = 2;
      assert.strictEqual(sys.syscallRegs(undefined), 5);
    } finally {
      sys.syscall(nr.close, fd);
      sys.syscall(nr.close, r);
      sys.syscall(nr.close, w);
    }
  });

  it('refuses what syscall() refuses, naming the argument, and makes no call', () => {
    for (const [i, v] of [[1, 1.5], [2, NaN], [3, Infinity], [4, -Infinity], [5, 2 ** 64], [6, -(2 ** 63) * 2]]) {
      set(nr.getpid);
      R[i] = v;
      assert.throws(() => sys.syscallRegs(), (e) => e instanceof TypeError &&
        new RegExp(`^syscall: argument ${i} must be an integer in the 64-bit range, got `).test(e.message), `${i}: ${v}`);
    }
    // A write whose unused fourth register is bad never reaches the pipe.
    const [r, w] = pipe();
    try {
      const src = Buffer.from('x');
      set(nr.write, [w, Number(sys.addressOf(src)), 1, 0.5]);
      assert.throws(() => sys.syscallRegs(), TypeError);
      set(nr.write, [w, Number(sys.addressOf(src)), 1]);
      assert.strictEqual(sys.syscallRegs(), 1);
      const back = Buffer.alloc(4);
      assert.strictEqual(sys.syscall(nr.read, r, back, 4), 1, 'only the good write arrived');
    } finally {
      sys.syscall(nr.close, r);
      sys.syscall(nr.close, w);
    }
    for (const v of [-1, 1.5, NaN, 2 ** 31]) {
      set(v);
      assert.throws(() => sys.syscallRegs(), (e) => e instanceof TypeError && /syscall number/.test(e.message), String(v));
    }
    set(nr.getpid);
    for (const pos of [0, 7, 1.5, NaN]) {
      R[7] = pos;
      assert.throws(() => sys.syscallRegs('x'), (e) => e instanceof TypeError && /regs\[7\]/.test(e.message), String(pos));
    }
    R[7] = 3;
    assert.throws(() => sys.syscallRegs({}), (e) => e instanceof TypeError && /argument 3/.test(e.message));
    assert.throws(() => sys.syscallRegs('a\0b'), (e) => e instanceof TypeError && /NUL/.test(e.message));
    assert.throws(() => sys.syscallRegs('a', 'b'), (e) => e instanceof TypeError && /at most one/.test(e.message));
  });

  it('each worker thread has registers of its own', async () => {
    const { Worker } = require('worker_threads');
    const code = `const s = require('libsys'); const R = s.regs; R.fill(0); R[0] = ${nr.getpid};
      require('worker_threads').parentPort.postMessage([s.syscallRegs(), R !== undefined]);`;
    const run = () => new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true });
      w.once('message', resolve);
      w.once('error', reject);
    });
    set(nr.close, [987654]);
    const results = await Promise.all([run(), run()]);
    assert.deepStrictEqual(results, [[process.pid, true], [process.pid, true]]);
    assert.strictEqual(sys.syscallRegs(), -9, 'the workers did not write this thread\'s registers');
  });
});
