'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const raw = require('../../libjs/raw');
const C = require('../../libjs/checked');
const L = require('../../libjs');

describe('libjs/checked', () => {
  it('has every raw wrapper', () => {
    for (const name of Object.keys(raw)) assert.strictEqual(typeof C[name], 'function', name);
  });

  it('returns what the raw call returns on success', () => {
    assert.strictEqual(C.getpid(), process.pid);
    const fd = C.open(__filename, L.O_RDONLY);
    const b = Buffer.alloc(16);
    assert.strictEqual(C.read(fd, b, 16), 16);
    assert.strictEqual(C.close(fd), 0);
    const a = C.mmap(0, 4096, L.PROT_READ, L.MAP_PRIVATE | L.MAP_ANONYMOUS, -1, 0);
    assert.strictEqual(typeof a, 'bigint');
    assert.strictEqual(C.munmap(a, 4096), 0);
  });

  it('throws Node-shaped errors: errno, code, syscall, path, dest, message', () => {
    const missing = path.join(os.tmpdir(), 'libjs-checked-none');
    let mine;
    try {
      C.openat(L.AT_FDCWD, missing, L.O_RDONLY);
    } catch (e) {
      mine = e;
    }
    assert.ok(mine instanceof Error);
    assert.strictEqual(mine.errno, -2);
    assert.strictEqual(mine.code, 'ENOENT');
    assert.strictEqual(mine.syscall, 'openat');
    assert.strictEqual(mine.path, missing);
    assert.strictEqual(mine.message, `ENOENT: no such file or directory, openat '${missing}'`);
    // Node's own error for the same failure; open() reports the kernel call
    // it makes: open on x86-64 (as Node's message says), openat on aarch64.
    let node, viaOpen;
    try {
      fs.openSync(missing, 'r');
    } catch (e) {
      node = e;
    }
    try {
      C.open(missing, L.O_RDONLY);
    } catch (e) {
      viaOpen = e;
    }
    assert.strictEqual(viaOpen.errno, node.errno);
    assert.strictEqual(viaOpen.code, node.code);
    assert.strictEqual(viaOpen.message.replace('openat', 'open'), node.message);
    assert.strictEqual(viaOpen.syscall, L.nr.open === undefined ? 'openat' : 'open');
    assert.throws(() => C.rename(missing, `${missing}2`), {
      code: 'ENOENT', syscall: 'renameat', path: missing, dest: `${missing}2`,
      message: `ENOENT: no such file or directory, renameat '${missing}' -> '${missing}2'`,
    });
    assert.throws(() => C.close(-1), { errno: -9, code: 'EBADF', syscall: 'close', message: 'EBADF: bad file descriptor, close' });
    assert.throws(() => C.mmap(0, 0, L.PROT_READ, L.MAP_PRIVATE | L.MAP_ANONYMOUS, -1, 0), { code: 'EINVAL', syscall: 'mmap' });
    assert.throws(() => C.stat(Buffer.from(missing), Buffer.alloc(256)),
      { path: missing, syscall: L.nr.stat === undefined ? 'newfstatat' : 'stat' });
    assert.throws(() => C.fstatat(L.AT_FDCWD, missing, Buffer.alloc(256), 0), { syscall: 'newfstatat' });
  });

  it('an errno Node has no entry for: the Linux name and the C library text', () => {
    assert.throws(() => C.wait4(0x3fffffff, null, 0), {
      errno: -10, code: 'ECHILD', syscall: 'wait4', message: 'ECHILD: No child processes, wait4',
    });
  });

  it('still throws TypeError for a call that cannot be made', () => {
    assert.throws(() => C.read(0, Buffer.alloc(1), 2), TypeError);
  });

  it('getpriority gives the nice value; the W* macros are unchanged', () => {
    assert.strictEqual(C.getpriority(L.PRIO_PROCESS, 0), os.getPriority());
    assert.strictEqual(C.WEXITSTATUS, raw.WEXITSTATUS);
  });
});
