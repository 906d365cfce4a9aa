// libjs/trace.js: the UNODE_TRACE line format, and the tracer in a child
// process (stderr or a file, never tracing itself, record() for other layers).
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const nr = require('../../libjs/sysnr');
const C = require('../../libjs/constants');
const { format } = require('../../libjs/trace');

const LIBJS = path.join(__dirname, '..', '..', 'libjs');

function child(code, env) {
  const e = { ...process.env, ...env };
  delete e.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['-e', code], { env: e, encoding: 'utf8', timeout: 15000 });
  if (r.error) throw r.error;
  return r;
}

describe('libjs/trace', function() {
  this.timeout(20000);
  let dir;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-test-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('format', function() {
    it('decodes paths, dirfds, open flags and results', function() {
      assert.strictEqual(format(nr.openat, [C.AT_FDCWD, '/etc/hosts', C.O_RDONLY | C.O_CLOEXEC, 0], 3),
        'openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 3');
      assert.strictEqual(format(nr.openat, [5, Buffer.from('a\0'), C.O_WRONLY | C.O_CREAT | C.O_TRUNC, 0o644], 6),
        'openat(5, "a", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 6');
      assert.strictEqual(format('openat', [C.AT_FDCWD, '/nope', C.O_RDONLY | C.O_CLOEXEC, 0], -2),
        'openat(AT_FDCWD, "/nope", O_RDONLY|O_CLOEXEC) = -1 ENOENT (no such file or directory)');
    });

    it('shows buffers by size, also when passed as an address', function() {
      assert.strictEqual(format(nr.read, [3, Buffer.alloc(4096), 4096], 1234), 'read(3, <buf 4096>, 4096) = 1234');
      assert.strictEqual(format(nr.write, [1, 0x7f0000001000, 12], 12), 'write(1, <buf 12>, 12) = 12');
    });

    it('names flags, modes, signals, and prints pointers in hex', function() {
      assert.strictEqual(format(nr.mkdirat, [C.AT_FDCWD, 'd', 0o755], -17),
        'mkdirat(AT_FDCWD, "d", 0755) = -1 EEXIST (file already exists)');
      assert.strictEqual(format(nr.kill, [42, 15], 0), 'kill(42, SIGTERM) = 0');
      assert.strictEqual(format(nr.unlinkat, [C.AT_FDCWD, 'd', C.AT_REMOVEDIR], 0), 'unlinkat(AT_FDCWD, "d", AT_REMOVEDIR) = 0');
      assert.strictEqual(format(nr.faccessat, [C.AT_FDCWD, 'f', C.R_OK | C.W_OK], -13),
        'faccessat(AT_FDCWD, "f", R_OK|W_OK) = -1 EACCES (permission denied)');
      assert.strictEqual(format(nr.mmap, [0, 4096, C.PROT_READ | C.PROT_WRITE, C.MAP_PRIVATE | C.MAP_ANONYMOUS, -1, 0], 0x7f1234560000n),
        'mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1234560000');
      assert.strictEqual(format(nr.socket, [C.AF_INET6, C.SOCK_STREAM | C.SOCK_NONBLOCK | C.SOCK_CLOEXEC, 0], 7),
        'socket(AF_INET6, SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC, 0) = 7');
      assert.strictEqual(format(nr.lseek, [3, 10, C.SEEK_END], 20), 'lseek(3, 10, SEEK_END) = 20');
    });

    it('summarises a struct stat the kernel filled', function() {
      const st = Buffer.alloc(require('../../libjs/abi').stat);
      const r = require('../../libjs/sys').syscall(nr.newfstatat, C.AT_FDCWD, '/', st, 0);
      assert.strictEqual(r, 0);
      assert.match(format(nr.newfstatat, [C.AT_FDCWD, '/', st, 0], 0),
        /^newfstatat\(AT_FDCWD, "\/", \{st_mode=S_IFDIR\|0\d+, st_size=\d+, \.\.\.\}, 0\) = 0$/);
      assert.strictEqual(format(nr.newfstatat, [C.AT_FDCWD, '/x', st, 0], -2).includes('<buf'), false);
    });

    it('prints unknown calls with their raw arguments', function() {
      assert.strictEqual(format(100000, [1, 2n], -38), 'syscall_100000(0x1, 0x2) = -1 ENOSYS (function not implemented)');
    });
  });

  describe('UNODE_TRACE in a process', function() {
    const program = `
      const sys = require(${JSON.stringify(path.join(LIBJS, 'sys'))});
      const nr = require(${JSON.stringify(path.join(LIBJS, 'sysnr'))});
      sys.syscall(nr.getpid);
      sys.syscall(nr.openat, -100, '/no/such/file', 0x80000, 0);
      sys.syscall(nr.write, 1, Buffer.from('out\\n'), 4);`;

    it('=1 writes one line per call on stderr, and none for its own writes', function() {
      const r = child(program, { UNODE_TRACE: '1' });
      assert.strictEqual(r.stdout, 'out\n');
      assert.deepStrictEqual(r.stderr.trim().split('\n'), [
        `getpid() = ${r.pid}`,
        'openat(AT_FDCWD, "/no/such/file", O_RDONLY|O_CLOEXEC) = -1 ENOENT (no such file or directory)',
        'write(1, <buf 4>, 4) = 4',
      ]);
    });

    it('=<path> appends to the file, leaving stderr alone', function() {
      const file = path.join(dir, 'trace.log');
      fs.writeFileSync(file, 'earlier\n');
      const r = child(program, { UNODE_TRACE: file });
      assert.strictEqual(r.stderr, '');
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
      assert.strictEqual(lines[0], 'earlier');
      assert.strictEqual(lines.length, 4);
      assert.match(lines[3], /^write\(1, <buf 4>, 4\) = 4$/);
    });

    it('is off for 0, empty or unset', function() {
      for (const v of ['0', '', undefined]) {
        const env = { UNODE_TRACE: v };
        if (v === undefined) delete env.UNODE_TRACE;
        const r = child(program, env);
        assert.strictEqual(r.stderr, '', String(v));
      }
    });

    it('says so when the file cannot be opened', function() {
      const r = child(program, { UNODE_TRACE: path.join(dir, 'no', 'dir', 'x.log') });
      assert.notStrictEqual(r.status, 0);
      assert.match(r.stderr, /UNODE_TRACE: cannot open .*x\.log: ENOENT/);
    });

    it('record() prints calls made elsewhere, with a tag', function() {
      const r = child(`
        const trace = require(${JSON.stringify(path.join(LIBJS, 'trace'))});
        require(${JSON.stringify(path.join(LIBJS, 'sys'))});
        trace.record('read', [7, Buffer.alloc(16), 16], 16, { tag: 'eloop' });
        trace.record(${nr.fsync}, [7], -5);
        console.log(trace.enabled);`, { UNODE_TRACE: '1' });
      assert.strictEqual(r.stdout, 'true\n');
      assert.deepStrictEqual(r.stderr.trim().split('\n'), [
        '[eloop] read(7, <buf 16>, 16) = 16',
        'fsync(7) = -1 EIO (i/o error)',
      ]);
    });

    it('shows a call that threw before reaching the kernel, and a signal sent to itself', function() {
      const r = child(`
        const sys = require(${JSON.stringify(path.join(LIBJS, 'sys'))});
        const nr = require(${JSON.stringify(path.join(LIBJS, 'sysnr'))});
        try { sys.syscall(nr.close, {}); } catch (e) {}
        sys.syscall(nr.kill, process.pid, 9);`, { UNODE_TRACE: '1' });
      assert.strictEqual(r.signal, 'SIGKILL');
      const lines = r.stderr.trim().split('\n');
      assert.match(lines[0], /^close\(<Object>\) = \? \(TypeError: syscall: argument 1 must be /);
      assert.strictEqual(lines[1], `kill(${r.pid}, SIGKILL) <unfinished ...>`);
    });
  });
});
