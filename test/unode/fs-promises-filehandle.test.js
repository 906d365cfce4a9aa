// test/unode: unode/internal/fs/filehandle.js against Node's FileHandle: the
// object, every method's results and errors, closing (twice, while an
// operation runs, the 'close' event, Symbol.asyncDispose, EBADF afterwards),
// readableWebStream, concurrent operations, and closing on garbage
// collection with Node's warnings (in a child run with --expose-gc).
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { execFileSync } = require('child_process');
const EventEmitter = require('events');
const { samePromise, ufsp, fdCount } = require('./fs-async-parity');
const { nodeFs, box, resetBox, cleanup } = require('./fs-parity');

function file(fs, b) {
  fs.writeFileSync(path.join(b, 'f'), '0123456789abcdef');
  fs.writeFileSync(path.join(b, 'big'), Buffer.alloc(700 * 1024 + 5, 'ABCDEFGH'));
}

const content = (fs, b) => nodeFs.readFileSync(path.join(b, 'f'), 'latin1');

// fn(fh, fs) on box/f opened with flags; the handle is closed afterwards.
function onHandle(flags, fn) {
  return async (fsp, b, fs) => {
    const fh = await fsp.open('f', flags);
    try {
      return await fn(fh, fs);
    } finally {
      await fh.close();
    }
  };
}

describe('FileHandle against Node', () => {
  let fdsAtStart;
  before(async () => {
    await ufsp.stat(__filename); // eloop's eventfd opens with the first job and stays
    fdsAtStart = fdCount();
  });
  after(cleanup);

  it('looks like Node\'s: class, prototype, own properties, inspect', async () => {
    resetBox();
    file(nodeFs, box);
    const n = await nodeFs.promises.open(path.join(box, 'f'));
    const u = await ufsp.open(path.join(box, 'f'));
    try {
      assert.strictEqual(u.constructor.name, 'FileHandle');
      assert.strictEqual(u instanceof EventEmitter, n instanceof EventEmitter);
      assert.deepStrictEqual(Object.getOwnPropertyNames(u), Object.getOwnPropertyNames(n));
      assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(u)).sort(),
        Object.getOwnPropertyNames(Object.getPrototypeOf(n)).sort());
      assert.strictEqual(typeof u[Symbol.asyncDispose], typeof n[Symbol.asyncDispose]);
      const shown = (fh) => util.inspect(fh).replace(/\[Symbol\(kFd\)\]: \d+/, 'kFd');
      assert.strictEqual(shown(u), shown(n));
      assert.strictEqual(typeof u.getAsyncId(), 'number');
      assert.strictEqual(typeof u.fd, 'number');
      assert.ok(nodeFs.fstatSync(u.fd).isFile());
    } finally {
      await n.close();
      await u.close();
    }
  });

  describe('methods', () => {
    it('read: buffer with offset/length/position, options forms, no arguments', async () => {
      const forms = [
        (fh) => fh.read(Buffer.alloc(8), 0, 8, 0),
        (fh) => fh.read(Buffer.alloc(8), 2, 4, 10),
        (fh) => fh.read(Buffer.alloc(8), 0, 8, null),
        (fh) => fh.read(Buffer.alloc(8), 0, 8, 5n),
        (fh) => fh.read(Buffer.alloc(8), 0, 8, 1.5),
        (fh) => fh.read(Buffer.alloc(8), { position: 3, length: 2 }),
        (fh) => fh.read(Buffer.alloc(8), null),
        (fh) => fh.read({ buffer: Buffer.alloc(5), position: 11 }),
        (fh) => fh.read({ buffer: new Uint16Array(2) }),
        (fh) => fh.read(),
        (fh) => fh.read(null),
        (fh) => fh.read(Buffer.alloc(8), 0, 0, 0),
        (fh) => fh.read(Buffer.alloc(0), 0, 1, 0),
        (fh) => fh.read(Buffer.alloc(8), -1, 2, 0),
        (fh) => fh.read(Buffer.alloc(8), 0, 9, 0),
        (fh) => fh.read('x'),
        (fh) => fh.read({ buffer: 'x' }),
      ];
      for (const f of forms) await samePromise(onHandle('r', f), { setup: file });
      await samePromise(onHandle('w', (fh) => fh.read(Buffer.alloc(2), 0, 2, 0)), { setup: file });
    });
    it('readv, write, writev', async () => {
      await samePromise(onHandle('r', (fh) => fh.readv([Buffer.alloc(3), Buffer.alloc(4)], 2)), { setup: file });
      await samePromise(onHandle('r', (fh) => fh.readv([Buffer.alloc(3)])), { setup: file });
      await samePromise(onHandle('r', (fh) => fh.readv([])), { setup: file });
      await samePromise(onHandle('r', (fh) => fh.readv('x')), { setup: file });
      const writes = [
        (fh) => fh.write(Buffer.from('XY')),
        (fh) => fh.write(Buffer.from('XYZ'), 1, 2, 5),
        (fh) => fh.write(Buffer.from('XYZ'), { offset: 1, position: 3 }),
        (fh) => fh.write(Buffer.alloc(0)),
        (fh) => fh.write('héllo', 4),
        (fh) => fh.write('6869', 0, 'hex'),
        (fh) => fh.write('abc', 0, 'hex'),
        (fh) => fh.write('abc', null, 'bogus'),
        (fh) => fh.write(5),
        (fh) => fh.write(Buffer.from('X'), 0, 5, 0),
        (fh) => fh.writev([Buffer.from('ab'), Buffer.from('cd')], 1),
        (fh) => fh.writev([]),
        (fh) => fh.writev([Buffer.from('end')]),
      ];
      for (const f of writes) await samePromise(onHandle('r+', f), { setup: file, after: content });
      await samePromise(onHandle('r', (fh) => fh.write(Buffer.from('x'))), { setup: file });
    });
    it('stat, truncate, utimes, chmod, chown, sync, datasync', async () => {
      const ops = [
        (fh) => fh.stat(), (fh) => fh.stat({ bigint: true }), (fh) => fh.stat(null),
        (fh) => fh.truncate(), (fh) => fh.truncate(3), (fh) => fh.truncate(-5), (fh) => fh.truncate('x'),
        (fh) => fh.utimes(1, 2).then(() => String(nodeFs.statSync(path.join(box, 'f'), { bigint: true }).mtimeNs)),
        (fh) => fh.utimes('x', 1),
        (fh) => fh.chmod(0o600).then(() => (nodeFs.statSync(path.join(box, 'f')).mode & 0o777).toString(8)),
        (fh) => fh.chmod('bad'),
        (fh) => fh.chown(0, 0), (fh) => fh.chown(-2, 0),
        (fh) => fh.sync(), (fh) => fh.datasync(),
      ];
      for (const f of ops) await samePromise(onHandle('r+', f), { setup: file, after: content });
      await samePromise(onHandle('r', (fh) => fh.truncate(1)), { setup: file });
    });
    it('readFile, writeFile, appendFile on a handle', async () => {
      const ops = [
        (fh) => fh.readFile(), (fh) => fh.readFile('utf8'), (fh) => fh.readFile({ encoding: 'base64' }),
        async (fh) => { await fh.read(Buffer.alloc(4), 0, 4, null); return fh.readFile('latin1'); },
        (fh) => fh.writeFile('new content'), (fh) => fh.writeFile(Buffer.from('b')),
        (fh) => fh.appendFile('+'), (fh) => fh.writeFile(5), (fh) => fh.readFile({ encoding: 'bogus' }),
      ];
      for (const f of ops) await samePromise(onHandle('r+', f), { setup: file, after: content });
      await samePromise(async (fsp) => {
        const fh = await fsp.open('big');
        try {
          const d = await fh.readFile('latin1');
          return [d.length, d.slice(-9)];
        } finally {
          await fh.close();
        }
      }, { setup: file });
    });
  });

  describe('closing', () => {
    it('close twice, methods after close, the close event, asyncDispose', async () => {
      await samePromise(async (fsp) => {
        const fh = await fsp.open('f');
        const events = [];
        fh.on('close', () => events.push('close event'));
        const p1 = fh.close();
        const p2 = fh.close();
        events.push(`same promise ${p1 === p2}`, `fd ${fh.fd}`);
        await p1;
        events.push(`after ${await fh.close()}`);
        for (const op of ['stat', 'read', 'write', 'readFile', 'writeFile', 'appendFile', 'truncate', 'sync',
          'datasync', 'chmod', 'chown', 'utimes', 'readv', 'writev']) {
          try {
            await fh[op](Buffer.alloc(1));
          } catch (e) {
            events.push(`${op}: ${e.code} ${e.syscall} ${e.message} ${Object.keys(e)}`);
          }
        }
        return events;
      }, { setup: file });
      await samePromise(async (fsp) => {
        const fh = await fsp.open('f');
        await fh[Symbol.asyncDispose]();
        return fh.fd;
      }, { setup: file });
    });
    it('close while an operation runs waits for it', async () => {
      await samePromise(async (fsp) => {
        const fh = await fsp.open('big');
        const order = [];
        const reading = fh.readFile().then((d) => order.push(`read ${d.length}`));
        const closing = fh.close().then(() => order.push('closed'));
        order.push(`fd now ${fh.fd}`);
        await Promise.all([reading, closing]);
        return order;
      }, { setup: file });
    });
    it('many operations at once on one handle', async () => {
      await samePromise(async (fsp) => {
        const fh = await fsp.open('big');
        try {
          const reads = [];
          for (let i = 0; i < 200; i++) {
            reads.push(fh.read(Buffer.alloc(16), 0, 16, i * 1000).then((r) => r.buffer.toString('latin1')));
          }
          return (await Promise.all(reads)).join('');
        } finally {
          await fh.close();
        }
      }, { setup: file });
    });
    it('close errors (EBADF when the fd was closed behind its back)', async () => {
      await samePromise(async (fsp) => {
        const fh = await fsp.open('f');
        nodeFs.closeSync(fh.fd);
        return fh.close();
      }, { setup: file });
    });
  });

  describe('readableWebStream', () => {
    it('default and bytes types; locked and closed handles', async () => {
      for (const type of [undefined, 'bytes']) {
        await samePromise(async (fsp) => {
          const fh = await fsp.open('big');
          const sizes = [];
          for await (const c of fh.readableWebStream(type ? { type } : undefined)) {
            sizes.push(`${c.constructor.name}:${c.byteLength}`);
          }
          const fdOpen = fh.fd !== -1;
          await fh.close();
          return [sizes.join(' '), fdOpen];
        }, { setup: file });
      }
      await samePromise(async (fsp) => {
        const fh = await fsp.open('f');
        fh.readableWebStream();
        const errs = [];
        try { fh.readableWebStream(); } catch (e) { errs.push(`${e.code} ${e.message}`); }
        const closing = fh.close();
        try { fh.readableWebStream(); } catch (e) { errs.push(`${e.code} ${e.message}`); }
        await closing;
        try { fh.readableWebStream(); } catch (e) { errs.push(`${e.code} ${e.message}`); }
        try { (await fsp.open('f')).readableWebStream({ type: 5 }); } catch (e) { errs.push(`${e.code} ${e.message}`); }
        return errs;
      }, { setup: file });
    });
  });

  // Node's C++ asserts that the length is an int32 and aborts; a string once
  // reached the kernel as a pointer-sized count here and overran the buffer.
  it('read() with a length that is not an integer Number: a clear error, nothing read', async () => {
    resetBox();
    file(nodeFs, box);
    const fh = await ufsp.open(path.join(box, 'f'));
    try {
      for (const length of ['2', new Uint8Array(1), true, {}, [2], NaN, 1.5]) {
        const b = Buffer.alloc(4);
        for (const read of [() => fh.read(b, 0, length, 0), () => fh.read(b, { length }),
          () => fh.read({ buffer: b, length })]) {
          await assert.rejects(read(), (e) => {
            assert.strictEqual(e.code, typeof length === 'number' ? 'ERR_OUT_OF_RANGE' : 'ERR_INVALID_ARG_TYPE');
            assert.match(e.message, /"length"/);
            return true;
          });
          assert.deepStrictEqual(b, Buffer.alloc(4));
        }
      }
      assert.strictEqual((await fh.read(Buffer.alloc(4), 0, 3, 0)).bytesRead, 3);
    } finally {
      await fh.close();
    }
  });

  it('a handle collected while open is closed, with Node\'s warnings (child, --expose-gc)', function() {
    this.timeout(30000);
    resetBox();
    file(nodeFs, box);
    const run = (which) => execFileSync(process.execPath, ['--expose-gc', '-e', `
      const fsp = ${which === 'node' ? "require('fs').promises" : `require(${JSON.stringify(path.join(__dirname, '../../unode/lib/fs_promises.js'))})`};
      const fs = require('fs');
      process.on('warning', (w) => console.log('warning', w.name, w.code, w.message.replace(/descriptor \\d+/, 'descriptor N')));
      (async () => {
        await fsp.stat(${JSON.stringify(box)});
        console.log('start'); // stdout's first use opens an fd of its own
        const before = fs.readdirSync('/proc/self/fd').length;
        for (let i = 0; i < 3; i++) await fsp.open(${JSON.stringify(path.join(box, 'f'))});
        const opened = fs.readdirSync('/proc/self/fd').length - before;
        for (let i = 0; i < 10; i++) { gc(); await new Promise((r) => setTimeout(r, 10)); }
        console.log('opened', opened, 'left open', fs.readdirSync('/proc/self/fd').length - before);
      })();
    `], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const node = run('node');
    const unode = run('unode');
    assert.match(unode, /opened 3 left open 0/);
    assert.strictEqual(unode, node);
  });

  it('the fd count is back where it started', () => {
    assert.strictEqual(fdCount(), fdsAtStart);
  });
});
