// unode/internal/boot.js and unode/scripts/build.js: the pack that unode starts
// from (a pack of fixture modules built here, and unode's own, built by
// `npm install` and before `npm test`), and the fallback to the source files.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const boot = require('../../unode/internal/boot');
const build = require('../../unode/scripts/build');
const { run, tmpdir, ROOT } = require('./loader_helpers');

const BOOT = path.join(ROOT, 'unode', 'internal', 'boot.js');

// Runs `code` in a plain node child; its stdout, parsed as JSON.
function child(code, env = {}) {
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('unode start-up pack', function() {
  this.timeout(60000);
  const dirs = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

  it('reads the pack with the system call numbers of libjs\'s tables', function() {
    const tables = { x64: require('libjs/sysnr/x86_64'), arm64: require('libjs/sysnr/aarch64') };
    const src = fs.readFileSync(BOOT, 'utf8');
    for (const [arch, nr] of Object.entries(tables)) {
      const line = new RegExp(`${arch}: \\{([^}]*)\\}`).exec(src)[1];
      for (const [, name, n] of line.matchAll(/(\w+): (\d+)/g)) assert.strictEqual(Number(n), nr[name], `${arch} ${name}`);
    }
    assert.deepStrictEqual(boot.NR, tables[process.arch] && Object.fromEntries(
      Object.keys(boot.NR).map((k) => [k, tables[process.arch][k]])));
  });

  describe('a pack of fixture modules', function() {
    let dir;
    let packFile;
    before(function() {
      dir = tmpdir(dirs);
      fs.mkdirSync(path.join(dir, 'lib'));
      fs.writeFileSync(path.join(dir, 'main.js'), [
        "'use strict';",
        "const b = require('./lib/b');",
        "const data = require('./data.json');",
        "module.exports = { b, data, self: __filename, dir: __dirname, which: (n) => require(require('path').join(__dirname, 'lib', n)) };",
      ].join('\n'));
      fs.writeFileSync(path.join(dir, 'lib', 'b.js'), [
        "'use strict';",
        'function thrower() { throw new Error(\'from b\'); }',
        "module.exports = { thrower, path: require('path').sep, strict: (function() { return this; })() === undefined };",
      ].join('\n'));
      fs.writeFileSync(path.join(dir, 'lib', 'c.js'), "module.exports = 'c';\n");
      fs.writeFileSync(path.join(dir, 'data.json'), '{ "x": [1, 2] }');
      packFile = path.join(dir, 'dist', 'test.pack');
      build.write(require('esbuild'), { entries: [path.join(dir, 'main.js')], file: packFile, train: false, check: true });
    });

    it('holds what the entry requires literally, and serves it as Node would', function() {
      const got = child(`
        const boot = require(${JSON.stringify(BOOT)});
        const { pack, why } = boot.open(${JSON.stringify(packFile)});
        if (!pack) throw new Error(why);
        const main = pack.require(${JSON.stringify(path.join(dir, 'main.js'))});
        const lines = [];
        try { main.b.thrower(); } catch (e) { lines.push(e.stack.split('\\n')[1].trim()); }
        const cached = require.cache[${JSON.stringify(path.join(dir, 'lib', 'b.js'))}];
        console.log(JSON.stringify({
          names: pack.names, self: main.self, dir: main.dir, data: main.data, sep: main.b.path,
          strict: main.b.strict, frame: lines[0], c: main.which('c'),
          oneInstance: cached !== undefined && cached.loaded && cached.exports === main.b &&
            require(${JSON.stringify(path.join(dir, 'lib', 'b.js'))}) === main.b,
        }));`);
      assert.deepStrictEqual(got.names, ['data.json', 'lib/b.js', 'main.js']);
      assert.strictEqual(got.self, path.join(dir, 'main.js'));
      assert.strictEqual(got.dir, dir);
      assert.deepStrictEqual(got.data, { x: [1, 2] });
      assert.strictEqual(got.sep, '/');
      assert.strictEqual(got.strict, true);
      // The source file's own name, line and column: the frame Node's loader gives.
      const node = child(`try { require(${JSON.stringify(path.join(dir, 'main.js'))}).b.thrower(); }
        catch (e) { console.log(JSON.stringify(e.stack.split('\\n')[1].trim())); }`);
      assert.strictEqual(got.frame, node);
      assert.strictEqual(got.frame, `at Object.thrower (${path.join(dir, 'lib', 'b.js')}:2:28)`);
      // A computed request that is not in the pack: Node's loader finds the file.
      assert.strictEqual(got.c, 'c');
      assert.strictEqual(got.oneInstance, true);
    });

    it('is unusable under --preserve-symlinks or when it is not its header\'s', function() {
      const code = `const { why } = require(${JSON.stringify(BOOT)}).open(${JSON.stringify(packFile)});
        console.log(JSON.stringify(why ?? null));`;
      assert.strictEqual(child(code), null);
      assert.strictEqual(child(code, { UNODE_PACK: '0' }), 'UNODE_PACK=0');
      assert.strictEqual(child(code, { NODE_OPTIONS: '--preserve-symlinks' }), 'node options');
      // A pack that is not the one its header describes is never mapped.
      const whole = fs.readFileSync(packFile);
      fs.writeFileSync(packFile, whole.subarray(0, 100));
      assert.strictEqual(child(code), 'the pack is not its header\'s');
      fs.writeFileSync(packFile, whole);
      assert.strictEqual(child(code), null);
    });

    it('serves a module whose source changed from the source file; stale() names it', function() {
      // Which modules ran from the pack (pack.scripts) and what they export.
      const code = `const boot = require(${JSON.stringify(BOOT)});
        const { pack } = boot.open(${JSON.stringify(packFile)});
        pack.scripts = new Map();
        let out;
        try {
          const main = pack.require(${JSON.stringify(path.join(dir, 'main.js'))});
          out = { b: Object.keys(main.b), c: main.b.c };
        } catch (e) {
          out = { error: e.code };
        }
        out.fromPack = [...pack.scripts.keys()].map((i) => pack.names[i]).sort();
        out.stale = boot.stale(${JSON.stringify(packFile)});
        console.log(JSON.stringify(out));`;
      const b = path.join(dir, 'lib', 'b.js');
      const original = fs.readFileSync(b, 'utf8');
      try {
        assert.deepStrictEqual(child(code), { b: ['thrower', 'path', 'strict'], fromPack: ['lib/b.js', 'main.js'], stale: null });
        // Edited, with a request the pack's copy did not make (lib/c.js is not in the pack).
        fs.writeFileSync(b, `${original}\nmodule.exports.c = require('./c');\n`);
        assert.deepStrictEqual(child(code),
          { b: ['thrower', 'path', 'strict', 'c'], c: 'c', fromPack: ['main.js'], stale: 'stale: lib/b.js' });
        // Gone: what Node says of a missing module.
        fs.rmSync(b);
        assert.deepStrictEqual(child(code), { error: 'MODULE_NOT_FOUND', fromPack: ['main.js'], stale: 'stale: lib/b.js' });
      } finally {
        fs.writeFileSync(b, original);
      }
      // Same text, another time: still not the file the pack was built from.
      assert.deepStrictEqual(child(code).stale, 'stale: lib/b.js');
    });
  });

  describe('unode\'s own pack', function() {
    before(function() {
      // As `npm test` does before the tests (pretest), in case sources changed since.
      build.build({ check: true, quiet: true });
    });

    it('is what `unode` starts from, with a code cache V8 accepts', function() {
      const r = run('unode', ['-e', `console.log(require(${JSON.stringify(BOOT)}).source())`]);
      assert.strictEqual(r.stdout, 'pack\n', r.stderr);
      const rejected = child(`
        const boot = require(${JSON.stringify(BOOT)});
        const { pack } = boot.open();
        pack.scripts = new Map();
        pack.require(${JSON.stringify(path.join(ROOT, 'libjs', 'errno.js'))});
        console.log(JSON.stringify([...pack.scripts.values()].map((s) => s.cachedDataRejected)));`);
      assert.deepStrictEqual(rejected, [false]);
    });

    it('shares modules with the program, and shows the source files in stacks', function() {
      const r = run('unode', ['-e', `
        const file = ${JSON.stringify(path.join(ROOT, 'libjs', 'sys.js'))};
        const m = require.cache[file];
        const fs = require('fs');
        fs.readdir('.', () => {
          const stack = new Error('x').stack;
          console.log(m !== undefined && m.loaded && require(file) === m.exports,
            /unode[/]internal[/]fs[/]\\S+[.]js:\\d+:\\d+/.test(stack), stack.includes('.pack'));
        });`]);
      assert.strictEqual(r.stdout, 'true true false\n', r.stderr);
    });

    it('under V8 flags the pack was not built with, writes and then reads a code cache of its own', function() {
      // A heap limit of this test's own: no earlier run made a cache for it.
      const flag = `--max-old-space-size=${3000 + (process.pid % 997)}`;
      const code = `require('fs').statSync('.');
        process.on('exit', () => console.log(JSON.stringify(require(${JSON.stringify(BOOT)}).codeCache())));`;
      const once = () => {
        const r = run('unode', [flag, '-e', code]);
        assert.strictEqual(r.status, 0, r.stderr);
        return JSON.parse(r.stdout);
      };
      // (No cache of an earlier run with the same flag: caches beside the pack go.)
      for (const f of fs.readdirSync(path.dirname(boot.PACK))) {
        if (/^unode\.[0-9a-f]{8}\.cache$/.test(f)) fs.rmSync(path.join(path.dirname(boot.PACK), f), { force: true });
      }
      const first = once();
      // V8 refused the pack's caches: the modules were compiled, and their
      // caches written at exit beside the pack.
      assert.deepStrictEqual(first, { from: 'none', file: null });
      const second = once();
      try {
        assert.strictEqual(second.from, 'side');
        assert.strictEqual(path.dirname(second.file), path.dirname(boot.PACK));
        assert.match(path.basename(second.file), /^unode\.[0-9a-f]{8}\.cache$/);
        // A damaged file is not read; the next exit writes it again.
        fs.writeFileSync(second.file, 'UNODECACHE 1 garbage\n');
        assert.deepStrictEqual(once(), { from: 'none', file: null });
        assert.strictEqual(once().from, 'side');
        // Without the flag, the pack's own caches.
        assert.strictEqual(JSON.parse(run('unode', ['-e', code]).stdout).from, 'pack');
      } finally {
        if (second.file) fs.rmSync(second.file, { force: true });
      }
    });

    it('UNODE_PACK=0 starts from the source files', function() {
      const code = `console.log(require(${JSON.stringify(BOOT)}).source(), require('fs').readFileSync.name)`;
      assert.strictEqual(run('unode', ['-e', code], { env: { UNODE_PACK: '0' } }).stdout, 'UNODE_PACK=0 readFileSync\n');
    });
  });
});
