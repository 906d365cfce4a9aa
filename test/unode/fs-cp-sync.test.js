// test/unode: unode/internal/fs/cp-sync.js against Node's fs.cpSync: every
// option, the SystemErrors, symlinks, and the copied tree (kinds, modes,
// contents, link targets, timestamps when asked).
'use strict';

const path = require('path');
const { same, sameError, nodeFs, cleanup, junk } = require('./fs-parity');

function tree(fs, b) {
  fs.mkdirSync(path.join(b, 'src', 'sub', 'deeper'), { recursive: true });
  fs.writeFileSync(path.join(b, 'src', 'a.txt'), 'a');
  fs.writeFileSync(path.join(b, 'src', 'sub', 'b.js'), 'b');
  fs.writeFileSync(path.join(b, 'src', 'sub', 'deeper', 'c'), 'c');
  fs.writeFileSync(path.join(b, 'src', 'ro'), 'read only');
  fs.chmodSync(path.join(b, 'src', 'ro'), 0o444);
  fs.chmodSync(path.join(b, 'src', 'sub'), 0o750);
  fs.symlinkSync('a.txt', path.join(b, 'src', 'rel-link'));
  fs.symlinkSync(path.join(b, 'src', 'sub'), path.join(b, 'src', 'abs-link'));
  fs.writeFileSync(path.join(b, 'file'), 'f');
  fs.mkdirSync(path.join(b, 'existing'));
  fs.writeFileSync(path.join(b, 'existing', 'a.txt'), 'old');
  // Every file's times set apart, so that 'same times' below means copied:
  // files written within one clock tick (~4 ms) would otherwise share them.
  const files = ['src/a.txt', 'src/sub/b.js', 'src/sub/deeper/c', 'src/ro', 'file', 'existing/a.txt'];
  files.forEach((f, i) => fs.utimesSync(path.join(b, f), 1000 + 10 * i, 2000 + 10 * i));
  fs.symlinkSync('src', path.join(b, 'srclink'));
}

// The copied tree: kind, mode, content or link target, mtime of files.
function copied(dir, withTimes, from = 'src') {
  return (fs, b) => {
    const root = path.join(b, dir);
    if (!nodeFs.existsSync(root)) return null;
    const out = [];
    const walk = (p, rel) => {
      const s = nodeFs.lstatSync(p);
      if (s.isSymbolicLink()) {
        out.push(`${rel} -> ${nodeFs.readlinkSync(p).split(b).join('<box>')}`);
      } else if (s.isDirectory()) {
        out.push(`${rel}/ ${(s.mode & 0o7777).toString(8)}`);
        for (const n of nodeFs.readdirSync(p)) walk(path.join(p, n), `${rel}/${n}`);
      } else {
        let times = '';
        if (withTimes) {
          // The source's own times differ from run to run: compare with them.
          const twin = path.join(b, from, rel);
          const t = nodeFs.existsSync(twin) ? nodeFs.statSync(twin) : null;
          times = t && t.isFile() && t.mtimeMs === s.mtimeMs && t.atimeMs === s.atimeMs ? ' same times' : ' own times';
        }
        out.push(`${rel} ${(s.mode & 0o7777).toString(8)} ${nodeFs.readFileSync(p, 'latin1')}${times}`);
      }
    };
    walk(root, '');
    return out;
  };
}

describe('fs cpSync against Node', () => {
  after(cleanup);

  const options = [undefined, { recursive: true }, { recursive: true, force: false },
    { recursive: true, force: false, errorOnExist: true }, { recursive: true, dereference: true },
    { recursive: true, verbatimSymlinks: true }, { recursive: true, preserveTimestamps: true },
    { recursive: true, mode: 1 }, { recursive: true, filter: (s) => !s.endsWith('.js') },
    { recursive: true, filter: () => false }, { recursive: true, filter: () => Promise.resolve(true) },
    { recursive: true, filter: (s, d) => { if (d.includes('deeper')) throw new Error('filtered out'); return true; } },
    { dereference: true, verbatimSymlinks: true }, { recursive: 'yes' }, { force: 1 }, { mode: 9 }, { mode: 'x' },
    { filter: 5 }, { errorOnExist: null }, { preserveTimestamps: 1 }, 5, null, 'x'];
  const pairs = [['src', 'dst'], ['src', 'existing'], ['src', 'file'], ['file', 'dst'], ['file', 'existing'],
    ['file', 'existing/a.txt'], ['src/rel-link', 'dst'], ['src/abs-link', 'dst'], ['srclink', 'dst'],
    ['src', 'src/sub/inside'], ['src', 'src'], ['nope', 'dst'], ['src/a.txt', 'new/dir/a.txt'], ['src', 'srclink/x']];
  for (const [from, to] of pairs) {
    for (const o of options) {
      const label = typeof o === 'object' && o !== null ? JSON.stringify(o, (k, v) => (typeof v === 'function' ? String(v) : v)) : String(o);
      it(`${from} -> ${to} ${label}`, () => {
        same((fs, b) => fs.cpSync(path.join(b, from), path.join(b, to), o), {
          setup: tree,
          after: copied(to, Boolean(o && o.preserveTimestamps), from),
        });
      });
    }
  }

  it('symlinks onto symlinks', () => {
    const setup = (fs, b) => {
      tree(fs, b);
      fs.mkdirSync(path.join(b, 'dst'));
      fs.symlinkSync('elsewhere', path.join(b, 'dst', 'rel-link'));
      fs.symlinkSync(path.join(b, 'src'), path.join(b, 'dst', 'abs-link'));
    };
    same((fs, b) => fs.cpSync(path.join(b, 'src'), path.join(b, 'dst'), { recursive: true }), { setup, after: copied('dst') });
    same((fs, b) => fs.cpSync(path.join(b, 'src'), path.join(b, 'dst'), { recursive: true, verbatimSymlinks: true }),
      { setup, after: copied('dst') });
  });

  it('fifos', () => {
    const setup = (fs, b) => {
      tree(fs, b);
      require('child_process').execFileSync('mkfifo', [path.join(b, 'src', 'fifo')]);
    };
    sameError((fs, b) => fs.cpSync(path.join(b, 'src'), path.join(b, 'dst'), { recursive: true }), { setup });
    sameError((fs, b) => fs.cpSync(path.join(b, 'src', 'fifo'), path.join(b, 'dst')), { setup });
  });

  it('path values of every kind', () => {
    for (const p of junk) {
      same((fs, b) => fs.cpSync(p, path.join(b, 'x')));
      same((fs, b) => fs.cpSync(path.join(b, 'nope'), p));
    }
  });
});
