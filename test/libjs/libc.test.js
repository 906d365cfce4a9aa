'use strict';
// libjs/libc: functions of the loaded C library through libsys.call, and the
// credential changes that must reach every thread.
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');
const libc = require('../../libjs/libc');
const { call } = require('../../libjs/sys');

const LIBJS = path.join(__dirname, '../../libjs');
const isRoot = process.getuid() === 0;

// Runs `body` in a child node that has a worker thread and libuv's threadpool
// started (more threads than the main one); prints the effective uid and
// groups of every thread after `body` ran.
function threadsAfter(body, opts = {}) {
  const src = `
    const fs = require('fs');
    const libc = require(${JSON.stringify(path.join(LIBJS, 'libc'))});
    const unistd = require(${JSON.stringify(path.join(LIBJS, 'unistd'))});
    const { Worker } = require('worker_threads');
    const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
    w.on('online', () => fs.readFile('/etc/hostname', () => {
      const r = (${body.toString()})(libc, unistd);
      const tasks = fs.readdirSync('/proc/self/task');
      const seen = tasks.map((t) => {
        const s = fs.readFileSync('/proc/self/task/' + t + '/status', 'latin1');
        return s.match(/^Uid:\\s+\\d+\\s+(\\d+)/m)[1] + '/' + s.match(/^Gid:\\s+\\d+\\s+(\\d+)/m)[1] + '/' +
          s.match(/^Groups:(.*)$/m)[1].trim();
      });
      process.stdout.write(JSON.stringify({ r, threads: tasks.length, creds: [...new Set(seen)] }));
      process.exit(0);
    }));`;
  const res = spawnSync(process.execPath, ['-e', src], { encoding: 'utf8', timeout: 15000, ...opts });
  assert.strictEqual(res.status, 0, res.stderr);
  return JSON.parse(res.stdout);
}

describe('libjs/libc', () => {
  it('finds the loaded C library and its functions', () => {
    assert.strictEqual(libc.available(), true);
    const getpid = libc.symbol('getpid');
    assert.ok(getpid > 0);
    assert.strictEqual(call(getpid), process.pid);
    assert.strictEqual(libc.symbol('no_such_function_here'), 0);
  });

  it('reads errno after a failed call', () => {
    assert.strictEqual(call(libc.symbol('close'), -1) | 0, -1);
    assert.strictEqual(libc.errno(), 9); // EBADF
  });

  it('checks its arguments', () => {
    assert.throws(() => libc.setuid(-1), TypeError);
    assert.throws(() => libc.seteuid(2 ** 32), TypeError);
    assert.throws(() => libc.setgid('0'), TypeError);
    assert.throws(() => libc.setgroups(2, new Uint32Array(1)), TypeError);
  });

  it('fails with -errno where the kernel refuses', function() {
    if (!isRoot) this.skip();
    const out = threadsAfter(function(libc) {
      return [libc.setgroups(1, new Uint32Array([0])), libc.setuid(0), libc.seteuid(0), libc.setegid(0)];
    }, { uid: 65534, gid: 65534 });
    assert.deepStrictEqual(out.r, [-1, -1, -1, -1]); // EPERM
  });

  it('changes the credentials of every thread, where a system call changes one', function() {
    if (!isRoot) this.skip();
    const viaLibc = threadsAfter(function(libc) {
      return [libc.setgroups(2, new Uint32Array([7, 8])), libc.setegid(4321), libc.seteuid(1234)];
    });
    assert.deepStrictEqual(viaLibc.r, [0, 0, 0]);
    assert.ok(viaLibc.threads > 2, `${viaLibc.threads} threads`);
    assert.deepStrictEqual(viaLibc.creds, ['1234/4321/7 8']);

    const viaSyscall = threadsAfter(function(libc, unistd) {
      return unistd.setresuid(-1, 1234, -1);
    });
    assert.strictEqual(viaSyscall.r, 0);
    assert.strictEqual(viaSyscall.creds.length, 2, 'only the calling thread changed');

    const both = threadsAfter(function(libc) {
      return [libc.setgid(2222), libc.setuid(3333)];
    });
    assert.deepStrictEqual(both.r, [0, 0]);
    assert.strictEqual(both.creds.length, 1);
    assert.match(both.creds[0], /^3333\/2222\//);
  });

  it('reports its calls to UNODE_TRACE as the system calls libc makes', function() {
    if (!isRoot) this.skip();
    const src = `const libc = require(${JSON.stringify(path.join(LIBJS, 'libc'))});
      libc.setegid(0); libc.seteuid(0); libc.setgroups(1, new Uint32Array([0]));`;
    const res = spawnSync(process.execPath, ['-e', src], {
      encoding: 'utf8', env: { ...process.env, UNODE_TRACE: '1' }, timeout: 15000,
    });
    assert.strictEqual(res.status, 0, res.stderr);
    assert.match(res.stderr, /^\[libc\] setresgid\(-1, 0, -1\) = 0$/m);
    assert.match(res.stderr, /^\[libc\] setresuid\(-1, 0, -1\) = 0$/m);
    assert.match(res.stderr, /^\[libc\] setgroups\(1, .*\) = 0$/m);
  });
});
