'use strict';
const assert = require('assert');
const fs = require('fs');
const { spawn } = require('child_process');
const L = require('../../libjs');

const { E } = L;

describe('libjs/pidfd', () => {
  it('pidfd_open: readable when the process exits; ESRCH, EINVAL', async () => {
    const proc = spawn('sleep', ['0.05']);
    const pfd = L.pidfd_open(proc.pid, 0);
    assert.ok(pfd >= 0);
    try {
      assert.strictEqual(L.fcntl(pfd, L.F_GETFD), L.FD_CLOEXEC, 'pidfds are close-on-exec');
      const fds = Buffer.alloc(8);
      fds.writeInt32LE(pfd, 0);
      fds.writeInt16LE(L.POLLIN, 4);
      assert.strictEqual(L.poll(fds, 1, 5000), 1);
      assert.strictEqual(fds.readInt16LE(6) & L.POLLIN, L.POLLIN);
    } finally {
      L.close(pfd);
    }
    await new Promise((r) => proc.once('exit', r));
    assert.strictEqual(L.pidfd_open(0x3fffffff, 0), -E.ESRCH);
    assert.strictEqual(L.pidfd_open(process.pid, -1), -E.EINVAL);
  });

  it('pidfd_getfd: a copy of one of this process\'s own fds', () => {
    const pfd = L.pidfd_open(process.pid, 0);
    const file = L.open(__filename, L.O_RDONLY);
    try {
      const copy = L.pidfd_getfd(pfd, file, 0);
      assert.ok(copy >= 0, `pidfd_getfd: ${copy}`);
      assert.strictEqual(fs.fstatSync(copy).ino, fs.fstatSync(file).ino);
      L.close(copy);
      assert.strictEqual(L.pidfd_getfd(pfd, 999999, 0), -E.EBADF);
      assert.strictEqual(L.pidfd_getfd(pfd, file, 1), -E.EINVAL);
    } finally {
      L.close(file);
      L.close(pfd);
    }
  });
});
