'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const libsys = require('libsys');
const nr = require('../../libjs/sysnr');
const L = require('../../libjs');

const LIBJS = path.join(__dirname, '..', '..', 'libjs');
const EFAULT = -14;

// A fresh libjs/fstatx over a gate that answers EFAULT to statx with a NULL
// path, as kernels before 6.11 do; through the register gate or syscall().
function loadOldKernel(registers) {
  const file = require.resolve(path.join(LIBJS, 'fstatx.js'));
  const sysFile = require.resolve(path.join(LIBJS, 'sys.js'));
  const saved = [require.cache[file], require.cache[sysFile]];
  delete require.cache[file];
  const real = require(sysFile);
  const seen = [];
  const stub = { ...real };
  if (registers) {
    stub.sysr = (n, a1, a2, a3, a4, a5, a6) => {
      seen.push(a2 === 0 ? 'NULL' : 'path');
      if (n === nr.statx && a2 === 0) return EFAULT;
      return real.sysr(n, a1, a2, a3, a4, a5, a6);
    };
  } else {
    Object.assign(stub, { regs: null, syscallRegs: null, sysr: null, sysrv: null });
    stub.syscall = (n, ...a) => {
      seen.push(a[1] === null ? 'NULL' : 'path');
      if (n === nr.statx && a[1] === null) return EFAULT;
      return real.syscall(n, ...a);
    };
  }
  require.cache[sysFile] = { ...require.cache[sysFile], exports: stub };
  const { fstatx } = require(file);
  require.cache[file] = saved[0];
  require.cache[sysFile] = saved[1];
  return { fstatx, seen };
}

describe('libjs/fstatx', () => {
  it('statx of an fd fills struct statx as fs.fstatSync reports it', () => {
    const fd = fs.openSync(__filename, 'r');
    try {
      const buf = Buffer.alloc(libsys.sizeof.statx);
      assert.strictEqual(require('../../libjs/fstatx').fstatx(fd, 0, L.STATX_BASIC_STATS, buf), 0);
      const st = fs.fstatSync(fd, { bigint: true });
      assert.strictEqual(buf.readBigUInt64LE(libsys.offsetof.statx.stx_ino), st.ino);
      assert.strictEqual(buf.readBigUInt64LE(libsys.offsetof.statx.stx_size), st.size);
      assert.strictEqual(require('../../libjs/fstatx').fstatx(-1, 0, L.STATX_BASIC_STATS, buf), -L.EBADF);
      assert.throws(() => require('../../libjs/fstatx').fstatx(fd, 0, 0, Buffer.alloc(8)), TypeError);
    } finally {
      fs.closeSync(fd);
    }
  });

  for (const registers of [true, false]) {
    it(`a kernel that refuses a NULL path (EFAULT): "" from then on (${registers ? 'register gate' : 'syscall()'})`, () => {
      const { fstatx, seen } = loadOldKernel(registers);
      const fd = fs.openSync(__filename, 'r');
      try {
        const buf = Buffer.alloc(libsys.sizeof.statx);
        for (let i = 0; i < 2; i++) {
          buf.fill(0);
          assert.strictEqual(fstatx(fd, 0, L.STATX_BASIC_STATS, buf), 0);
          assert.strictEqual(buf.readBigUInt64LE(libsys.offsetof.statx.stx_ino), fs.fstatSync(fd, { bigint: true }).ino);
        }
        assert.deepStrictEqual(seen, ['NULL', 'path', 'path'], 'NULL tried once, then ""');
      } finally {
        fs.closeSync(fd);
      }
    });
  }
});
