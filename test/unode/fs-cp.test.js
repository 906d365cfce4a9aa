// test/unode: fs.cp and fs.promises.cp (unode/internal/fs/cp.js) against
// Node's on the same trees: what gets copied (contents, modes, links, times),
// the ERR_FS_CP_* and system errors (code, errno, syscall, path, message),
// filters (sync and async), the options and their checks.
'use strict';

const assert = require('assert');
const path = require('path');
const net = require('net');
const { execFileSync } = require('child_process');
const { describe: describeValue, sameLog, fdCount, nodeFs, ufs, box } = require('./fs-events-parity');
const { cleanup } = require('./fs-parity');

// Everything under a directory: type, mode, content or link target, sorted.
function listing(fs, dir) {
  if (!fs.existsSync(dir) && !isLink(fs, dir)) return 'none';
  const out = [];
  const walk = (p, rel) => {
    const s = fs.lstatSync(p);
    const mode = (s.mode & 0o7777).toString(8);
    if (s.isSymbolicLink()) out.push([rel, 'link', fs.readlinkSync(p)]);
    else if (s.isDirectory()) {
      out.push([rel, 'dir', mode]);
      for (const n of fs.readdirSync(p).sort()) walk(path.join(p, n), path.join(rel, n));
    } else {
      // Times: only the one the setup gave src/a.txt is the same in two runs.
      out.push([rel, 'file', mode, fs.readFileSync(p, 'latin1'), s.mtimeMs === 2000000000 ? 'mtime of src/a.txt' : 'other mtime']);
    }
  };
  walk(dir, '.');
  return out;
}

function isLink(fs, p) {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function tree(fs, box) {
  const at = (p) => path.join(box, p);
  fs.mkdirSync(at('src/sub/deep'), { recursive: true });
  fs.writeFileSync(at('src/a.txt'), 'A');
  fs.writeFileSync(at('src/ro.txt'), 'read only');
  fs.chmodSync(at('src/ro.txt'), 0o444);
  fs.writeFileSync(at('src/sub/b.txt'), 'B');
  fs.writeFileSync(at('src/sub/deep/c.txt'), 'C');
  fs.chmodSync(at('src/sub'), 0o750);
  fs.symlinkSync('a.txt', at('src/rel-link'));
  fs.symlinkSync(at('src/sub'), at('src/abs-dir-link'));
  fs.utimesSync(at('src/a.txt'), 1000000, 2000000);
  fs.writeFileSync(at('other.txt'), 'O');
  fs.mkdirSync(at('existing'));
  fs.writeFileSync(at('existing/a.txt'), 'old');
}

// cp through the callback form and the promise form, one after the other in
// the same sandbox; what each gave and what the destination holds.
function both(args, dest) {
  return (fs, log, done, box) => {
    const argsFor = (suffix) => args.map((a, i) => (i === 1 && typeof a === 'string' ? a + suffix : a));
    try {
      fs.cp(...argsFor(''), (err) => {
        log.push(['callback', describeValue(err), listing(nodeFs, path.join(box, dest))]);
        fs.promises.cp(...argsFor('-p')).then(
          (v) => log.push(['promise', describeValue(v), listing(nodeFs, path.join(box, dest + '-p'))]),
          (e) => log.push(['promise rejected', describeValue(e), listing(nodeFs, path.join(box, dest + '-p'))]),
        ).then(done);
      });
    } catch (e) {
      log.push(['thrown', describeValue(e)]);
      fs.promises.cp(...argsFor('-p')).then(
        (v) => log.push(['promise', describeValue(v)]),
        (e2) => log.push(['promise rejected', describeValue(e2)]),
      ).then(done);
    }
  };
}

describe('fs.cp against Node', function() {
  this.timeout(30000);
  let fdsBefore;
  before((done) => { ufs.stat('.', () => { fdsBefore = fdCount(); done(); }); });
  after(() => {
    cleanup();
    assert.strictEqual(fdCount(), fdsBefore, 'fds were not given back');
  });

  const cases = [
    ['a file', ['src/a.txt', 'out.txt'], 'out.txt'],
    ['a file into a new directory chain', ['src/a.txt', 'new/deeper/out.txt'], 'new'],
    ['a directory without recursive: ERR_FS_EISDIR', ['src', 'out'], 'out'],
    ['a tree, recursive', ['src', 'out', { recursive: true }], 'out'],
    ['recursive, dereference', ['src', 'out', { recursive: true, dereference: true }], 'out'],
    ['recursive, verbatimSymlinks', ['src', 'out', { recursive: true, verbatimSymlinks: true }], 'out'],
    ['recursive, preserveTimestamps', ['src', 'out', { recursive: true, preserveTimestamps: true }], 'out'],
    ['onto an existing directory (force)', ['src', 'existing', { recursive: true }], 'existing'],
    ['onto an existing file, force: false', ['src/a.txt', 'other.txt', { force: false }], 'other.txt'],
    ['errorOnExist', ['src/a.txt', 'other.txt', { force: false, errorOnExist: true }], 'other.txt'],
    ['mode COPYFILE_EXCL onto an existing file', ['src/a.txt', 'other.txt', { mode: 1 }], 'other.txt'],
    ['onto itself: ERR_FS_CP_EINVAL', ['src', 'src', { recursive: true }], 'src'],
    ['into a subdirectory of itself', ['src', 'src/sub/x', { recursive: true }], 'src'],
    ['a directory onto a file', ['src', 'other.txt', { recursive: true }], 'other.txt'],
    ['a file onto a directory', ['src/a.txt', 'existing'], 'existing'],
    ['a missing source', ['missing', 'out'], 'out'],
    ['a symlink to a file', ['src/rel-link', 'out-link'], 'out-link'],
    ['a symlink onto a link into itself', ['src/abs-dir-link', 'src/sub/deep/link', {}], 'src'],
    ['a filter (sync)', ['src', 'out', { recursive: true, filter: (s) => !s.endsWith('b.txt') }], 'out'],
    ['a filter (async)', ['src', 'out', { recursive: true, filter: async (s, d) => !d.includes('deep') }], 'out'],
    ['a filter that rejects everything', ['src', 'out', { recursive: true, filter: () => false }], 'out'],
    ['a filter that throws', ['src', 'out', { recursive: true, filter: () => { throw new Error('filter'); } }], 'out'],
    ['URL and Buffer paths', [new URL('file:///nonexistent-unode-src'), Buffer.from('out')], 'out'],
  ];
  for (const [name, args, dest] of cases) {
    it(name, () => sameLog(both(args, dest), { setup: tree }));
  }

  it('a FIFO and a socket: ERR_FS_CP_FIFO_PIPE, ERR_FS_CP_SOCKET', async () => {
    await sameLog(both(['special/fifo', 'out'], 'out'), {
      setup: (fs, box) => {
        fs.mkdirSync(path.join(box, 'special'));
        execFileSync('mkfifo', [path.join(box, 'special/fifo')]);
      },
    });
    const server = net.createServer();
    try {
      await sameLog(both(['special', 'out', { recursive: true }], 'out'), {
        setup: (fs, box) => {
          fs.mkdirSync(path.join(box, 'special'));
          // A socket file: bound, then the server closed (the file stays).
          execFileSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path.join(box, 'special/sock'))}, function() { this.close(); })`]);
        },
      });
    } finally {
      server.close();
    }
  });

  it('a dangling symlink and a link onto a directory of its own target', async () => {
    await sameLog(both(['d', 'out', { recursive: true }], 'out'), {
      setup: (fs, box) => {
        fs.mkdirSync(path.join(box, 'd'));
        fs.symlinkSync('nowhere', path.join(box, 'd/dangling'));
      },
    });
    await sameLog(both(['a/link', 'b/link', {}], 'b'), {
      setup: (fs, box) => {
        fs.mkdirSync(path.join(box, 'a/t/inner'), { recursive: true });
        fs.mkdirSync(path.join(box, 'b'));
        fs.symlinkSync(path.join(box, 'a/t/inner'), path.join(box, 'a/link'));
        fs.symlinkSync(path.join(box, 'a/t'), path.join(box, 'b/link'));
      },
    });
  });

  it('argument checks', async () => {
    const bad = [
      [5, 'out'], ['src', 5], ['src', 'out', 5], ['src', 'out', { recursive: 'yes' }],
      ['src', 'out', { force: 1 }], ['src', 'out', { errorOnExist: 1 }], ['src', 'out', { dereference: 1 }],
      ['src', 'out', { preserveTimestamps: 1 }], ['src', 'out', { verbatimSymlinks: 1 }],
      ['src', 'out', { filter: 5 }], ['src', 'out', { mode: 9 }], ['src', 'out', { mode: 'x' }],
      ['src', 'out', { dereference: true, verbatimSymlinks: true }], ['a\0', 'out'],
    ];
    for (const args of bad) await sameLog(both(args, 'out'), { setup: tree });
    await sameLog((fs, log, done) => {
      for (const extra of [[], [{}], [{}, 5], ['x']]) {
        try {
          fs.cp('src', 'out', ...extra);
          log.push(['no throw']);
        } catch (e) {
          log.push(['thrown', describeValue(e)]);
        }
      }
      done();
    }, { setup: tree });
  });

  it('the functions as Node has them', () => {
    const shape = (fs) => [fs.cp.length, fs.cp.name, fs.promises.cp.length, fs.promises.cp.name,
      Object.getPrototypeOf(fs.promises.cp).constructor.name];
    assert.deepStrictEqual(shape(ufs), shape(nodeFs));
  });
});
