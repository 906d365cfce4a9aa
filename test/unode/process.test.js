'use strict';
// unode/lib/process.js against Node's process, in the same process where the
// values can be compared (clocks and counters bracketed by Node's readings),
// in children where the test changes what the whole process shares (a
// deleted working directory, other credentials), and through the unode
// command for what install() patches.
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawn, spawnSync } = require('child_process');
const p = require('../../unode/lib/process');

const PROCESS = path.join(__dirname, '../../unode/lib/process.js');
const UNODE = path.join(__dirname, '../../unode/bin/unode.js');
const isRoot = process.getuid() === 0;

function shape(fn) {
  try {
    fn();
  } catch (e) {
    return {
      name: e.name, ctor: e.constructor.name, message: e.message, code: e.code, errno: e.errno,
      syscall: e.syscall, path: e.path, dest: e.dest, info: e.info, keys: Object.keys(e), str: String(e),
    };
  }
  return 'no error';
}

function sameError(ours, node) {
  const a = shape(ours), b = shape(node);
  assert.notStrictEqual(b, 'no error', 'Node threw no error: the test input is wrong');
  assert.deepStrictEqual(a, b);
}

// Runs `body(p, shape)` in a child node (p: unode's process module) and
// returns its JSON result.
function child(body, opts = {}) {
  const src = `const p = require(${JSON.stringify(PROCESS)});
    const shape = ${shape.toString()};
    Promise.resolve((${body.toString()})(p, shape)).then((out) => process.stdout.write(JSON.stringify(out)));`;
  const r = spawnSync(process.execPath, ['-e', src], {
    encoding: 'utf8', cwd: opts.cwd, uid: opts.uid, gid: opts.gid, env: opts.env || process.env, timeout: 15000,
  });
  assert.strictEqual(r.status, 0, `child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Runs `code` under the unode command; returns stdout.
function unode(code, opts = {}) {
  const r = spawnSync(UNODE, ['-e', code], { encoding: 'utf8', cwd: opts.cwd, timeout: 15000 });
  assert.strictEqual(r.status, 0, `unode failed: ${r.stderr}`);
  return r.stdout;
}

const exited = (cp) => new Promise((resolve) => cp.on('exit', (code, signal) => resolve({ code, signal })));

describe('unode process', () => {
  describe('hrtime', () => {
    it('reads CLOCK_MONOTONIC, between two of Node\'s readings', () => {
      for (let i = 0; i < 100; i++) {
        const a = process.hrtime(), b = p.hrtime(), c = process.hrtime();
        const ns = (t) => t[0] * 1e9 + t[1];
        assert.ok(ns(a) <= ns(b) && ns(b) <= ns(c), `${a} ${b} ${c}`);
        assert.ok(Number.isInteger(b[0]) && Number.isInteger(b[1]) && b[1] >= 0 && b[1] < 1e9);
      }
    });

    it('bigint() reads the same clock', () => {
      for (let i = 0; i < 100; i++) {
        const a = process.hrtime.bigint(), b = p.hrtime.bigint(), c = process.hrtime.bigint();
        assert.strictEqual(typeof b, 'bigint');
        assert.ok(a <= b && b <= c);
      }
      assert.strictEqual(p.hrtime.bigint.name, process.hrtime.bigint.name);
    });

    it('hrtime(prev) is the difference, borrowing a second where needed', () => {
      const start = p.hrtime();
      const d = p.hrtime(start);
      assert.ok(d[0] >= 0 && d[1] >= 0 && d[1] < 1e9);
      const now = p.hrtime();
      const back = p.hrtime([now[0] - 1, now[1] + 1]);
      assert.ok(back[0] >= 0 && back[1] < 1e9);
      assert.deepStrictEqual(p.hrtime(['a', 'b']), [NaN, NaN]);
      assert.deepStrictEqual(process.hrtime(['a', 'b']), [NaN, NaN]);
    });

    it('validates prev as Node does', () => {
      for (const arg of [5, 'ab', {}, null, [1], [1, 2, 3], new Uint32Array(2)]) {
        sameError(() => p.hrtime(arg), () => process.hrtime(arg));
      }
    });
  });

  describe('uptime', () => {
    it('counts from Node\'s start, on the monotonic clock', () => {
      const a = process.uptime(), b = p.uptime(), c = process.uptime();
      assert.ok(b >= a - 1e-6 && b <= c + 1e-6, `${a} ${b} ${c}`);
      assert.strictEqual(p.uptime.name, 'uptime');
    });
  });

  describe('cwd, chdir', () => {
    const start = process.cwd();
    let dir;
    before(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'unode-cwd-')));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'file'), '');
    });
    after(() => {
      process.chdir(start);
      p.chdir(start);
      fs.rmSync(dir, { recursive: true });
    });

    it('cwd() is Node\'s', () => assert.strictEqual(p.cwd(), process.cwd()));

    it('chdir() moves the process (the kernel agrees), absolute and relative', () => {
      p.chdir(dir);
      assert.strictEqual(p.cwd(), dir);
      assert.strictEqual(fs.realpathSync.native('.'), dir);
      p.chdir('sub');
      assert.strictEqual(p.cwd(), path.join(dir, 'sub'));
      assert.strictEqual(fs.realpathSync.native('.'), path.join(dir, 'sub'));
      p.chdir('/');
      assert.strictEqual(p.cwd(), '/');
      p.chdir(start);
      assert.strictEqual(p.cwd(), start);
    });

    it('chdir() cuts a path at a NUL, as Node\'s C string does', () => {
      p.chdir(`${dir}\0/nothing`);
      assert.strictEqual(p.cwd(), dir);
      p.chdir(start);
    });

    it('chdir() fails as Node does', () => {
      for (const arg of [123, undefined, null, {}, Buffer.from('/tmp')]) {
        sameError(() => p.chdir(arg), () => process.chdir(arg));
      }
      for (const d of ['/nope/at/all', path.join(dir, 'file'), `${dir}/file/x`, '', `/nope\0x`]) {
        sameError(() => p.chdir(d), () => process.chdir(d));
      }
      assert.strictEqual(p.cwd(), start);
    });

    it('a deleted working directory: the cached name, then Node\'s errors', () => {
      const gone = path.join(dir, 'gone');
      fs.mkdirSync(gone);
      const out = child(function(p, shape) {
        const fs = require('fs');
        const d = process.cwd();
        process.chdir(d);
        p.chdir(d);
        const cached = [p.cwd(), process.cwd()];
        fs.rmdirSync(d);
        return [
          cached, [p.cwd(), process.cwd()],
          shape(() => p.chdir('.')), shape(() => process.chdir('.')),
          shape(() => p.cwd()), shape(() => process.cwd()),
          shape(() => p.chdir('x')), shape(() => process.chdir('x')),
        ];
      }, { cwd: gone });
      assert.deepStrictEqual(out[0], [gone, gone]);
      assert.deepStrictEqual(out[1], [gone, gone], 'the cache outlives the directory');
      assert.deepStrictEqual(out[2], out[3]);
      assert.deepStrictEqual(out[4], out[5]);
      assert.strictEqual(out[5].message, 'ENOENT: no such file or directory, uv_cwd');
      // Node's path here is whatever its stack buffer held (uv_cwd failed and
      // wrote nothing): often '', sometimes a stray byte. unode says ''.
      assert.strictEqual(out[6].message, "ENOENT: no such file or directory, chdir '' -> 'x'");
      assert.match(out[7].message, /^ENOENT: no such file or directory, chdir '[^']*' -> 'x'$/);
      const { message: m1, str: s1, path: p1, ...rest1 } = out[6];
      const { message: m2, str: s2, path: p2, ...rest2 } = out[7];
      assert.deepStrictEqual(rest1, rest2);
      assert.strictEqual(p1, '');
    });

    it('under unode, path.resolve and workers follow process.chdir', function() {
      this.timeout(30000);
      const out = unode(`
        const path = require('path');
        const { Worker } = require('worker_threads');
        process.chdir(${JSON.stringify(dir)});
        const r = [process.cwd(), path.resolve('x'), require('fs').realpathSync('.')];
        const w = new Worker(\`
          const { parentPort } = require('worker_threads');
          parentPort.once('message', () => {
            let chdir, umask;
            try { process.chdir('/') } catch (e) { chdir = e.code }
            try { process.umask(0) } catch (e) { umask = e.code }
            parentPort.postMessage([process.cwd(), chdir, umask, typeof process.umask()]);
          });
          parentPort.postMessage('ready');
        \`, { eval: true });
        w.once('message', () => {
          process.chdir('sub');
          w.postMessage('go');
          w.once('message', (m) => { console.log(JSON.stringify([...r, ...m])); w.terminate(); });
        });
      `);
      assert.deepStrictEqual(JSON.parse(out), [dir, path.join(dir, 'x'), dir, path.join(dir, 'sub'),
        'ERR_WORKER_UNSUPPORTED_OPERATION', 'ERR_WORKER_UNSUPPORTED_OPERATION', 'number']);
    });
  });

  describe('umask', () => {
    let saved;
    before(() => { saved = process.umask(); });
    after(() => process.umask(saved));

    it('reads and sets the mask as Node does (numbers, octal strings)', () => {
      assert.strictEqual(p.umask(), process.umask());
      assert.strictEqual(p.umask(0o027), saved);
      assert.strictEqual(process.umask(), 0o027);
      assert.strictEqual(p.umask('0077'), 0o027);
      assert.strictEqual(process.umask(), 0o077);
      assert.strictEqual(p.umask(0o1777), 0o077);
      assert.strictEqual(p.umask(), 0o777, 'the kernel keeps the permission bits');
      p.umask(saved);
    });

    it('validates as Node does', () => {
      for (const arg of ['8', 'abc', -1, 2 ** 32, 1.5, {}, null, true]) {
        const before = process.umask();
        sameError(() => p.umask(arg), () => process.umask(arg));
        assert.strictEqual(process.umask(), before);
      }
    });
  });

  describe('kill', () => {
    it('signal 0 to this process is true', () => {
      assert.strictEqual(p.kill(process.pid, 0), true);
      assert.strictEqual(p.kill(String(process.pid), 0), true);
    });

    it('sends signals by name and number, SIGTERM by default', async function() {
      this.timeout(10000);
      for (const [sig, want] of [[undefined, 'SIGTERM'], ['SIGKILL', 'SIGKILL'], [10, 'SIGUSR1'],
        ['SIGHUP', 'SIGHUP'], [null, 'SIGTERM'], ['', 'SIGTERM'], ['SIGPOLL', 'SIGIO']]) {
        const cp = spawn('sleep', ['30'], { stdio: 'ignore' });
        const done = exited(cp);
        await new Promise((resolve) => cp.once('spawn', resolve));
        assert.strictEqual(p.kill(cp.pid, sig), true);
        const { signal } = await done;
        assert.strictEqual(signal, want === 'SIGIO' ? 'SIGIO' : want, String(sig));
      }
    });

    it('fails as Node does', () => {
      const gone = 2 ** 22 + 12345;
      sameError(() => p.kill(gone), () => process.kill(gone));
      sameError(() => p.kill(gone, 0), () => process.kill(gone, 0));
      for (const args of [['x'], [null], [NaN], [1.5], [2 ** 31], [{}], [process.pid, 'SIGNOPE'],
        [process.pid, 'sigterm'], [process.pid, 1.5], [process.pid, {}], [process.pid, 'SIGRTMIN'],
        [process.pid, '__proto__'], [gone, 'SIGNOPE']]) {
        sameError(() => p.kill(...args), () => process.kill(...args));
      }
    });

    it('EPERM for another user\'s process, as Node', function() {
      if (!isRoot) this.skip();
      const out = child(function(p, shape) {
        return [shape(() => p.kill(1, 0)), shape(() => process.kill(1, 0))];
      }, { uid: 65534, gid: 65534 });
      assert.deepStrictEqual(out[0], out[1]);
      assert.strictEqual(out[1].message, 'kill EPERM');
    });
  });

  describe('credentials', () => {
    for (const k of ['getuid', 'geteuid', 'getgid', 'getegid', 'getgroups']) {
      it(`${k}() is Node's`, () => {
        assert.deepStrictEqual(p[k](), process[k]());
        assert.strictEqual(p[k].name, k);
      });
    }

    it('another user with supplementary groups, as Node sees them', function() {
      if (!isRoot || !fs.existsSync('/usr/bin/setpriv')) this.skip();
      const src = `const p = require(${JSON.stringify(PROCESS)});
        const ks = ['getuid', 'geteuid', 'getgid', 'getegid', 'getgroups'];
        process.stdout.write(JSON.stringify([ks.map((k) => p[k]()), ks.map((k) => process[k]())]));`;
      const r = spawnSync('/usr/bin/setpriv', ['--reuid=1234', '--regid=2345', '--groups=7,8,3000',
        process.execPath, '-e', src], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      const [ours, node] = JSON.parse(r.stdout);
      assert.deepStrictEqual(ours, node);
      assert.deepStrictEqual(ours, [1234, 1234, 2345, 2345, [7, 8, 3000, 2345]]);
    });
  });

  describe('changing credentials', () => {
    const SETTERS = ['setuid', 'seteuid', 'setgid', 'setegid'];

    it('the setters have Node\'s names and lengths', () => {
      for (const k of [...SETTERS, 'setgroups', 'initgroups']) {
        assert.strictEqual(p[k].name, process[k].name, k);
        assert.strictEqual(p[k].length, process[k].length, k);
      }
    });

    it('validate and name unknown ids as Node does', () => {
      for (const k of SETTERS) {
        for (const id of [{}, null, undefined, -1, 1.5, 2 ** 32, NaN, true, 'no-such-name-here', 2 ** 32 - 1]) {
          sameError(() => p[k](id), () => process[k](id));
        }
      }
      for (const groups of [5, 'x', null, [{}], [-1], [0, 'no-such-group-here'], [0, 2 ** 32 - 1], [1.5]]) {
        sameError(() => p.setgroups(groups), () => process.setgroups(groups));
      }
      for (const args of [[{}, 0], [0, {}], [-1, 0], [0, 1.5], ['root', 'no-such-group-here'],
        [2 ** 32 - 1, 0], [54321, 0]]) {
        sameError(() => p.initgroups(...args), () => process.initgroups(...args));
      }
    });

    it('without privilege, fail as Node does', function() {
      if (!isRoot) this.skip();
      const out = child(function(p, shape) {
        const calls = [['setuid', 0], ['seteuid', 0], ['setgid', 0], ['setegid', 0], ['setgroups', [0]],
          ['initgroups', 'root', 0]];
        return calls.map(([k, ...a]) => [shape(() => p[k](...a)), shape(() => process[k](...a))]);
      }, { uid: 65534, gid: 65534 });
      for (const [ours, node] of out) assert.deepStrictEqual(ours, node);
      assert.strictEqual(out[0][1].message, 'EPERM, Operation not permitted');
    });

    // Runs `body` as root in a mount namespace where /etc/passwd and
    // /etc/group are the files given.
    function withFiles(passwdText, groupText, body) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unode-creds-'));
      fs.writeFileSync(path.join(dir, 'passwd'), passwdText);
      fs.writeFileSync(path.join(dir, 'group'), groupText);
      const src = `const p = require(${JSON.stringify(PROCESS)});
        const os = require(${JSON.stringify(path.join(__dirname, '../../unode/lib/os.js'))});
        const shape = ${shape.toString()};
        const tasks = () => [...new Set(require('fs').readdirSync('/proc/self/task').map((t) =>
          require('fs').readFileSync('/proc/self/task/' + t + '/status', 'latin1').split('\\n')
            .filter((l) => /^(Uid|Gid|Groups):/.test(l)).join('|')))];
        new (require('worker_threads').Worker)('setInterval(() => {}, 1000)', { eval: true }).on('online', () => {
          process.stdout.write(JSON.stringify((${body.toString()})(p, os, shape, tasks)));
          process.exit(0);
        });`;
      try {
        const r = spawnSync('/usr/bin/unshare', ['-m', 'sh', '-c',
          `mount --bind ${dir}/passwd /etc/passwd && mount --bind ${dir}/group /etc/group && exec "$0" "$@"`,
          process.execPath, '-e', src], { encoding: 'utf8', timeout: 15000 });
        assert.strictEqual(r.status, 0, r.stderr);
        return JSON.parse(r.stdout);
      } finally {
        fs.rmSync(dir, { recursive: true });
      }
    }

    const PASSWD = [
      '# users for the test', 'root:x:0:0:root:/root:/bin/bash', '',
      'alice:x:1500:1600:Alice:/home/alice:/bin/sh', '  bob:x:1501:1600::/home/bob', '+nis::::::',
      'dup:x:1500:1700::/dup:/bin/false', 'carol:x:notanumber:1::/c:/bin/sh', 'dave:x:1503:1503:D:/d:/bin/sh:x',
      'ünï:x:1504:1504::/home/ünï:/bin/zsh', 'sign:x:+2002:+7::/sign:/bin/sh', '\rcr:x:2018:2018::/cr:/bin/sh',
      'zero2:x:-0:5::/z:/bin/sh', 'neg:x:-5:5::/n:/bin/sh', 'trail:x:2019 :5::/t:/bin/sh', '',
    ].join('\n');
    const GROUP = [
      'root:x:0:', 'staff:x:1600:alice,bob', '# a comment', 'dev:x:1700:alice', 'ops:x:1800:bob,alice,carol',
      'empty:x:1900:', 'wide:x:1950:ünï', '+:::', 'spaced:x:3001: alice , sign', 'plus:x:+3002:alice',
      '+compat:x:3003:alice,sign', 'holes:x:3004:,, sign,', '',
    ].join('\n');

    it('look names up in /etc/passwd and /etc/group as glibc does, and reach every thread', function() {
      if (!isRoot || !fs.existsSync('/usr/bin/unshare')) this.skip();
      this.timeout(30000);
      const out = withFiles(PASSWD, GROUP, function(p, os, shape, tasks) {
        const r = [];
        // Each step: ours, then Node's, from the same starting point.
        const reset = () => { process.setegid(0); process.seteuid(0); process.setgroups([0]); };
        const both = (label, fn) => {
          reset();
          const mine = shape(() => fn(p));
          const a = [process.geteuid(), process.getegid(), process.getgroups(), tasks()];
          reset();
          const theirs = shape(() => fn(process));
          const b = [process.geteuid(), process.getegid(), process.getgroups(), tasks()];
          reset();
          r.push([label, mine, theirs, a, b]);
        };
        for (const name of ['alice', 'bob', 'dup', 'carol', 'dave', 'ünï', 'nis', '+nis', 'ghost', 1500, 1503,
          'sign', 'cr', 'zero2', 'neg', 'trail', 2002, 2018]) {
          both(`seteuid ${name}`, (q) => q.seteuid(name));
        }
        for (const name of ['staff', 'dev', 'wide', 'nope', '+', 1950, 'spaced', 'plus', '+compat', 3002]) {
          both(`setegid ${name}`, (q) => q.setegid(name));
        }
        both('setgroups names', (q) => q.setgroups(['staff', 'dev', 1900, 'staff']));
        both('setgroups unknown', (q) => q.setgroups(['staff', 'nope']));
        both('setgroups none', (q) => q.setgroups([]));
        for (const [u, g] of [['alice', 'empty'], ['bob', 1900], [1500, 0], ['ghost', 'empty'], ['carol', 'dev'],
          ['ünï', 0], [1501, 'nope'], [9999, 0], ['sign', 0], ['alice', 0], [2002, 0], ['cr', 0]]) {
          both(`initgroups ${u} ${g}`, (q) => q.initgroups(u, g));
        }
        // userInfo and homedir for each effective uid.
        const info = [];
        delete process.env.HOME;
        for (const uid of [1500, 1501, 1503, 1504, 1234]) {
          process.seteuid(uid);
          const val = (fn) => { try { return fn(); } catch (e) { return shape(() => { throw e; }); } };
          info.push([uid, val(() => os.userInfo()), val(() => require('os').userInfo()),
            val(() => os.homedir()), val(() => require('os').homedir())]);
          process.seteuid(0);
        }
        return { r, info };
      });
      for (const [label, mine, theirs, a, b] of out.r) {
        assert.deepStrictEqual(mine, theirs, label);
        assert.deepStrictEqual(a, b, label);
        assert.strictEqual(a[3].length, 1, `${label}: every thread has the same credentials`);
      }
      for (const [uid, u1, u2, h1, h2] of out.info) {
        assert.deepStrictEqual(u1, u2, `userInfo as ${uid}`);
        assert.deepStrictEqual(h1, h2, `homedir as ${uid}`);
      }
      assert.strictEqual(out.r.find(([l]) => l === 'seteuid alice')[3][0], 1500);
      assert.deepStrictEqual(out.info[0][1], { uid: 1500, gid: 1600, username: 'alice', homedir: '/home/alice', shell: '/bin/sh' });
      assert.deepStrictEqual(out.info[1][1].shell, '');
      assert.deepStrictEqual(out.info[2][1].shell, '/bin/sh:x');
      assert.deepStrictEqual(out.info[3][3], '/home/ünï');
      assert.strictEqual(out.info[4][1].info.syscall, 'uv_os_get_passwd');
    });

    it('setuid and setgid change every thread for good', function() {
      if (!isRoot) this.skip();
      const out = child(function(p) {
        const fs = require('fs');
        return new Promise((resolve) => {
          new (require('worker_threads').Worker)('setInterval(() => {}, 1000)', { eval: true }).on('online', () => {
            p.setgroups([]);
            p.setgid(4321);
            p.setuid(1234);
            const creds = new Set(fs.readdirSync('/proc/self/task').map((t) =>
              fs.readFileSync(`/proc/self/task/${t}/status`, 'latin1').split('\n')
                .filter((l) => /^(Uid|Gid):/.test(l)).join('|')));
            let back;
            try { p.setuid(0); } catch (e) { back = e.message; }
            resolve({ creds: [...creds], ids: [process.getuid(), process.geteuid(), process.getgid()], back });
            setImmediate(() => process.exit(0));
          });
        });
      });
      assert.deepStrictEqual(out.creds, ['Uid:\t1234\t1234\t1234\t1234|Gid:\t4321\t4321\t4321\t4321']);
      assert.deepStrictEqual(out.ids, [1234, 1234, 4321]);
      assert.strictEqual(out.back, 'EPERM, Operation not permitted');
    });
  });

  describe('memory and CPU', () => {
    it('memoryUsage() has Node\'s keys; rss from /proc, the heap numbers Node\'s', () => {
      const a = process.memoryUsage(), b = p.memoryUsage();
      assert.deepStrictEqual(Object.keys(b), Object.keys(a));
      const slack = 32 * 1024 * 1024;
      assert.ok(Math.abs(b.rss - a.rss) < slack, `${a.rss} ${b.rss}`);
      assert.ok(b.rss % 4096 === 0);
      for (const k of ['heapTotal', 'heapUsed', 'external', 'arrayBuffers']) {
        assert.ok(Number.isInteger(b[k]) && b[k] > 0, k);
      }
    });

    it('memoryUsage.rss() follows the resident set (1 MiB more, then the same after free)', () => {
      const a = p.memoryUsage.rss();
      const big = Buffer.alloc(64 * 1024 * 1024, 1);
      const b = p.memoryUsage.rss();
      assert.ok(b - a > 32 * 1024 * 1024, `${a} ${b}`);
      assert.ok(Math.abs(process.memoryUsage.rss() - b) < 16 * 1024 * 1024);
      assert.strictEqual(big[big.length - 1], 1);
    });

    it('resourceUsage() has Node\'s fields, each between two of Node\'s readings', () => {
      const a = process.resourceUsage(), b = p.resourceUsage(), c = process.resourceUsage();
      assert.deepStrictEqual(Object.keys(b), Object.keys(a));
      for (const k of Object.keys(a)) {
        assert.ok(b[k] >= a[k] && b[k] <= c[k], `${k}: ${a[k]} ${b[k]} ${c[k]}`);
      }
    });

    it('cpuUsage() is between two of Node\'s readings; with prev, the difference', () => {
      const a = process.cpuUsage(), b = p.cpuUsage(), c = process.cpuUsage();
      assert.deepStrictEqual(Object.keys(b), ['user', 'system']);
      assert.ok(b.user >= a.user && b.user <= c.user);
      assert.ok(b.system >= a.system && b.system <= c.system);
      const d = p.cpuUsage(b);
      assert.ok(d.user >= 0 && d.system >= 0);
      const e = p.cpuUsage({ user: 0, system: 0 });
      assert.ok(e.user >= b.user);
    });

    it('cpuUsage(prev) validates as Node does', () => {
      for (const arg of [5, 'x', { user: -1 }, { user: 'a' }, { user: 1 }, { user: 1, system: -2 },
        { user: 1, system: 'x' }, { user: Infinity, system: 0 }, { user: 2 ** 53, system: 0 }, [], true]) {
        sameError(() => p.cpuUsage(arg), () => process.cpuUsage(arg));
      }
      assert.deepStrictEqual(Object.keys(p.cpuUsage(0)), ['user', 'system']);
      assert.deepStrictEqual(Object.keys(p.cpuUsage(null)), ['user', 'system']);
    });
  });

  describe('install()', () => {
    const MEMBERS = ['hrtime', 'uptime', 'cwd', 'chdir', 'umask', 'kill', 'getuid', 'geteuid', 'getgid',
      'getegid', 'getgroups', 'memoryUsage', 'resourceUsage', 'cpuUsage'];

    function fakeProcess(worker) {
      const t = {};
      for (const k of [...MEMBERS, 'setuid', 'initgroups']) {
        Object.defineProperty(t, k, { value: process[k], writable: true, enumerable: true, configurable: true });
      }
      if (worker) t.chdir = Object.assign(function unavailableInWorker() {}, { disabled: true });
      return t;
    }

    it('patches the process-facing members, keeping their attributes', () => {
      const t = fakeProcess(false);
      p.install(t);
      for (const k of [...MEMBERS, 'setuid', 'initgroups']) {
        assert.strictEqual(t[k], p[k], k);
        const d = Object.getOwnPropertyDescriptor(t, k);
        assert.deepStrictEqual([d.writable, d.enumerable, d.configurable], [true, true, true]);
      }
    });

    it('in a worker, leaves chdir alone and only reads the mask', () => {
      const t = fakeProcess(true);
      const stub = t.chdir;
      p.install(t);
      assert.strictEqual(t.chdir, stub);
      assert.strictEqual(t.setuid, process.setuid);
      assert.strictEqual(t.initgroups, process.initgroups);
      assert.notStrictEqual(t.umask, p.umask);
      assert.strictEqual(t.umask(), process.umask());
      assert.throws(() => t.umask(0), { code: 'ERR_WORKER_UNSUPPORTED_OPERATION' });
      assert.strictEqual(t.cwd(), process.cwd());
    });

    it('under unode, process\'s members are unode\'s and go through its system calls', function() {
      this.timeout(30000);
      const r = spawnSync(UNODE, ['-e', `
        const s = Date.now();
        process.chdir('/');
        process.kill(process.pid, 0);
        process.umask(); process.getgroups(); process.cpuUsage(); process.memoryUsage.rss();
        console.log(process.cwd(), process.hrtime.bigint() > 0n, process.chdir.name, process.kill.name);
      `], { encoding: 'utf8', env: { ...process.env, UNODE_TRACE: '1' }, timeout: 15000 });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, '/ true wrappedChdir kill\n');
      for (const call of ['chdir("/")', `kill(${''}`, 'umask(', 'getgroups(', 'getrusage(', '/proc/self/statm']) {
        assert.ok(r.stderr.includes(call), `${call} is not in the trace:\n${r.stderr}`);
      }
    });
  });
});
