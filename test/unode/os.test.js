'use strict';
// unode/lib/os.js against Node's os, in the same process: the same values
// where they are deterministic, bracketed by Node's readings where they move,
// and the same errors. Children run what needs another uid or a network
// namespace.
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');
const nodeOs = require('os');
const os = require('../../unode/lib/os');
const { parseStat, parseModels } = require('../../unode/internal/os/cpus');

const OS = path.join(__dirname, '../../unode/lib/os.js');
const isRoot = process.getuid() === 0;

// What an error shows: everything a program could look at.
function shape(fn) {
  try {
    fn();
  } catch (e) {
    return {
      name: e.name, ctor: e.constructor.name, message: e.message, code: e.code, errno: e.errno,
      syscall: e.syscall, info: e.info, keys: Object.keys(e), str: String(e),
    };
  }
  return 'no error';
}

function sameError(ours, node) {
  const a = shape(ours), b = shape(node);
  assert.notStrictEqual(b, 'no error', 'Node threw no error: the test input is wrong');
  assert.deepStrictEqual(a, b);
}

// Runs `body` (a function's source, given `os` and `nodeOs`) in a child node
// and returns what it printed as JSON.
function child(body, opts = {}) {
  const src = `const os = require(${JSON.stringify(OS)}); const nodeOs = require('os');
    const shape = ${shape.toString()};
    const out = (${body.toString()})(os, nodeOs, shape);
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(opts.command || process.execPath, [...(opts.args || []), '-e', src], {
    encoding: 'utf8', env: opts.env || process.env, uid: opts.uid, gid: opts.gid, timeout: 15000,
  });
  assert.strictEqual(r.status, 0, `child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function withEnv(vars, fn) {
  const saved = {};
  for (const k of Object.keys(vars)) {
    saved[k] = process.env[k];
    if (vars[k] === undefined) delete process.env[k];
    else process.env[k] = vars[k];
  }
  try {
    return fn();
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

describe('unode os', () => {
  describe('the module object', () => {
    it('has Node\'s properties, in Node\'s order, with Node\'s attributes', () => {
      assert.deepStrictEqual(Reflect.ownKeys(os), Reflect.ownKeys(nodeOs));
      for (const key of Reflect.ownKeys(nodeOs)) {
        const a = Object.getOwnPropertyDescriptor(os, key), b = Object.getOwnPropertyDescriptor(nodeOs, key);
        assert.deepStrictEqual([a.writable, a.enumerable, a.configurable], [b.writable, b.enumerable, b.configurable], key);
        if (typeof b.value === 'function') {
          assert.strictEqual(typeof a.value, 'function', key);
          assert.strictEqual(a.value.name, b.value.name, `${key}.name`);
          assert.strictEqual(a.value.length, b.value.length, `${key}.length`);
          assert.strictEqual(typeof a.value[Symbol.toPrimitive], typeof b.value[Symbol.toPrimitive], `${key} toPrimitive`);
        }
      }
    });

    it('converts to primitives as Node\'s functions do', () => {
      for (const key of ['arch', 'endianness', 'homedir', 'hostname', 'platform', 'release', 'tmpdir',
        'totalmem', 'type', 'version', 'machine', 'availableParallelism']) {
        assert.strictEqual(`${os[key]}`, `${nodeOs[key]}`, key);
      }
      assert.strictEqual(typeof +os.freemem, 'number');
      assert.ok(+os.uptime > 0);
    });

    it('has Node\'s constants, EOL and devNull', () => {
      assert.deepStrictEqual(os.constants, nodeOs.constants);
      assert.strictEqual(JSON.stringify(os.constants), JSON.stringify(nodeOs.constants));
      for (const k of ['dlopen', 'errno', 'signals', 'priority']) {
        assert.strictEqual(Object.getPrototypeOf(os.constants[k]), null, k);
      }
      assert.strictEqual(Object.getPrototypeOf(os.constants), Object.getPrototypeOf(nodeOs.constants));
      assert.strictEqual(os.EOL, '\n');
      assert.strictEqual(os.devNull, '/dev/null');
    });
  });

  describe('uname', () => {
    for (const key of ['hostname', 'type', 'release', 'version', 'machine', 'arch', 'platform', 'endianness']) {
      it(`${key}() is Node's`, () => assert.strictEqual(os[key](), nodeOs[key]()));
    }

    it('hostname() follows a change of hostname (in a UTS namespace)', function() {
      if (!isRoot || !fs.existsSync('/usr/bin/unshare')) this.skip();
      const out = child(function(os, nodeOs) {
        return [os.hostname(), nodeOs.hostname()];
      }, { command: '/usr/bin/unshare', args: ['--uts', 'sh', '-c', `hostname unode-test-host && exec ${process.execPath} "$@"`, 'sh'] });
      assert.deepStrictEqual(out, ['unode-test-host', 'unode-test-host']);
    });
  });

  describe('memory, load, uptime', () => {
    it('totalmem() is Node\'s', () => assert.strictEqual(os.totalmem(), nodeOs.totalmem()));

    it('freemem() is MemAvailable, as Node reads it', () => {
      const a = nodeOs.freemem(), b = os.freemem(), c = nodeOs.freemem();
      const slack = 64 * 1024 * 1024;
      assert.ok(Number.isInteger(b) && b % 1024 === 0, `${b}`);
      assert.ok(b >= Math.min(a, c) - slack && b <= Math.max(a, c) + slack, `${a} ${b} ${c}`);
      const m = /MemAvailable:\s+(\d+) kB/.exec(fs.readFileSync('/proc/meminfo', 'latin1'));
      assert.ok(Math.abs(Number(m[1]) * 1024 - b) <= slack);
    });

    it('loadavg() is /proc/loadavg, bracketed by Node\'s', () => {
      const a = nodeOs.loadavg(), b = os.loadavg(), c = nodeOs.loadavg();
      assert.strictEqual(b.length, 3);
      for (let i = 0; i < 3; i++) {
        assert.ok(b[i] >= Math.min(a[i], c[i]) && b[i] <= Math.max(a[i], c[i]), `${a} ${b} ${c}`);
      }
      assert.notStrictEqual(os.loadavg(), os.loadavg());
    });

    it('uptime() is /proc/uptime, between Node\'s readings', () => {
      const a = nodeOs.uptime(), b = os.uptime(), c = nodeOs.uptime();
      assert.ok(a <= b && b <= c, `${a} ${b} ${c}`);
      assert.ok(Math.abs(b * 100 - Math.round(b * 100)) < 1e-6, `${b} has centiseconds`);
    });

    it('availableParallelism() counts the CPUs this thread may use', function() {
      assert.strictEqual(os.availableParallelism(), nodeOs.availableParallelism());
      if (!fs.existsSync('/usr/bin/taskset')) return;
      const out = child(function(os, nodeOs) {
        return [os.availableParallelism(), nodeOs.availableParallelism()];
      }, { command: '/usr/bin/taskset', args: ['-c', '0', process.execPath] });
      assert.deepStrictEqual(out, [1, 1]);
    });
  });

  describe('cpus()', () => {
    it('has Node\'s shape, models and speeds, and times bracketed by Node\'s', () => {
      const a = nodeOs.cpus(), b = os.cpus(), c = nodeOs.cpus();
      assert.strictEqual(b.length, a.length);
      b.forEach((cpu, i) => {
        assert.deepStrictEqual(Object.keys(cpu), ['model', 'speed', 'times']);
        assert.deepStrictEqual(Object.keys(cpu.times), ['user', 'nice', 'sys', 'idle', 'irq']);
        assert.strictEqual(cpu.model, a[i].model);
        assert.strictEqual(cpu.speed, a[i].speed);
        for (const k of Object.keys(cpu.times)) {
          assert.ok(cpu.times[k] >= a[i].times[k] && cpu.times[k] <= c[i].times[k], `cpu${i} ${k}`);
          assert.strictEqual(cpu.times[k] % 10, 0);
        }
      });
    });

    const STAT = 'cpu  10 1 20 300 4 5 6 0 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\ncpu2 10 20 30 40 50 60 70 0 0 0\nintr 1 2 3\n';
    it('reads /proc/stat as libuv does: iowait skipped, ticks of 10 ms', () => {
      const m = parseStat(STAT);
      assert.deepStrictEqual([...m.keys()], [0, 2]);
      assert.deepStrictEqual(m.get(0), { model: 0, freq: 0, user: 1, nice: 2, sys: 3, idle: 4, irq: 6 });
      assert.deepStrictEqual(m.get(2).irq, 60);
    });

    function block(n, lines) {
      return `processor\t: ${n}\n${lines.join('\n')}\n\n`;
    }
    it('takes models from /proc/cpuinfo with libuv\'s quirks', () => {
      const stat = () => parseStat(STAT);
      // One model: every CPU has it.
      let s = stat();
      let models = parseModels(block(0, ['model name\t: Alpha 1']) + block(2, ['model name\t: Alpha 1']), s, 3, 'x64');
      assert.deepStrictEqual([models[s.get(0).model], models[s.get(2).model]], ['Alpha 1', 'Alpha 1']);
      // Two models (big.LITTLE): libuv reports the first for both.
      s = stat();
      models = parseModels(block(0, ['model name\t: Big']) + block(2, ['model name\t: Little']), s, 3, 'x64');
      assert.deepStrictEqual([models[s.get(0).model], models[s.get(2).model]], ['Big', 'Big']);
      // No model line: unknown. A model of 70 characters keeps 63.
      s = stat();
      models = parseModels(block(0, ['vendor\t: x']), s, 3, 'x64');
      assert.strictEqual(models[s.get(0).model], 'unknown');
      s = stat();
      models = parseModels(block(0, [`model name\t: ${'m'.repeat(70)}`]), s, 3, 'x64');
      assert.strictEqual(models[s.get(0).model], 'm'.repeat(63));
      // arm64 names a part number.
      s = stat();
      models = parseModels(block(0, ['CPU part\t: 0xd0c']), s, 3, 'arm64');
      assert.strictEqual(models[s.get(0).model], 'Neoverse-N1');
      s = stat();
      models = parseModels(block(0, ['CPU part\t: 0xfff']), s, 3, 'arm64');
      assert.strictEqual(models[s.get(0).model], 'unknown');
      // A line of exactly 1023 characters leaves a lone newline for the next
      // read, which ends the block early: the next processor is not found.
      s = stat();
      models = parseModels(block(0, ['model name\t: A', 'flags\t: ' + 'f'.repeat(1023 - 8)]) +
        block(2, ['model name\t: B']), s, 3, 'x64');
      assert.strictEqual(models[s.get(0).model], 'A');
      assert.strictEqual(s.get(2).model, 0);
    });
  });

  describe('networkInterfaces()', () => {
    it('is Node\'s on this machine, keys in Node\'s order', () => {
      const a = nodeOs.networkInterfaces(), b = os.networkInterfaces();
      assert.deepStrictEqual(b, a);
      assert.deepStrictEqual(Object.keys(b), Object.keys(a));
      for (const name of Object.keys(a)) {
        b[name].forEach((e, i) => assert.deepStrictEqual(Object.keys(e), Object.keys(a[name][i])));
      }
    });

    it('is Node\'s in a network namespace with veth, bridge, macvlan, labels, peers, a down link and 600 addresses', function() {
      if (!isRoot || !fs.existsSync('/usr/sbin/ip') && !fs.existsSync('/sbin/ip')) {
        this.skip(); // needs root and iproute2 to build the namespace
      }
      this.timeout(60000);
      const ns = `unode-os-${process.pid}`;
      const ip = (args) => spawnSync('ip', args.split(' '), { encoding: 'utf8' });
      const made = ip(`netns add ${ns}`);
      if (made.status !== 0) this.skip();
      try {
        const cmds = [
          'link set lo up', 'link add va type veth peer name vb', 'link set va up', 'link set vb up',
          'addr add 10.1.2.3/24 dev va', 'addr add 10.1.2.4/16 dev va label va:1', 'addr add fd00::1/64 dev va',
          'addr add 192.168.9.9/32 dev vb', 'addr add 10.9.9.9/0 dev vb',
          'addr add 10.7.7.7 peer 10.7.7.8/32 dev va', 'addr add fd01::1 peer fd01::2/128 dev va',
          'link add br0 type bridge', 'link add p0 type veth peer name p1', 'link set p0 master br0',
          'link set p0 up', 'link set p1 up', 'link set br0 up', 'addr add 172.16.0.1/12 dev br0',
          'addr add ::ffff:1.2.3.4/96 dev br0', 'addr add 2001:db8::1:0:0:1/64 dev br0', 'addr add ::1.2.3.4/128 dev br0',
          'link add m0 link va type macvlan mode bridge', 'link set m0 up', 'addr add 10.1.2.77/24 dev m0',
          'addr add 10.1.2.78/24 dev m0 label m0:x',
          'link add q0 type veth peer name q1', 'addr add 172.17.0.1/12 dev q0',
        ];
        const batch = path.join(require('os').tmpdir(), `${ns}.batch`);
        const lines = cmds.map((c) => c);
        for (let i = 1; i <= 300; i++) {
          lines.push(`addr add 10.50.${i >> 8}.${i & 255}/24 dev br0`, `addr add fd50::${i.toString(16)}/64 dev br0`);
        }
        fs.writeFileSync(batch, lines.join('\n') + '\n');
        const r = ip(`-n ${ns} -batch ${batch}`);
        fs.unlinkSync(batch);
        if (r.status !== 0) this.skip(); // a link type this kernel lacks
        // Give IPv6 link-local addresses time to appear (DAD is quick on veth).
        spawnSync('sleep', ['2']);
        const out = child(function(os, nodeOs) {
          const a = nodeOs.networkInterfaces(), b = os.networkInterfaces();
          return { a, b, ka: Object.keys(a), kb: Object.keys(b) };
        }, { command: 'ip', args: ['netns', 'exec', ns, process.execPath] });
        assert.deepStrictEqual(out.b, out.a);
        assert.deepStrictEqual(out.kb, out.ka);
        const all = Object.values(out.b).flat();
        assert.ok(all.length > 600, `${all.length} addresses`);
        assert.ok(out.kb.includes('va:1') && out.kb.includes('m0:x'));
        assert.ok(!out.kb.includes('q0'), 'a link that is down is not listed');
        assert.ok(all.some((e) => e.family === 'IPv6' && e.scopeid > 0));
      } finally {
        ip(`netns del ${ns}`);
      }
    });

    it('closes its netlink socket', () => {
      const before = fs.readdirSync('/proc/self/fd').length;
      for (let i = 0; i < 20; i++) os.networkInterfaces();
      assert.strictEqual(fs.readdirSync('/proc/self/fd').length, before);
    });
  });

  describe('the user', () => {
    it('userInfo() is Node\'s, with every encoding option', () => {
      assert.deepStrictEqual(os.userInfo(), nodeOs.userInfo());
      for (const options of [undefined, null, 'buffer', 5, {}, [], { encoding: 'buffer' }, { encoding: 'hex' },
        { encoding: 'BASE64' }, { encoding: 'latin1' }, { encoding: 'nope' }, { encoding: 7 }, { encoding: 'ucs2' }]) {
        const a = os.userInfo(options), b = nodeOs.userInfo(options);
        assert.deepStrictEqual(a, b, JSON.stringify(options));
        assert.strictEqual(Object.getPrototypeOf(a), null);
        assert.deepStrictEqual(Object.keys(a), Object.keys(b));
      }
    });

    it('userInfo() reads the encoding option through getters, as Node does', () => {
      let reads = 0;
      const opts = { get encoding() { reads++; return 'hex'; } };
      assert.deepStrictEqual(os.userInfo(opts), nodeOs.userInfo(opts));
      assert.strictEqual(reads, 2);
    });

    it('homedir() is HOME when set (even empty), else the passwd entry', () => {
      assert.strictEqual(os.homedir(), nodeOs.homedir());
      for (const HOME of ['/some/where', '', '/x/', undefined]) {
        withEnv({ HOME }, () => assert.strictEqual(os.homedir(), nodeOs.homedir(), String(HOME)));
      }
    });

    it('homedir() fails as Node does for a HOME past PATH_MAX', () => {
      withEnv({ HOME: '/' + 'h'.repeat(5000) }, () => sameError(() => os.homedir(), () => nodeOs.homedir()));
    });

    it('tmpdir() follows TMPDIR, TMP, TEMP and drops a trailing slash', () => {
      const cases = [
        {}, { TMPDIR: '/a/' }, { TMPDIR: '/' }, { TMPDIR: '', TMP: '/b//' }, { TMP: '/b', TEMP: '/c' },
        { TEMP: '/c/' }, { TMPDIR: 'rel/' },
      ];
      for (const c of cases) {
        const vars = { TMPDIR: undefined, TMP: undefined, TEMP: undefined, ...c };
        withEnv(vars, () => assert.strictEqual(os.tmpdir(), nodeOs.tmpdir(), JSON.stringify(c)));
      }
    });

    it('a user with no passwd entry: userInfo() and homedir() fail as Node\'s do', function() {
      if (!isRoot) this.skip();
      const env = { ...process.env };
      delete env.HOME;
      const out = child(function(os, nodeOs, shape) {
        return {
          ours: [shape(() => os.userInfo()), shape(() => os.homedir())],
          node: [shape(() => nodeOs.userInfo()), shape(() => nodeOs.homedir())],
          tmp: [os.tmpdir(), nodeOs.tmpdir()],
        };
      }, { uid: 54321, gid: 54321, env: { ...env, TMPDIR: '/x' } });
      assert.deepStrictEqual(out.ours, out.node);
      assert.strictEqual(out.node[0].code, 'ERR_SYSTEM_ERROR');
      assert.deepStrictEqual(out.tmp, ['/x', '/x']);
    });

    it('tmpdir() ignores the environment when real and effective ids differ', function() {
      if (!isRoot) this.skip();
      const out = child(function(os, nodeOs) {
        process.seteuid(65534);
        return [os.tmpdir(), nodeOs.tmpdir()];
      }, { env: { ...process.env, TMPDIR: '/elsewhere' } });
      assert.deepStrictEqual(out, ['/tmp', '/tmp']);
    });
  });

  describe('priority', () => {
    let sleeper;
    beforeEach(() => {
      sleeper = require('child_process').spawn('sleep', ['30'], { stdio: 'ignore' });
    });
    afterEach(() => sleeper.kill('SIGKILL'));

    it('getPriority() is Node\'s, for this process and another', () => {
      assert.strictEqual(os.getPriority(), nodeOs.getPriority());
      assert.strictEqual(os.getPriority(0), nodeOs.getPriority(0));
      assert.strictEqual(os.getPriority(sleeper.pid), nodeOs.getPriority(sleeper.pid));
    });

    it('setPriority() changes what Node reads, and the other way round', () => {
      os.setPriority(sleeper.pid, 7);
      assert.strictEqual(nodeOs.getPriority(sleeper.pid), 7);
      nodeOs.setPriority(sleeper.pid, 12);
      assert.strictEqual(os.getPriority(sleeper.pid), 12);
      os.setPriority(sleeper.pid, os.constants.priority.PRIORITY_LOW);
      assert.strictEqual(nodeOs.getPriority(sleeper.pid), 19);
    });

    it('fails as Node does: no such process, bad arguments', () => {
      const gone = 2 ** 22 + 12345;
      sameError(() => os.getPriority(gone), () => nodeOs.getPriority(gone));
      sameError(() => os.setPriority(gone, 1), () => nodeOs.setPriority(gone, 1));
      for (const args of [['x'], [1.5], [2 ** 31], [null], [{}]]) {
        sameError(() => os.getPriority(...args), () => nodeOs.getPriority(...args));
      }
      for (const args of [[20], [-21], ['1'], [0, 20], ['a', 1], [1.5, 0], [0, NaN], [undefined, 1]]) {
        sameError(() => os.setPriority(...args), () => nodeOs.setPriority(...args));
      }
    });

    it('lowering the nice value without privilege fails as Node does', function() {
      if (!isRoot) this.skip();
      const out = child(function(os, nodeOs, shape) {
        return [shape(() => os.setPriority(-5)), shape(() => nodeOs.setPriority(-5))];
      }, { uid: 65534, gid: 65534 });
      assert.deepStrictEqual(out[0], out[1]);
      assert.strictEqual(out[1].info.code, 'EACCES');
    });
  });

  describe('errors', () => {
    it('an ERR_SYSTEM_ERROR starts its stack at the public function', () => {
      let err;
      try {
        os.getPriority(2 ** 22 + 12345);
      } catch (e) {
        err = e;
      }
      const frames = err.stack.split('\n').filter((l) => l.startsWith('    at '));
      assert.match(frames[0], /getPriority/);
      assert.doesNotMatch(err.stack, /osSystemError/);
    });
  });
});
