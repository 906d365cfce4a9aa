// unode/internal/loader.js and modules.js: every way of reaching a module gets
// the served one, lazily; strict mode; install-kind modules; Node's own loader
// going through the served fs. Fake modules from loader_fixtures/ stand in for
// the real implementations.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');
const { run, fixtureEnv, tmpdir, FIXTURES, ROOT } = require('./loader_helpers');
const registry = require('../../unode/internal/modules');

describe('unode loader', function() {
  this.timeout(60000);
  const dirs = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

  describe('registry (unode/internal/modules.js)', function() {
    it('classifies every built-in module exactly once', function() {
      const served = registry.served.map((e) => e.name);
      const node = Object.keys(registry.node);
      for (const name of builtinModules) {
        const n = served.includes(name) + node.includes(name);
        assert.strictEqual(n, 1, `${name} is classified ${n} times`);
      }
      for (const name of [...served, ...node]) assert.ok(builtinModules.includes(name), `${name} is not a built-in`);
    });

    it('describes each served module consistently', function() {
      for (const e of registry.served) {
        assert.ok(['module', 'install'].includes(e.kind), e.name);
        assert.ok(e.impl === null || /^[a-z_]+$/.test(e.impl), e.name);
        if (e.kind === 'install') assert.ok(Array.isArray(e.members) && e.members.length > 0, e.name);
      }
      for (const name of ['fs', 'fs/promises', 'os', 'process', 'net', 'dgram', 'dns', 'dns/promises', 'http', 'child_process']) {
        assert.ok(registry.served.some((e) => e.name === name), `${name} should be served`);
      }
    });
  });

  describe('a served module', function() {
    const env = fixtureEnv('os');

    it('reaches require, node: ids, createRequire and getBuiltinModule', function() {
      const r = run('unode', ['-p', `
        const { createRequire } = require('module');
        [require('os').hostname(), require('node:os').hostname(),
         createRequire(process.cwd() + "/x.js")("os").hostname(), process.getBuiltinModule('node:os').hostname(),
         require('os') === require('node:os')].join(' ')`], { env });
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.stdout.trim(), 'unode-fake-host unode-fake-host unode-fake-host unode-fake-host true');
    });

    it('reaches import default, named, namespace and import()', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'm.mjs'), `
        import os, { hostname } from 'os';
        import * as ns from 'node:os';
        const dyn = await import('node:os');
        console.log(os.hostname(), hostname(), ns.hostname(), dyn.hostname(), dyn.default === os);
      `);
      const r = run('unode', ['m.mjs'], { env, cwd: d });
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.stdout.trim(), 'unode-fake-host unode-fake-host unode-fake-host unode-fake-host true');
    });

    it('serves code that took the module object before the first touch', function() {
      const r = run('unode', ['-p', 'const os = require("os"); const h = os.hostname; h()'], { env });
      assert.strictEqual(r.stdout.trim(), 'unode-fake-host');
    });

    it('loads the implementation only at the first touch', function() {
      const fake = path.join(FIXTURES, 'fake_os.js');
      const r = run('unode', ['-p', `
        const before = Object.keys(require.cache).includes(${JSON.stringify(fake)});
        const os = require('os');
        const still = Object.keys(require.cache).includes(${JSON.stringify(fake)});
        os.platform();
        [before, still, Object.keys(require.cache).includes(${JSON.stringify(fake)})].join(' ')`], { env });
      assert.strictEqual(r.stdout.trim(), 'false false true');
    });

    it('leaves plain data properties with Node\'s attributes after the first touch', function() {
      const r = run('unode', ['-p', `
        const os = require('os'); os.arch();
        const d = Object.getOwnPropertyDescriptor(os, 'hostname');
        [typeof d.value, d.writable, d.enumerable, d.configurable, 'get' in d].join(' ')`], { env });
      assert.strictEqual(r.stdout.trim(), 'function true true true false');
    });

    it('keeps a property the program assigned before the first touch', function() {
      const r = run('unode', ['-p', `
        const os = require('os'); os.hostname = () => 'mine';
        [os.hostname(), os.type() === require('node:os').type()].join(' ')`], { env });
      assert.strictEqual(r.stdout.trim(), 'mine true');
    });

    it('falls back silently to Node\'s property where the implementation lacks one', function() {
      const r = run('unode', ['-p', 'Array.isArray(require("os").cpus())'], { env });
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.stdout.trim(), 'true');
    });

    it('with UNODE_STRICT=1, names a property the implementation lacks', function() {
      const r = run('unode', ['-e', `
        const os = require('os');
        console.log(os.hostname());
        try { os.cpus(); } catch (e) { console.log(e.code, e.message); }`], { env: { ...env, UNODE_STRICT: '1' } });
      assert.strictEqual(r.stdout, 'unode-fake-host\n' +
        'ERR_UNODE_NOT_IMPLEMENTED unode: os.cpus is not implemented by unode yet (UNODE_STRICT=1)\n');
    });

    it('with UNODE_STRICT=1, still imports as an ES module; the missing function throws when called', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'm.mjs'), `
        import { hostname, cpus } from 'os';
        console.log(hostname(), typeof cpus, cpus.name);
        try { cpus(); } catch (e) { console.log(e.code, e.message); }`);
      const r = run('unode', ['m.mjs'], { env: { ...env, UNODE_STRICT: '1' }, cwd: d });
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.stdout, 'unode-fake-host function cpus\n' +
        'ERR_UNODE_NOT_IMPLEMENTED unode: os.cpus is not implemented by unode yet (UNODE_STRICT=1)\n');
    });

    it('serves install-kind modules through install(target)', function() {
      const r = run('unode', ['-p', 'require("tty").isatty(99)'], { env: fixtureEnv('tty') });
      assert.strictEqual(r.stdout.trim(), 'true');
    });

    it('with UNODE_STRICT=1, names a member install() left as Node\'s', function() {
      const r = run('unode', ['-e', `
        const tty = require('tty');
        console.log(tty.isatty(99), typeof tty.WriteStream);
        try { new tty.WriteStream(1); } catch (e) { console.log(e.code, e.message); }`],
      { env: fixtureEnv('tty-partial', { UNODE_STRICT: '1' }) });
      assert.strictEqual(r.stdout, 'true function\n' +
        'ERR_UNODE_NOT_IMPLEMENTED unode: tty.WriteStream is not implemented by unode yet (UNODE_STRICT=1)\n');
      const r2 = run('unode', ['-p', 'typeof new (require("tty").WriteStream)(1).write'], { env: fixtureEnv('tty-partial') });
      assert.strictEqual(r2.stdout, 'function\n');
    });

    it('lets an implementation that fails to load fail loudly', function() {
      const r = run('unode', ['-e', 'require("os").hostname()'], { env: fixtureEnv('os-broken') });
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /fixture: broken implementation/);
    });
  });

  describe('Node\'s own loader', function() {
    it('reads the program\'s files through the served fs', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'main.js'), `
        const before = require('fs').unodeFakeCounts.readFileSync;
        require('./dep');
        const c = require('fs').unodeFakeCounts;
        console.log(c.readFileSync > before, c.realpathSync > 0);`);
      fs.writeFileSync(path.join(d, 'dep.js'), 'module.exports = 1;');
      const r = run('unode', ['main.js'], { env: fixtureEnv('fs'), cwd: d });
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.stdout.trim(), 'true true');
    });

    it('keeps fs.promises and fs/promises one object', function() {
      const r = run('unode', ['-p', 'require("fs").readFileSync.name + " " + (require("fs").promises === require("fs/promises"))'],
        { env: fixtureEnv('fs') });
      assert.strictEqual(r.stdout.trim(), 'readFileSync true');
    });
  });

  describe('a module unode should serve but does not yet', function() {
    it('is Node\'s, silently, without UNODE_STRICT', function() {
      const r = run('unode', ['-p', 'require("os").hostname() === require("child_process").execSync("hostname").toString().trim()'],
        { env: fixtureEnv('os-missing') });
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.stdout.trim(), 'true');
    });

    it('is an error naming it for the program, with UNODE_STRICT=1', function() {
      const env = fixtureEnv('os-missing', { UNODE_STRICT: '1' });
      const r = run('unode', ['-e', 'require("os").hostname()'], { env });
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /Error: unode: os\.hostname is not implemented by unode yet \(UNODE_STRICT=1\)/);
      // The stack starts at the program's frame: no loader frames.
      assert.match(r.stderr, /\n {4}at \[eval\]:1:14\n/);
      assert.doesNotMatch(r.stderr, /\n {4}at .*unode\/internal/);
    });

    it('fails an ES module import of it, with UNODE_STRICT=1', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'm.mjs'), 'import { hostname } from "node:os"; console.log(hostname());');
      const r = run('unode', ['m.mjs'], { env: fixtureEnv('os-missing', { UNODE_STRICT: '1' }), cwd: d });
      assert.strictEqual(r.status, 1);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /unode: os\.\w+ is not implemented by unode yet/);
    });

    it('still works for Node\'s internals, with UNODE_STRICT=1', function() {
      const d = fs.realpathSync(tmpdir(dirs));
      const env = fixtureEnv('process-missing', { UNODE_STRICT: '1' });
      const r = run('unode', ['-e', `
        console.log(require('path').resolve('x'));
        try { process.cwd(); } catch (e) { console.log(e.code, e.message); }`], { env, cwd: d });
      assert.strictEqual(r.stdout, `${d}/x\n` +
        'ERR_UNODE_NOT_IMPLEMENTED unode: process.cwd is not implemented by unode yet (UNODE_STRICT=1)\n');
    });

    it('prints nothing extra when the program never touches it, with UNODE_STRICT=1', function() {
      const r = run('unode', ['-e', 'console.log("ok")'], { env: fixtureEnv('os-missing,string_decoder-missing', { UNODE_STRICT: '1' }) });
      assert.strictEqual(r.stdout, 'ok\n');
      assert.strictEqual(r.stderr, '');
    });
  });

  describe('what the program sees', function() {
    it('process.versions.unode is unode\'s version', function() {
      const r = run('unode', ['-p', 'process.versions.unode']);
      assert.strictEqual(r.stdout.trim(), require(path.join(ROOT, 'unode', 'package.json')).version);
    });

    it('no global variable of unode\'s', function() {
      const code = 'Object.getOwnPropertyNames(globalThis).sort().join()';
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'g.js'), `console.log(${code})`);
      assert.strictEqual(run('unode', ['g.js'], { cwd: d }).stdout, run('node', ['g.js'], { cwd: d }).stdout);
      assert.strictEqual(run('unode', ['-p', code]).stdout, run('node', ['-p', code]).stdout);
    });

    it('the same process.execArgv, process.argv and argv0 as node', function() {
      const code = 'JSON.stringify([process.execArgv, process.argv.slice(1), process.argv0, process.title])';
      const args = ['--no-warnings', '--stack-trace-limit=7', '-p', code, 'a', '--b'];
      assert.strictEqual(run('unode', args).stdout, run('node', args).stdout);
    });

    it('`node -r unode` starts the loader too; require(\'unode\') alone does not', function() {
      const pkg = path.join(ROOT, 'unode');
      const r = run('node', ['-r', pkg, '-p', 'process.versions.unode'], { env: fixtureEnv('os') });
      assert.strictEqual(r.stdout.trim(), require(path.join(ROOT, 'unode', 'package.json')).version);
      const r2 = run('node', ['-p', `const u = require(${JSON.stringify(pkg)}); [u.version, process.versions.unode,
        u.modules().find((m) => m.name === 'path').by].join(' ')`]);
      assert.strictEqual(r2.stdout.trim(), `${require(path.join(ROOT, 'unode', 'package.json')).version}  node`);
    });

    it('the preload in worker threads too', function() {
      const code = `
        const { Worker } = require('worker_threads');
        new Worker('require("worker_threads").parentPort.postMessage([String(process.versions.unode), process.execArgv.length])', { eval: true })
          .on('message', (m) => console.log(m.join(' ')));`;
      const version = require(path.join(ROOT, 'unode', 'package.json')).version;
      assert.strictEqual(run('unode', ['-e', code]).stdout, run('node', ['-e', code]).stdout.replace('undefined', version));
      assert.match(run('unode', ['-e', code]).stdout, new RegExp(`^${version} `));
    });
  });
});
