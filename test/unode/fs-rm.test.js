// test/unode: unode/internal/fs/rm.js against Node's fs: rmSync and
// rmdirSync({ recursive }) with force, maxRetries, retryDelay; errors.
'use strict';

const path = require('path');
const { same, sameError, nodeFs, cleanup, junk } = require('./fs-parity');

function tree(fs, b) {
  fs.mkdirSync(path.join(b, 'd', 'e', 'f'), { recursive: true });
  fs.writeFileSync(path.join(b, 'd', 'x'), 'x');
  fs.writeFileSync(path.join(b, 'd', 'e', 'y'), 'y');
  fs.writeFileSync(path.join(b, 'file'), 'z');
  fs.mkdirSync(path.join(b, 'empty'));
  fs.symlinkSync('d', path.join(b, 'dirlink'));
  fs.symlinkSync('nowhere', path.join(b, 'dangling'));
  fs.writeFileSync(Buffer.from(`${b}/d/\xe9\xff`, 'latin1'), 'raw');
}

const listing = (fs, b) => nodeFs.readdirSync(b, { recursive: true }).sort();

describe('fs rmSync against Node', () => {
  after(cleanup);

  const targets = ['d', 'file', 'empty', 'dirlink', 'dangling', 'nope', 'file/x', 'd/e', 'd/', 'dirlink/'];
  const options = [undefined, {}, { recursive: true }, { force: true }, { recursive: true, force: true },
    { maxRetries: 2, retryDelay: 1 }, { maxRetries: -1 }, { retryDelay: -1 }, { maxRetries: 1.5 },
    { force: 'yes' }, { recursive: 1 }, 5, null, 'x'];
  for (const t of targets) {
    for (const o of options) {
      it(`rmSync ${t} ${JSON.stringify(o)}`, () => {
        same((fs, b) => fs.rmSync(path.join(b, t), o), { setup: tree, after: listing });
      });
      it(`rmdirSync ${t} ${JSON.stringify(o)}`, () => {
        same((fs, b) => fs.rmdirSync(path.join(b, t), o), { setup: tree, after: listing });
      });
    }
  }

  it('Buffer and URL paths, relative paths', () => {
    same((fs, b) => fs.rmSync(Buffer.from(path.join(b, 'd')), { recursive: true }), { setup: tree, after: listing });
    same((fs, b) => fs.rmSync(new URL(`file://${b}/d`), { recursive: true }), { setup: tree, after: listing });
    same((fs) => fs.rmSync('d', { recursive: true }), { setup: tree, after: listing });
    sameError((fs) => fs.rmSync('d'), { setup: tree });
  });

  it('a deep tree', () => {
    const deep = (fs, b) => {
      let p = b;
      for (let i = 0; i < 60; i++) {
        p = path.join(p, `level${i}`);
        fs.mkdirSync(p);
        fs.writeFileSync(path.join(p, 'f'), String(i));
      }
    };
    same((fs, b) => fs.rmSync(path.join(b, 'level0'), { recursive: true }), { setup: deep, after: listing });
  });

  it('path values of every kind', () => {
    for (const p of junk) {
      same((fs) => fs.rmSync(p));
      same((fs) => fs.rmSync(p, { recursive: true, force: true }));
    }
  });
});
