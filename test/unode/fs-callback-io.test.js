// test/unode: unode/internal/fs/callback-io.js against Node's fs: open,
// close, read (all signatures), readv, write (buffer and string forms),
// writev, fsync, fdatasync, ftruncate, truncate. Results, errors, argument
// checks and how the callback is called, call for call.
'use strict';

const path = require('path');
const { sameCb } = require('./fs-async-parity');
const { nodeFs, cleanup, junk } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function withFile(content) {
  return (fs, box) => fs.writeFileSync(path.join(box, 'f'), content);
}

// fn(fs, fd, cb) on box/f opened with flags; the fd is closed after the callback.
function onFd(flags, fn) {
  return (fs, cb, box) => {
    const fd = fs.openSync(path.join(box, 'f'), flags);
    let closed = false;
    const close = () => {
      if (!closed) fs.closeSync(fd);
      closed = true;
    };
    try {
      fn(fs, fd, (...args) => {
        close();
        cb(...args);
      });
    } catch (e) {
      close();
      throw e;
    }
  };
}

const content = (fs, box) => nodeFs.readFileSync(path.join(box, 'f'), 'latin1');

describe('fs callback I/O against Node', () => {
  after(cleanup);

  describe('open', () => {
    for (const f of ['r', 'r+', 'w', 'wx', 'a', 'ax+', 'rs', 'bogus', 0, 0o101, 1.5, null, undefined, {}]) {
      it(`flags ${String(f)}`, async () => {
        await sameCb((fs, cb) => fs.open('f', f, (e, fd) => {
          if (fd !== undefined) fs.closeSync(fd);
          cb(e, typeof fd);
        }), { setup: withFile('x'), after: (fs, box) => nodeFs.readdirSync(box) });
      });
    }
    it('mode, and two-argument forms', async () => {
      for (const m of [0o600, '644', 'abc', -1, 1.5, null]) {
        await sameCb((fs, cb) => fs.open('n', 'w', m, (e, fd) => {
          if (fd !== undefined) fs.closeSync(fd);
          cb(e, e ? null : (nodeFs.statSync('n').mode & 0o777).toString(8));
        }));
      }
      await sameCb((fs, cb) => fs.open('f', (e, fd) => {
        if (fd !== undefined) fs.closeSync(fd);
        cb(e, typeof fd);
      }), { setup: withFile('x') });
    });
    it('kernel errors name the path', async () => {
      await sameCb((fs, cb) => fs.open('nope', 'r', cb));
      await sameCb((fs, cb) => fs.open('nope/deeper', cb));
      await sameCb((fs, cb, box) => fs.open(box, 'w', cb));
      await sameCb((fs, cb) => fs.open(Buffer.from('nope'), cb));
      await sameCb((fs, cb) => fs.open(new URL('file:///nonexistent/x'), cb));
      await sameCb((fs, cb) => fs.open('', cb));
    });
    it('bad paths and a missing callback throw', async () => {
      for (const p of noSymbols) await sameCb((fs, cb) => fs.open(p, 'r', cb));
      await sameCb((fs) => fs.open('f', 'r'));
      await sameCb((fs) => fs.open('f', 'r', 0o666, 'nope'));
      await sameCb((fs) => fs.open('f'));
    });
  });

  describe('close', () => {
    it('closes, then EBADF', async () => {
      await sameCb((fs, cb) => {
        const fd = fs.openSync('f', 'r');
        fs.close(fd, (...a) => fs.close(fd, (e) => cb(a.length, a[0], e)));
      }, { setup: withFile('x') });
    });
    it('fd and callback checks', async () => {
      for (const fd of [-1, 1.5, '3', null, undefined, 2 ** 31, {}]) await sameCb((fs, cb) => fs.close(fd, cb));
      await sameCb((fs) => fs.close(99999, 'notfn'));
    });
  });

  describe('read', () => {
    const setup = withFile('0123456789abcdefghij');
    it('fd, buffer, offset, length, position', async () => {
      for (const [off, len, pos] of [[0, 5, 0], [2, 4, 10], [0, 20, null], [0, 3, -1], [0, 3, 5n], [0, 0, 0],
        [0, 25, 0], [-1, 2, 0], [0, -1, 0], [1.5, 1, 0], [0, 2, 1.5], [0, 2, 2 ** 63], [0, 2, '1'], [0, 2, 100]]) {
        await sameCb(onFd('r', (fs, fd, cb) => {
          const buf = Buffer.alloc(20, 0x2e);
          fs.read(fd, buf, off, len, pos, (e, n, b) => cb(e, n, b === buf, buf.toString('latin1')));
        }), { setup });
      }
    });
    it('fd, { buffer, offset, length, position }, and fd alone', async () => {
      for (const opts of [{}, { buffer: Buffer.alloc(4) }, { buffer: Buffer.alloc(8), offset: 2, length: 3, position: 4 },
        { buffer: new Uint16Array(3), position: 1 }, null, { buffer: 'x' }, { length: 2 }]) {
        await sameCb(onFd('r', (fs, fd, cb) => fs.read(fd, opts, (e, n, b) => cb(e, n, b && b.byteLength,
          b && Buffer.from(b.buffer, b.byteOffset, Math.min(n, b.byteLength)).toString('latin1')))), { setup });
      }
      await sameCb(onFd('r', (fs, fd, cb) => fs.read(fd, (e, n, b) => cb(e, n, b.length, b.toString('latin1', 0, n)))),
        { setup });
    });
    it('fd, buffer, options', async () => {
      for (const opts of [{}, { offset: 1 }, { length: 3, position: 2 }, null, 'str', 5]) {
        await sameCb(onFd('r', (fs, fd, cb) => {
          const buf = Buffer.alloc(6, 0x2e);
          fs.read(fd, buf, opts, (e, n) => cb(e, n, buf.toString('latin1')));
        }), { setup });
      }
    });
    it('reads a DataView and typed arrays', async () => {
      await sameCb(onFd('r', (fs, fd, cb) => {
        const ab = new ArrayBuffer(12);
        fs.read(fd, new DataView(ab, 2, 6), 1, 4, 3, (e, n) => cb(e, n, Buffer.from(ab).toString('hex')));
      }), { setup });
    });
    it('errors: EBADF, EISDIR, bad arguments, empty buffer', async () => {
      await sameCb((fs, cb) => fs.read(99999, Buffer.alloc(2), 0, 2, 0, cb));
      await sameCb((fs, cb, box) => {
        const fd = fs.openSync(box, 'r');
        fs.read(fd, Buffer.alloc(2), 0, 2, null, (...a) => {
          fs.closeSync(fd);
          cb(...a);
        });
      });
      await sameCb(onFd('r', (fs, fd, cb) => fs.read(fd, Buffer.alloc(0), 0, 1, 0, cb)), { setup });
      for (const v of [undefined, null, 'str', 1, {}]) {
        await sameCb(onFd('r', (fs, fd, cb) => fs.read(fd, v, 0, 1, 0, cb)), { setup });
      }
      for (const fd of [-1, 1.5, 'x', null]) await sameCb((fs, cb) => fs.read(fd, Buffer.alloc(1), 0, 1, 0, cb));
      await sameCb(onFd('r', (fs, fd) => fs.read(fd, Buffer.alloc(1), 0, 1, 0)), { setup });
    });
  });

  describe('readv', () => {
    const setup = withFile('0123456789');
    it('buffers at a position and at the current one', async () => {
      for (const pos of [0, 3, null, undefined, -1, 1.5, '2', 100]) {
        await sameCb(onFd('r', (fs, fd, cb) => {
          const bufs = [Buffer.alloc(3), Buffer.alloc(2), new Uint8Array(4)];
          fs.readv(fd, bufs, pos, (e, n, b) => cb(e, n, b === bufs, bufs.map((x) => Buffer.from(x).toString('latin1'))));
        }), { setup });
      }
      await sameCb(onFd('r', (fs, fd, cb) => {
        const bufs = [Buffer.alloc(4)];
        fs.readv(fd, bufs, (e, n) => cb(e, n, bufs[0].toString()));
      }), { setup });
    });
    it('no buffers: EINVAL at once, as Node', async () => {
      await sameCb(onFd('r', (fs, fd, cb) => fs.readv(fd, [], 0, cb)), { setup });
    });
    it('bad arguments', async () => {
      for (const b of [null, 'x', [1], [Buffer.alloc(1), 'x'], {}]) {
        await sameCb(onFd('r', (fs, fd, cb) => fs.readv(fd, b, 0, cb)), { setup });
      }
      await sameCb((fs, cb) => fs.readv(99999, [Buffer.alloc(1)], cb));
    });
  });

  describe('write', () => {
    const setup = withFile('..........');
    it('buffer, offset, length, position', async () => {
      for (const args of [[0, 3, 0], [1, 2, 5], [0, 4, null], [0, undefined, undefined], [2], [0, 3, 20],
        [0, 11, 0], [-1, 1, 0], [0, 2, 1.5], [6, 0, 0], [0, 3, '1']]) {
        await sameCb(onFd('r+', (fs, fd, cb) => {
          const buf = Buffer.from('ABCDEF');
          fs.write(fd, buf, ...args, (e, n, b) => cb(e, n, b === buf));
        }), { setup, after: content });
      }
    });
    it('buffer, options object', async () => {
      for (const opts of [{}, { offset: 1, length: 2, position: 3 }, { position: 8 }, null]) {
        await sameCb(onFd('r+', (fs, fd, cb) => fs.write(fd, Buffer.from('XYZ'), opts, (e, n) => cb(e, n))),
          { setup, after: content });
      }
    });
    it('string, position, encoding', async () => {
      const forms = [
        (fs, fd, cb) => fs.write(fd, 'héllo', cb),
        (fs, fd, cb) => fs.write(fd, 'hi', 3, cb),
        (fs, fd, cb) => fs.write(fd, 'hi', 3, 'latin1', cb),
        (fs, fd, cb) => fs.write(fd, 'aabb', null, 'hex', cb),
        (fs, fd, cb) => fs.write(fd, 'abc', 1, 'nonsense', cb),
        (fs, fd, cb) => fs.write(fd, 'abc', 'x', 'utf8', cb),
        (fs, fd, cb) => fs.write(fd, 'a', undefined, undefined, cb),
      ];
      for (const form of forms) {
        await sameCb(onFd('r+', (fs, fd, cb) => form(fs, fd, (e, n, s) => cb(e, n, s))), { setup, after: content });
      }
      await sameCb(onFd('r+', (fs, fd, cb) => fs.write(fd, 'abc', 0, 'hex', cb)), { setup });
    });
    it('a large buffer is written whole', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024 + 5, 'xyz');
      await sameCb(onFd('w', (fs, fd, cb) => fs.write(fd, big, (e, n) => cb(e, n))),
        { setup, after: (fs, box) => nodeFs.statSync(path.join(box, 'f')).size });
    });
    it('errors and bad arguments', async () => {
      await sameCb(onFd('r', (fs, fd, cb) => fs.write(fd, Buffer.from('x'), cb)), { setup });
      await sameCb((fs, cb) => fs.write(99999, 'x', cb));
      for (const v of [1, null, {}, true]) await sameCb(onFd('r+', (fs, fd, cb) => fs.write(fd, v, cb)), { setup });
      await sameCb(onFd('r+', (fs, fd) => fs.write(fd, Buffer.from('x'))), { setup });
      await sameCb(onFd('r+', (fs, fd) => fs.write(fd, 'x')), { setup });
    });
  });

  describe('writev', () => {
    const setup = withFile('..........');
    it('buffers at a position, at the end, none', async () => {
      for (const pos of [0, 4, null, undefined, 1.5]) {
        await sameCb(onFd('r+', (fs, fd, cb) => {
          const bufs = [Buffer.from('ab'), new Uint8Array([0x43, 0x44]), Buffer.from('E')];
          fs.writev(fd, bufs, pos, (e, n, b) => cb(e, n, b === bufs));
        }), { setup, after: content });
      }
      await sameCb(onFd('r+', (fs, fd, cb) => fs.writev(fd, [], (e, n, b) => cb(e, n, b))), { setup, after: content });
      await sameCb(onFd('a', (fs, fd, cb) => fs.writev(fd, [Buffer.from('Z')], cb)), { setup, after: content });
    });
    it('many buffers (more than IOV_MAX) are all written', async () => {
      const bufs = [];
      for (let i = 0; i < 1500; i++) bufs.push(Buffer.from(String(i % 10)));
      await sameCb(onFd('w', (fs, fd, cb) => fs.writev(fd, bufs, (e, n) => cb(e, n))),
        { setup, after: content });
    });
    it('errors', async () => {
      await sameCb(onFd('r', (fs, fd, cb) => fs.writev(fd, [Buffer.from('x')], cb)), { setup });
      await sameCb(onFd('r+', (fs, fd, cb) => fs.writev(fd, 'x', cb)), { setup });
    });
  });

  describe('fsync, fdatasync, ftruncate, truncate', () => {
    const setup = withFile('0123456789');
    it('fsync and fdatasync', async () => {
      await sameCb(onFd('r+', (fs, fd, cb) => fs.fsync(fd, cb)), { setup });
      await sameCb(onFd('r+', (fs, fd, cb) => fs.fdatasync(fd, cb)), { setup });
      await sameCb((fs, cb) => fs.fsync(99999, cb));
      await sameCb((fs, cb) => fs.fdatasync(-1, cb));
      await sameCb((fs) => fs.fsync(0));
    });
    it('ftruncate', async () => {
      for (const len of [undefined, 0, 4, 20, -3, 1.5, '2', null]) {
        await sameCb(onFd('r+', (fs, fd, cb) => (len === undefined ? fs.ftruncate(fd, cb) : fs.ftruncate(fd, len, cb))),
          { setup, after: content });
      }
      await sameCb(onFd('r', (fs, fd, cb) => fs.ftruncate(fd, 1, cb)), { setup });
      await sameCb((fs, cb) => fs.ftruncate('x', 1, cb));
    });
    it('truncate by path, and by fd (deprecated)', async () => {
      for (const len of [undefined, 3, 0, 15]) {
        await sameCb((fs, cb) => (len === undefined ? fs.truncate('f', cb) : fs.truncate('f', len, cb)),
          { setup, after: content });
      }
      await sameCb((fs, cb) => fs.truncate('nope', 1, cb));
      await sameCb((fs, cb, box) => fs.truncate(box, 1, cb));
      await sameCb((fs, cb) => fs.truncate('f', 'x', cb), { setup });
      await sameCb((fs) => fs.truncate('f', 1), { setup });
    });
  });
});
