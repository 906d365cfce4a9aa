// The unode command (unode/bin/unode.js, unode/internal/loader_cli.js): its own
// options, and everything else exactly as node does it.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');
const { run, tmpdir, BIN, ROOT } = require('./loader_helpers');

const VERSION = require(path.join(ROOT, 'unode', 'package.json')).version;

// Both commands on the same arguments: stdout, stderr and status must agree.
function same(args, opts = {}) {
  const n = run('node', args, opts);
  const u = run('unode', args, opts);
  assert.deepStrictEqual(
    { stdout: u.stdout, stderr: u.stderr, status: u.status, signal: u.signal },
    { stdout: n.stdout, stderr: n.stderr, status: n.status, signal: n.signal });
  return u;
}

describe('unode command', function() {
  this.timeout(60000);
  const dirs = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

  describe('its own options', function() {
    const line = `unode v${VERSION} (node ${process.version})\n`;

    it('--version prints unode\'s version and node\'s', function() {
      for (const args of [['--version'], ['-v'], ['--no-warnings', '--version'], ['-r', 'x', '--version'], ['-e', '1', '-v']]) {
        const r = run('unode', args);
        assert.deepStrictEqual([r.stdout, r.stderr, r.status], [line, '', 0], args.join(' '));
      }
    });

    it('--version after the script is the script\'s', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'a.js'), 'console.log(process.argv.slice(2))');
      assert.strictEqual(run('unode', ['a.js', '--version'], { cwd: d }).stdout, "[ '--version' ]\n");
      assert.strictEqual(run('unode', ['-p', 'process.argv.slice(1)', '--', '--version']).stdout, "[ '--version' ]\n");
    });

    it('--modules lists every built-in module and who serves it', function() {
      const r = run('unode', ['--modules']);
      assert.strictEqual(r.status, 0);
      const rows = r.stdout.trim().split('\n').map((l) => l.split(/\s+/));
      assert.deepStrictEqual(rows.map((x) => x[0]).sort(), [...builtinModules].sort());
      for (const [name, by] of rows) assert.ok(by === 'unode' || by === 'node', name);
      const fsRow = rows.find((x) => x[0] === 'fs');
      assert.strictEqual(fsRow[1], fs.existsSync(path.join(ROOT, 'unode', 'lib', 'fs.js')) ? 'unode' : 'node');
      assert.deepStrictEqual(rows.find((x) => x[0] === 'path').slice(1, 3), ['node', 'makes']);
    });

    it('works when bin/unode.js is run by node as a script (execve)', function() {
      const r = run('node', [BIN, '-p', 'process.versions.unode + " " + process.argv.length', 'x']);
      assert.deepStrictEqual([r.stdout, r.stderr, r.status], [`${VERSION} 2\n`, '', 0]);
      assert.strictEqual(run('node', [BIN, '-e', 'process.exit(9)']).status, 9);
      assert.strictEqual(run('node', [BIN, '--version']).stdout, line);
    });

    it('run by node as a script, passes node\'s options given before it on to the app', function() {
      const r = run('node', ['--expose-gc', '--stack-trace-limit=3', BIN, '-p',
        'typeof gc + " " + Error.stackTraceLimit + " " + JSON.stringify(process.execArgv)']);
      assert.deepStrictEqual([r.stdout, r.stderr, r.status],
        [`function 3 ${JSON.stringify(['--expose-gc', '--stack-trace-limit=3', '-p',
          'typeof gc + " " + Error.stackTraceLimit + " " + JSON.stringify(process.execArgv)'])}\n`, '', 0]);
    });
  });

  describe('as node does', function() {
    it('-e and -p', function() {
      same(['-e', 'console.log(1 + 1, typeof require, __filename)']);
      same(['-p', '[process.argv.length, typeof module]', 'a', 'b']);
      same(['-pe', '40 + 2']);
    });

    it('a CommonJS script with arguments', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'a.js'), 'console.log(JSON.stringify([process.argv.slice(1), require.main === module]))');
      same(['a.js', 'x', '--y', '-z'], { cwd: d });
    });

    it('an ES module, top-level await, --input-type', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'a.mjs'), 'console.log(await Promise.resolve(import.meta.url.endsWith("a.mjs")))');
      same(['a.mjs'], { cwd: d });
      same(['--input-type=module', '-e', 'import { sep } from "path"; console.log(sep, typeof require)']);
    });

    it('exit codes', function() {
      for (const code of ['process.exit(3)', 'process.exitCode = 4', 'throw 1', 'Promise.reject(new Error("x"))']) {
        same(['-e', code]);
      }
    });

    it('an uncaught exception, byte for byte', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'u.js'), 'function f() { throw new TypeError("bad"); }\nf();\n');
      const r = same(['u.js'], { cwd: d });
      assert.match(r.stderr, /TypeError: bad\n {4}at f \(/);
    });

    it('death by a signal', function() {
      const r = same(['-e', 'process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 5000)']);
      assert.strictEqual(r.signal, 'SIGTERM');
      same(['-e', 'process.on("SIGINT", () => { console.log("int"); process.exit(2); }); process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 5000)']);
    });

    it('a script on stdin, and `-`', function() {
      same([], { input: 'console.log("stdin", process.argv.length)' });
      same(['-', 'a'], { input: 'console.log(process.argv.slice(2))' });
    });

    it('the REPL (forced with -i when stdin is not a terminal)', function() {
      const r = same(['-i'], { input: '6 * 7\n.exit\n' });
      assert.match(r.stdout, /42/);
    });

    it('the REPL when stdin is a terminal (through script(1))', function() {
      // script(1) gives unode a pseudo-terminal; the REPL echoes and evaluates.
      const r = run('script', ['-qec', `${BIN} --no-warnings`, '/dev/null'], { input: '6 * 7\n.exit\n', env: { TERM: 'dumb', NODE_REPL_HISTORY: '' } });
      const out = r.stdout.replace(/\r/g, '');
      assert.match(out, /Welcome to Node\.js v\d+/);
      assert.match(out, /\n42\n/);
      assert.strictEqual(r.status, 0);
    });

    it('-r and --import run after unode\'s preload, before the script', function() {
      const d = tmpdir(dirs);
      fs.writeFileSync(path.join(d, 'pre.js'), 'console.log("pre", typeof process.versions.unode)');
      fs.writeFileSync(path.join(d, 'pre.mjs'), 'console.log("import pre")');
      fs.writeFileSync(path.join(d, 'main.js'), 'console.log("main")');
      const r = run('unode', ['-r', './pre.js', '--import', './pre.mjs', 'main.js'], { cwd: d });
      assert.deepStrictEqual([r.stdout, r.stderr], ['pre string\nimport pre\nmain\n', '']);
      assert.strictEqual(run('node', ['-r', './pre.js', '--import', './pre.mjs', 'main.js'], { cwd: d }).stdout,
        'pre undefined\nimport pre\nmain\n');
    });

    it('node\'s own flags', function() {
      same(['--expose-gc', '--max-old-space-size=100', '--stack-trace-limit=3', '--no-warnings', '-p',
        '[typeof gc, require("v8").getHeapStatistics().heap_size_limit < 150e6, new Error().stack.split("\\n").length]']);
      same(['--no-deprecation', '-C', 'custom', '-p', 'process.execArgv']);
      same(['--enable-source-maps', '--title=abc', '-p', 'process.title + " " + process.execArgv.length']);
    });
  });

  describe('how it is reached', function() {
    it('through a symlink, as npm links bins', function() {
      const d = tmpdir(dirs);
      fs.symlinkSync(BIN, path.join(d, 'unode'));
      const r = run(path.join(d, 'unode'), ['-p', 'process.versions.unode']);
      assert.deepStrictEqual([r.stdout, r.stderr], [`${VERSION}\n`, '']);
      const npmLink = path.join(ROOT, 'node_modules', '.bin', 'unode');
      if (fs.existsSync(npmLink)) assert.strictEqual(run(npmLink, ['-p', 'process.versions.unode']).stdout, `${VERSION}\n`);
    });

    it('through a relative path and a directory with spaces', function() {
      const d = tmpdir(dirs);
      fs.mkdirSync(path.join(d, 'a dir'));
      fs.symlinkSync(BIN, path.join(d, 'a dir', 'unode'));
      const r = run('a dir/unode', ['-p', 'process.versions.unode'], { cwd: d });
      assert.deepStrictEqual([r.stdout, r.stderr], [`${VERSION}\n`, '']);
    });

    it('with --preserve-symlinks', function() {
      const d = tmpdir(dirs);
      fs.symlinkSync(BIN, path.join(d, 'unode'));
      const r = run(path.join(d, 'unode'), ['--preserve-symlinks', '-p', 'process.versions.unode']);
      assert.deepStrictEqual([r.stdout, r.stderr], [`${VERSION}\n`, '']);
      const r2 = run(path.join(d, 'unode'), ['-p', 'process.versions.unode'], { env: { NODE_PRESERVE_SYMLINKS: '1' } });
      assert.deepStrictEqual([r2.stdout, r2.stderr], [`${VERSION}\n`, '']);
    });
  });
});
