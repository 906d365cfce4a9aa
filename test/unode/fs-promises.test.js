// test/unode: unode/lib/fs_promises.js (unode/internal/fs/promises.js)
// against Node's fs/promises: the module object, every path-based function's
// results and rejections (class, code, errno, syscall, path, dest, message,
// property layout), validation as rejections, AbortSignal.
'use strict';

const assert = require('assert');
const path = require('path');
const { samePromise, nodeFsp, ufsp } = require('./fs-async-parity');
const { nodeFs, ufs, box, cleanup, junk } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function tree(fs, b) {
  fs.writeFileSync(path.join(b, 'f'), 'héllo');
  fs.writeFileSync(path.join(b, 'big'), Buffer.alloc(1536 * 1024 + 9, 'klmnop'));
  fs.mkdirSync(path.join(b, 'd/e/g'), { recursive: true });
  fs.writeFileSync(path.join(b, 'd/x'), 'x');
  fs.symlinkSync('f', path.join(b, 'ln'));
  fs.symlinkSync('d', path.join(b, 'dln'));
  fs.symlinkSync('missing', path.join(b, 'dangling'));
}

function listing(fs, b) {
  const out = [];
  const walk = (dir, rel) => {
    for (const d of nodeFs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      out.push(`${r}${d.isDirectory() ? '/' : d.isSymbolicLink() ? '@' : ''}`);
      if (d.isDirectory()) walk(path.join(dir, d.name), r);
    }
  };
  walk(b, '');
  return out.sort();
}

const content = (name) => (fs, b) => {
  const p = path.join(b, name);
  return nodeFs.existsSync(p) ? [nodeFs.readFileSync(p, 'latin1'), (nodeFs.statSync(p).mode & 0o777).toString(8)] : 'none';
};

describe('fs/promises against Node', () => {
  after(cleanup);

  it('the module object: same keys in the same order (those unode serves), same kinds', () => {
    const served = Object.keys(nodeFsp);
    assert.deepStrictEqual(Object.keys(ufsp), served);
    for (const k of served) assert.strictEqual(typeof ufsp[k], typeof nodeFsp[k], k);
    assert.strictEqual(ufsp.constants, ufs.constants);
    assert.strictEqual(ufs.promises, ufsp);
    assert.strictEqual(require('../../unode/lib/fs_promises.js'), ufsp);
    for (const k of served) {
      if (typeof nodeFsp[k] === 'function' && k !== 'opendir') {
        assert.strictEqual(ufsp[k].name, nodeFsp[k].name, `${k}.name`);
        assert.strictEqual(ufsp[k].length, nodeFsp[k].length, `${k}.length`);
        assert.strictEqual(ufsp[k].constructor.name, nodeFsp[k].constructor.name, `${k} is async`);
      }
    }
  });

  describe('reading and writing whole files', () => {
    it('readFile: encodings, flags, large and empty files, /proc, errors', async () => {
      for (const o of [undefined, 'utf8', 'latin1', 'base64', { encoding: 'utf16le' }, { flag: 'a+' }, { flag: 'wx' },
        { flag: 'bogus' }, 'bogus', 5, null]) {
        for (const p of ['f', 'big', 'd', 'nope', Buffer.from('f'), new URL(`file://${path.join(box, 'f')}`)]) {
          await samePromise((fsp) => (o === undefined ? fsp.readFile(p) : fsp.readFile(p, o)), { setup: tree });
        }
      }
      await samePromise((fsp) => fsp.readFile('/proc/self/status', 'utf8').then((s) => s.split('\n')[0].split(':')[0]));
      await samePromise((fsp) => fsp.readFile('/proc/self/status').then((s) => s.length > 100));
      for (const p of noSymbols.filter((v) => typeof v !== 'number')) await samePromise((fsp) => fsp.readFile(p));
      await samePromise((fsp) => fsp.readFile(3));
    });
    it('writeFile: strings, buffers, typed arrays, DataView, iterables, options', async () => {
      const ab = new ArrayBuffer(6);
      new Uint8Array(ab).set([48, 49, 50, 51, 52, 53]);
      async function* agen() { yield 'a'; yield Buffer.from('b'); yield new Uint8Array([99]); }
      for (const data of ['text é', '', Buffer.from('buf'), new Uint16Array([0x4142]), new DataView(ab, 1, 3),
        ['x', 'y'], new Set(['s', 't']), agen, Buffer.alloc(1200 * 1024, 'w'), 5, null, {}, [1]]) {
        // A generator is made afresh for each run (it can be consumed once).
        await samePromise((fsp) => fsp.writeFile('w', data === agen ? agen() : data), { after: content('w') });
      }
      for (const o of ['hex', { mode: 0o600 }, { flag: 'a' }, { flag: 'wx' }, { flush: true }, { flush: 1 },
        { encoding: 'bogus' }, { signal: 5 }]) {
        await samePromise((fsp) => fsp.writeFile('f', '6869', o), { setup: tree, after: content('f') });
      }
      await samePromise((fsp) => fsp.writeFile('d', 'x'), { setup: tree });
      await samePromise((fsp) => fsp.writeFile('nope/x', 'x'));
    });
    it('appendFile', async () => {
      for (const o of [undefined, { flag: 'w' }, { flag: '' }, 'latin1', { mode: 0o640 }]) {
        await samePromise((fsp) => fsp.appendFile('f', '+é', o), { setup: tree, after: content('f') });
        await samePromise((fsp) => fsp.appendFile('n', '+', o), { after: content('n') });
      }
    });
    it('AbortSignal', async () => {
      for (const when of ['before', 'during']) {
        await samePromise((fsp) => {
          const ac = new AbortController();
          if (when === 'before') ac.abort(new Error('reason'));
          const p = fsp.readFile('big', { signal: ac.signal });
          if (when === 'during') process.nextTick(() => ac.abort());
          return p.catch((e) => Promise.reject(Object.assign(e, { causeText: String(e.cause) })));
        }, { setup: tree });
        await samePromise((fsp) => {
          const ac = new AbortController();
          if (when === 'before') ac.abort();
          const p = fsp.writeFile('w', Buffer.alloc(2 * 1024 * 1024), { signal: ac.signal });
          if (when === 'during') process.nextTick(() => ac.abort());
          return p;
        });
      }
      await samePromise((fsp) => fsp.readFile('f', { signal: {} }), { setup: tree });
    });
  });

  describe('names and metadata', () => {
    it('access, copyFile, rename, link, unlink, symlink, readlink', async () => {
      for (const m of [undefined, 0, 4, 7, 8, 'x']) {
        for (const p of ['f', 'nope']) await samePromise((fsp) => fsp.access(p, m), { setup: tree });
      }
      for (const [a, b, m] of [['f', 'c', undefined], ['f', 'd/x', 1], ['nope', 'c', 0], ['f', 'd', 0], ['f', 'c', 9],
        ['big', 'c', 0], ['f', 'f', 0]]) {
        await samePromise((fsp) => fsp.copyFile(a, b, m), { setup: tree, after: listing });
      }
      for (const [a, b] of [['f', 'g'], ['nope', 'g'], ['d', 'f'], [1, 'g']]) {
        await samePromise((fsp) => fsp.rename(a, b), { setup: tree, after: listing });
        await samePromise((fsp) => fsp.link(a, b), { setup: tree, after: listing });
      }
      for (const p of ['f', 'd', 'nope', 'ln']) await samePromise((fsp) => fsp.unlink(p), { setup: tree, after: listing });
      for (const [t, p, type] of [['f', 's', undefined], ['f', 's', 'dir'], ['f', 's', 'bad'], ['f', 'f', undefined]]) {
        await samePromise((fsp) => fsp.symlink(t, p, type), { setup: tree, after: listing });
      }
      for (const o of [undefined, 'buffer', { encoding: 'hex' }]) {
        for (const p of ['ln', 'f', 'nope']) await samePromise((fsp) => fsp.readlink(p, o), { setup: tree });
      }
    });
    it('stat, lstat, statfs', async () => {
      for (const o of [undefined, { bigint: true }, {}]) {
        for (const p of ['f', 'd', 'ln', 'dangling', 'nope', 'f/x']) {
          await samePromise((fsp) => fsp.stat(p, o), { setup: tree });
          await samePromise((fsp) => fsp.lstat(p, o), { setup: tree });
        }
      }
      await samePromise((fsp) => fsp.stat('f', null), { setup: tree });
      await samePromise((fsp) => fsp.statfs('.').then((s) => [s.constructor.name, s.type, s.bsize]));
      await samePromise((fsp) => fsp.statfs('.', { bigint: true }).then((s) => [s.type, s.bsize]));
      await samePromise((fsp) => fsp.statfs('nope'));
      for (const p of noSymbols) await samePromise((fsp) => fsp.stat(p));
    });
    it('chmod, lchmod, chown, lchown, utimes, lutimes', async () => {
      const mode = (fs, b) => (nodeFs.statSync(path.join(b, 'f')).mode & 0o7777).toString(8);
      for (const m of [0o600, '755', 'bad', -1]) await samePromise((fsp) => fsp.chmod('f', m), { setup: tree, after: mode });
      await samePromise((fsp) => fsp.chmod('nope', 0o600));
      await samePromise((fsp) => fsp.lchmod('f', 0o600), { setup: tree });
      for (const [u, g] of [[0, 0], [-1, 3], [-2, 0], ['0', 0]]) {
        await samePromise((fsp) => fsp.chown('f', u, g), { setup: tree });
        await samePromise((fsp) => fsp.lchown('ln', u, g), { setup: tree });
      }
      const times = (name) => (fs, b) => {
        const s = nodeFs.lstatSync(path.join(b, name), { bigint: true });
        return [s.atimeNs, s.mtimeNs].map(String);
      };
      for (const [a, m] of [[1, 2], ['5', new Date(7000)], [1.25, 3.5]]) {
        await samePromise((fsp) => fsp.utimes('f', a, m), { setup: tree, after: times('f') });
        await samePromise((fsp) => fsp.lutimes('ln', a, m), { setup: tree, after: times('ln') });
      }
      await samePromise((fsp) => fsp.utimes('f', 'x', 1), { setup: tree });
      await samePromise((fsp) => fsp.utimes('nope', 1, 1));
    });
    it('realpath (native) and mkdtemp', async () => {
      for (const p of ['.', 'ln', 'dln/e', 'dangling', 'nope', '']) {
        for (const o of [undefined, 'buffer', { encoding: 'base64' }]) {
          await samePromise((fsp) => fsp.realpath(p, o), { setup: tree });
        }
      }
      await samePromise((fsp) => fsp.mkdtemp('t-').then((p) => [p.slice(0, -6), nodeFs.statSync(p).isDirectory()]));
      await samePromise((fsp) => fsp.mkdtemp('t-', 'buffer').then((p) => Buffer.isBuffer(p)));
      await samePromise((fsp) => fsp.mkdtemp('nope/t-').catch((e) => Promise.reject(
        new Error(`${e.code} ${e.syscall} ${e.message.replace(/[A-Za-z0-9]{6}'$/, "??????'")}`))));
      await samePromise((fsp) => fsp.mkdtemp(5));
    });
  });

  describe('directories', () => {
    it('mkdir', async () => {
      for (const [p, o] of [['n', undefined], ['n', 0o700], ['n', '711'], ['a/b/c', { recursive: true }],
        ['d', { recursive: true }], ['f/x', { recursive: true }], ['d', undefined], ['nope/x', undefined],
        ['n', { recursive: 1 }], ['n', { mode: 'x' }], [Buffer.from('bé/c'), { recursive: true }]]) {
        await samePromise((fsp) => fsp.mkdir(p, o), { setup: tree, after: listing });
      }
    });
    it('readdir: names, encodings, types, recursive (Node\'s depth-first order)', async () => {
      const show = (l) => l.map((d) => (typeof d === 'object' && !Buffer.isBuffer(d) ?
        [d.constructor.name, d.name, d.parentPath, d.isDirectory(), d.isSymbolicLink()] : d));
      for (const o of [undefined, 'buffer', { withFileTypes: true }, { recursive: true },
        { recursive: true, withFileTypes: true }, { recursive: true, encoding: 'buffer' }, { recursive: 'yes' }]) {
        for (const p of ['.', 'd', 'dln', 'f', 'nope']) {
          await samePromise((fsp) => fsp.readdir(p, o).then(show), { setup: tree });
        }
      }
    });
    it('rm, rmdir', async () => {
      for (const [p, o] of [['f', undefined], ['d', undefined], ['d', { recursive: true }], ['nope', undefined],
        ['nope', { force: true }], ['dln', { recursive: true }], ['d', { maxRetries: 'x' }]]) {
        await samePromise((fsp) => fsp.rm(p, o), { setup: tree, after: listing });
      }
      for (const [p, o] of [['d/e/g', undefined], ['d', undefined], ['f', undefined], ['nope', undefined],
        ['d', { recursive: true }], ['f', { recursive: true }], ['nope', { recursive: true }]]) {
        await samePromise((fsp) => fsp.rmdir(p, o), { setup: tree, after: listing });
      }
    });
    it('truncate', async () => {
      for (const len of [undefined, 2, 0, 100, -1, 'x']) {
        await samePromise((fsp) => fsp.truncate('f', len), { setup: tree, after: content('f') });
      }
      await samePromise((fsp) => fsp.truncate('nope'));
      await samePromise((fsp) => fsp.truncate('d'), { setup: tree });
    });
  });

  it('rejections carry the caller\'s async frames', async () => {
    async function callerFrame() {
      await ufsp.stat(path.join(box, 'definitely-missing'));
    }
    const e = await callerFrame().catch((err) => err);
    assert.match(e.stack, /at async callerFrame/);
    assert.doesNotMatch(e.stack, /eloop/);
  });
});
