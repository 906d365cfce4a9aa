'use strict';
const assert = require('assert');
const { spawn } = require('child_process');
const L = require('../../libjs');
const { child } = require('./helpers');

const { E } = L;

describe('libjs/wait', () => {
  it('wait4, waitpid reap children; the W* macros read the status (in a child)', () => {
    // Node's own child handling would race for the children, so a child
    // process spawns them and reaps them with libjs before Node can.
    const r = child(`
      const { spawn } = require('child_process');
      const out = {};
      const st = new Int32Array(1), ru = Buffer.alloc(144);
      const a = spawn('sh', ['-c', 'exit 3']);
      out.pid = L.wait4(a.pid, st, 0, ru) === a.pid;
      out.exited = [L.WIFEXITED(st[0]), L.WEXITSTATUS(st[0]), L.WIFSIGNALED(st[0])];
      const b = spawn('sleep', ['5']);
      out.nohang = L.waitpid(b.pid, st, L.WNOHANG);
      L.kill(b.pid, L.SIGKILL);
      out.pid2 = L.waitpid(b.pid, st, 0) === b.pid;
      out.killed = [L.WIFSIGNALED(st[0]), L.WTERMSIG(st[0]), L.WIFEXITED(st[0]), L.WCOREDUMP(st[0])];
      const c = spawn('sleep', ['5']);
      L.kill(c.pid, L.SIGSTOP);
      out.pid3 = L.waitpid(c.pid, st, L.WUNTRACED) === c.pid;
      out.stopped = [L.WIFSTOPPED(st[0]), L.WSTOPSIG(st[0])];
      L.kill(c.pid, L.SIGCONT);
      out.pid4 = L.waitpid(c.pid, st, L.WCONTINUED) === c.pid;
      out.continued = L.WIFCONTINUED(st[0]);
      L.kill(c.pid, L.SIGKILL);
      L.waitpid(c.pid, null, 0);
      out.echild = L.wait4(-1, null, L.WNOHANG, null);
      console.log(JSON.stringify(out));
      process.exit(0);`);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), {
      pid: true, exited: [true, 3, false], nohang: 0, pid2: true, killed: [true, 9, false, false],
      pid3: true, stopped: [true, L.SIGSTOP], pid4: true, continued: true, echild: -E.ECHILD,
    });
  });

  it('waitid with WNOWAIT sees a child\'s exit without reaping it; ECHILD, EINVAL', async () => {
    const proc = spawn('sh', ['-c', 'sleep 0.05; exit 5']);
    const info = Buffer.alloc(128);
    // Blocks this thread until the child exits; Node reaps it afterwards.
    assert.strictEqual(L.waitid(L.P_PID, proc.pid, info, L.WEXITED | L.WNOWAIT), 0);
    assert.strictEqual(info.readInt32LE(0), L.SIGCHLD);
    assert.strictEqual(info.readInt32LE(8), L.CLD_EXITED);
    assert.strictEqual(info.readInt32LE(16), proc.pid);
    assert.strictEqual(info.readInt32LE(24), 5);
    const code = await new Promise((r) => proc.once('exit', r));
    assert.strictEqual(code, 5, 'Node still reaped it');
    assert.strictEqual(L.waitid(L.P_PID, 0x3fffffff, info, L.WEXITED), -E.ECHILD);
    assert.strictEqual(L.waitid(L.P_PID, 1, info, 0), -E.EINVAL);
    assert.strictEqual(L.wait4(0x3fffffff, null, 0), -E.ECHILD);
    assert.throws(() => L.waitid(L.P_ALL, 0, Buffer.alloc(64), L.WEXITED), /info must be at least 128/);
    assert.throws(() => L.wait4(-1, new Uint8Array(2), L.WNOHANG), TypeError);
  });

  it('the macros on hand-made statuses, as glibc defines them', () => {
    assert.strictEqual(L.WEXITSTATUS(0x0300), 3);
    assert.ok(L.WIFEXITED(0x0300));
    assert.ok(L.WIFSIGNALED(0x0009) && L.WTERMSIG(0x0009) === 9 && !L.WCOREDUMP(0x0009));
    assert.ok(L.WCOREDUMP(0x0086));
    assert.ok(L.WIFSTOPPED(0x137f) && L.WSTOPSIG(0x137f) === 19 && !L.WIFSIGNALED(0x137f));
    assert.ok(L.WIFCONTINUED(0xffff) && !L.WIFEXITED(0xffff));
  });
});
