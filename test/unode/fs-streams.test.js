// test/unode: fs.ReadStream and fs.WriteStream (unode/internal/fs/streams.js)
// against Node's on the same input: every event in order with its
// arguments, the data, the errors, the argument checks, fds given back.
'use strict';

const assert = require('assert');
const path = require('path');
const { describe: describeValue, record, runLog, sameLog, fdCount, nodeFs, ufs, box, resetBox } = require('./fs-events-parity');
const { cleanup } = require('./fs-parity');
const streams = require('../../unode/internal/fs/streams');

const alphabet = 'abcdefghijklmnopqrstuvwxyz'.repeat(100);
const withFile = (name = 'f.txt', content = alphabet) => (fs, box) => fs.writeFileSync(path.join(box, name), content);
const fileContent = (name) => (fs, box) => {
  const p = path.join(box, name);
  return fs.existsSync(p) ? fs.readFileSync(p, 'latin1') : 'none';
};

// Opens a read stream, logs everything it emits, ends at 'close'.
function readAll(fsArgs, extra) {
  return (fs, log, done) => {
    const rs = record(fs.createReadStream(...fsArgs), log, 'rs');
    log.push(['pending', rs.pending, 'path', describeValue(rs.path)]);
    if (extra) extra(rs, log, fs);
    rs.on('error', () => {});
    rs.on('data', () => {});
    rs.on('close', done);
  };
}

describe('fs streams against Node', function() {
  this.timeout(20000);
  let fdsBefore;
  // Counted once unode's eloop has its completion eventfd (made on first use).
  before((done) => { ufs.stat('.', () => { fdsBefore = fdCount(); done(); }); });
  after(() => {
    cleanup();
    assert.strictEqual(fdCount(), fdsBefore, 'fds were not given back');
  });

  describe('ReadStream', () => {
    it('events in order, chunks by highWaterMark, bytesRead', () =>
      sameLog(readAll(['f.txt', { highWaterMark: 1000 }], (rs, log) => {
        rs.on('end', () => log.push(['bytesRead', rs.bytesRead, rs.pending]));
      }), { setup: withFile() }));

    it('the default highWaterMark (64 KiB) over a 200 KiB file', () =>
      sameLog(readAll(['big.bin']), { setup: withFile('big.bin', Buffer.alloc(200 * 1024, 7)) }));

    it('start and end, with an encoding', () =>
      sameLog(readAll(['f.txt', { start: 2, end: 5, encoding: 'utf8' }]), { setup: withFile() }));

    it('start only, end only, end past the end, start past the end', async () => {
      await sameLog(readAll(['f.txt', { start: 2590 }]), { setup: withFile() });
      await sameLog(readAll(['f.txt', { end: 3 }]), { setup: withFile() });
      await sameLog(readAll(['f.txt', { start: 2598, end: 5000 }]), { setup: withFile() });
      await sameLog(readAll(['f.txt', { start: 9000 }]), { setup: withFile() });
      await sameLog(readAll(['f.txt', { start: 0, end: 0 }]), { setup: withFile() });
    });

    it('an empty file', () => sameLog(readAll(['empty']), { setup: withFile('empty', '') }));

    it('a missing file: error (open, path) and close, no open event', () =>
      sameLog(readAll(['nope.txt']), {}));

    it('a directory: EISDIR from read', () =>
      sameLog(readAll(['.']), {}));

    it('flags and a URL path', () =>
      sameLog(readAll([new URL('file:///dev/null'), { flags: 'r+' }]), {}));

    it('a Buffer path', () =>
      sameLog(readAll([Buffer.from('f.txt'), { encoding: 'latin1', highWaterMark: 2000 }]), { setup: withFile() }));

    it('an fd: reads from its position, autoClose: false leaves it open', () =>
      sameLog((fs, log, done) => {
        const fd = fs.openSync('f.txt', 'r');
        fs.readSync(fd, Buffer.alloc(2590), 0, 2590, null);
        const rs = record(fs.createReadStream(null, { fd, autoClose: false, encoding: 'utf8' }), log, 'rs');
        log.push(['pending', rs.pending, 'path', describeValue(rs.path)]);
        rs.on('data', () => {});
        rs.on('end', () => {
          setTimeout(() => {
            log.push(['fstat after end', fs.fstatSync(fd).size, 'closed', rs.closed, 'destroyed', rs.destroyed]);
            fs.closeSync(fd);
            done();
          }, 20);
        });
      }, { setup: withFile() }));

    it('an fd with start reads by position', () =>
      sameLog((fs, log, done) => {
        const fd = fs.openSync('f.txt', 'r');
        const rs = record(fs.createReadStream('ignored', { fd, start: 10, end: 12 }), log, 'rs');
        rs.on('data', () => {});
        rs.on('close', () => {
          log.push(['fd closed', (() => { try { fs.fstatSync(fd); return false; } catch (e) { return e.code; } })()]);
          done();
        });
      }, { setup: withFile() }));

    it('emitClose: false', () =>
      sameLog((fs, log, done) => {
        const rs = record(fs.createReadStream('f.txt', { emitClose: false }), log, 'rs');
        rs.on('data', () => {});
        rs.on('end', () => setTimeout(done, 30));
      }, { setup: withFile() }));

    it('close() before open, close(cb), destroy() while reading', async () => {
      await sameLog((fs, log, done) => {
        const rs = record(fs.createReadStream('f.txt'), log, 'rs');
        rs.close((err) => {
          log.push(['close cb', describeValue(err)]);
          done();
        });
      }, { setup: withFile() });
      await sameLog((fs, log, done) => {
        const rs = record(fs.createReadStream('f.txt', { highWaterMark: 100 }), log, 'rs');
        let n = 0;
        rs.on('data', () => { if (++n === 2) rs.destroy(); });
        rs.on('close', done);
      }, { setup: withFile() });
      await sameLog((fs, log, done) => {
        const rs = record(fs.createReadStream('f.txt'), log, 'rs');
        rs.on('open', () => rs.destroy(new Error('boom')));
        rs.on('close', done);
      }, { setup: withFile() });
    });

    it('AbortSignal aborted before: same events; Node then leaks the fd it opens, unode closes it', async () => {
      const scenario = (fs, log, done) => {
        const rs = record(fs.createReadStream('f.txt', { signal: AbortSignal.abort() }), log, 'rs');
        rs.on('ready', () => setTimeout(() => {
          const fd = rs.fd;
          if (typeof fd === 'number') nodeFs.closeSync(fd); // Node's leak, given back here
          log.push(['fd afterwards', typeof fd === 'number' ? 'open' : fd]);
          done();
        }, 30));
      };
      resetBox();
      withFile()(nodeFs, box);
      const nodeLog = await runLog(scenario, nodeFs);
      resetBox();
      withFile()(nodeFs, box);
      const unodeLog = await runLog(scenario, ufs);
      assert.deepStrictEqual(nodeLog.at(-1), ['fd afterwards', 'open'], 'Node no longer leaks this fd: update the test');
      assert.deepStrictEqual(unodeLog.at(-1), ['fd afterwards', null]);
      assert.deepStrictEqual(unodeLog.slice(0, -1), nodeLog.slice(0, -1));
    });

    it('AbortSignal aborted while reading', async () => {
      await sameLog((fs, log, done) => {
        const ac = new AbortController();
        const rs = record(fs.createReadStream('f.txt', { signal: ac.signal, highWaterMark: 100 }), log, 'rs');
        rs.once('data', () => ac.abort());
        rs.on('close', done);
      }, { setup: withFile() });
    });

    it('autoClose: false and a read error: the error, no destroy, fd kept', () =>
      sameLog((fs, log, done) => {
        const rs = record(fs.createReadStream('.', { autoClose: false }), log, 'rs');
        rs.on('data', () => {});
        rs.on('error', () => {
          setTimeout(() => {
            log.push(['after error', rs.destroyed, typeof rs.fd, rs.closed]);
            rs.destroy();
            rs.on('close', done);
          }, 20);
        });
      }, {}));

    it('a custom fs (options.fs): its calls and their order', () =>
      sameLog((fs, log, done) => {
        const custom = {
          open(p, flags, mode, cb) { log.push(['fs.open', p, flags, mode]); fs.open(p, flags, mode, cb); },
          read(fd, buf, off, len, pos, cb) { log.push(['fs.read', off, len, pos]); fs.read(fd, buf, off, len, pos, cb); },
          close(fd, cb) { log.push(['fs.close']); fs.close(fd, cb); },
        };
        const rs = record(fs.createReadStream('f.txt', { fs: custom, highWaterMark: 1500, start: 100 }), log, 'rs');
        rs.on('error', () => {});
        rs.on('data', () => {});
        rs.on('close', done);
      }, { setup: withFile() }));

    it('a patched fs.read is used, as with Node', () =>
      sameLog((fs, log, done) => {
        const read = fs.read;
        fs.read = function(...args) {
          log.push(['patched read', args[3]]);
          return Reflect.apply(read, this, args);
        };
        const rs = record(fs.createReadStream('f.txt', { highWaterMark: 2000 }), log, 'rs');
        rs.on('data', () => {});
        rs.on('close', () => {
          fs.read = read;
          done();
        });
      }, { setup: withFile() }));

    it('a replaced open() (legacy): called, and the stream waits for its open event', () =>
      sameLog((fs, log, done) => {
        const rs = fs.createReadStream('f.txt', { start: 0, end: 3 });
        record(rs, log, 'rs');
        rs.open = function() {
          log.push(['custom open']);
          fs.open(this.path, 'r', (err, fd) => {
            this.fd = fd;
            this.emit('open', fd);
          });
        };
        rs.on('error', () => {});
        rs.on('data', () => {});
        rs.on('close', done);
      }, { setup: withFile() }));

    it('argument checks', async () => {
      const cases = [
        ['f.txt', { start: -1 }], ['f.txt', { start: 1.5 }], ['f.txt', { start: '1' }],
        ['f.txt', { end: -1 }], ['f.txt', { start: 5, end: 2 }], ['f.txt', { end: 'x' }],
        ['f.txt', 5], ['f.txt', true], ['f.txt', 'nope-encoding'], ['f.txt', { encoding: 'nope' }],
        [5], [{}], [undefined], ['a\0b'], [null, { fd: 'x' }], [null, { fd: -1 }], [null, { fd: 1.5 }],
        [null, { fd: {} }], ['f.txt', { fs: {} }], ['f.txt', { fs: { open() {} } }],
        ['f.txt', { fs: { open() {}, read() {} } }], ['f.txt', { highWaterMark: -1 }],
        ['f.txt', { highWaterMark: 'x' }], ['f.txt', { signal: {} }],
      ];
      for (const args of cases) {
        await sameLog((fs, log, done) => {
          const rs = fs.createReadStream(...args);
          record(rs, log, 'rs');
          log.push(['created', rs.constructor.name]);
          rs.on('data', () => {});
          rs.on('close', done);
          rs.on('error', () => {});
        }, { setup: withFile() });
      }
    });
  });

  describe('WriteStream', () => {
    it('events in order, write() results, cork/uncork (writev), bytesWritten, the file', () =>
      sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('w.txt', { highWaterMark: 8 }), log, 'ws');
        log.push(['pending', ws.pending, 'path', ws.path]);
        log.push(['write', ws.write('hello ')]);
        log.push(['write', ws.write(Buffer.from('world, more than eight'))]);
        ws.cork();
        ws.write('\n1');
        ws.write('\n2');
        ws.uncork();
        ws.end('\nbye', () => log.push(['end cb', ws.bytesWritten]));
        ws.on('close', done);
      }, { after: fileContent('w.txt') }));

    it('flags a, wx on an existing file, r+ with start', async () => {
      await sameLog((fs, log, done) => {
        record(fs.createWriteStream('f.txt', { flags: 'a' }), log, 'ws').end('APPENDED').on('close', done);
      }, { setup: withFile(), after: fileContent('f.txt') });
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('f.txt', { flags: 'wx' }), log, 'ws');
        ws.write('x');
        ws.on('close', done);
      }, { setup: withFile(), after: fileContent('f.txt') });
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('f.txt', { flags: 'r+', start: 3 }), log, 'ws');
        ws.write('XYZ');
        ws.cork();
        ws.write('12');
        ws.write('34');
        process.nextTick(() => ws.uncork());
        ws.end();
        ws.on('close', done);
      }, { setup: withFile(), after: fileContent('f.txt') });
    });

    it('mode, encoding (setDefaultEncoding), flush', async () => {
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('m.txt', { mode: 0o600, encoding: 'hex', flush: true }), log, 'ws');
        ws.end('414243', () => {
          log.push(['mode', (fs.statSync('m.txt').mode & 0o777).toString(8)]);
        });
        ws.on('close', done);
      }, { after: fileContent('m.txt') });
    });

    it('a missing directory: error (open) then close', () =>
      sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('no/dir/x.txt'), log, 'ws');
        ws.write('x', (err) => log.push(['write cb', describeValue(err)]));
        ws.on('close', done);
      }, {}));

    it('write after end, end twice, destroy while writing', async () => {
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('w.txt'), log, 'ws');
        ws.end('a');
        ws.write('b', (err) => log.push(['write cb', describeValue(err)]));
        ws.on('close', done);
      }, { after: fileContent('w.txt') });
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('w.txt'), log, 'ws');
        ws.on('open', () => {
          ws.write('abc', (err) => log.push(['write cb', describeValue(err)]));
          ws.destroy();
        });
        ws.on('close', done);
      }, {});
    });

    it('close() before open, close(cb) after close, destroySoon', async () => {
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('w.txt'), log, 'ws');
        ws.write('data');
        ws.close((err) => {
          log.push(['close cb', describeValue(err)]);
          ws.close(() => {
            log.push(['second close cb']);
            done();
          });
        });
      }, { after: fileContent('w.txt') });
      await sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('w.txt'), log, 'ws');
        ws.write('soon');
        ws.destroySoon();
        ws.on('close', done);
      }, { after: fileContent('w.txt') });
    });

    it('an fd with autoClose: false: end() keeps it open, close() destroys and closes it', async () => {
      const state = (fs, fd) => { try { fs.fstatSync(fd); return 'open'; } catch (e) { return e.code; } };
      await sameLog((fs, log, done) => {
        const fd = fs.openSync('w.txt', 'w');
        const ws = record(fs.createWriteStream(null, { fd, autoClose: false }), log, 'ws');
        ws.end('one ', () => {
          setTimeout(() => {
            log.push(['after end', state(fs, fd), ws.destroyed]);
            fs.closeSync(fd);
            done();
          }, 20);
        });
      }, { after: fileContent('w.txt') });
      await sameLog((fs, log, done) => {
        const fd = fs.openSync('w.txt', 'w');
        const ws = record(fs.createWriteStream(null, { fd, autoClose: false }), log, 'ws');
        ws.write('one ');
        ws.close(() => {
          log.push(['after close', state(fs, fd)]);
          done();
        });
      }, { after: fileContent('w.txt') });
    });

    it('a custom fs with writev only, and with write only', async () => {
      for (const which of ['writev', 'write']) {
        await sameLog((fs, log, done) => {
          const custom = {
            open(p, f, m, cb) { log.push(['fs.open', p, f, m]); fs.open(p, f, m, cb); },
            close(fd, cb) { log.push(['fs.close']); fs.close(fd, cb); },
          };
          if (which === 'writev') custom.writev = (fd, bufs, pos, cb) => { log.push(['fs.writev', bufs.length, pos]); fs.writev(fd, bufs, pos, cb); };
          else custom.write = (fd, b, o, l, pos, cb) => { log.push(['fs.write', o, l, pos]); fs.write(fd, b, o, l, pos, cb); };
          const ws = record(fs.createWriteStream('c.txt', { fs: custom }), log, 'ws');
          ws.write('a');
          ws.write('b');
          ws.end('c');
          ws.on('close', done);
        }, { after: fileContent('c.txt') });
      }
    });

    it('a write error from the kernel (/dev/full): ENOSPC', () =>
      sameLog((fs, log, done) => {
        const ws = record(fs.createWriteStream('/dev/full'), log, 'ws');
        ws.write('x', (err) => log.push(['write cb', describeValue(err)]));
        ws.on('close', done);
      }, {}));

    it('AbortSignal during writing', () =>
      sameLog((fs, log, done) => {
        const ac = new AbortController();
        const ws = record(fs.createWriteStream('w.txt', { signal: ac.signal }), log, 'ws');
        ws.on('open', () => ac.abort());
        ws.on('close', done);
      }, {}));

    it('argument checks', async () => {
      const cases = [
        ['w.txt', { start: -1 }], ['w.txt', { start: 'x' }], ['w.txt', { flush: 'yes' }],
        ['w.txt', { fs: { open() {}, close() {} } }], ['w.txt', { fs: { open() {}, write: 1 } }],
        ['w.txt', { fs: { open() {}, write() {}, close() {} }, flush: true }], ['w.txt', 7],
        [7], [null, { fd: 'x' }], ['w.txt', { encoding: 'bogus' }], ['w.txt', { flags: 'bogus' }],
        ['w.txt', { mode: 'bogus' }],
      ];
      for (const args of cases) {
        await sameLog((fs, log, done) => {
          const ws = record(fs.createWriteStream(...args), log, 'ws');
          log.push(['created', ws.constructor.name]);
          ws.on('error', () => {});
          ws.on('close', done);
          ws.end();
        }, {});
      }
    });
  });

  describe('pipes and devices', () => {
    it('pipe() copies a file', () =>
      sameLog((fs, log, done) => {
        const rs = fs.createReadStream('big.bin', { highWaterMark: 4096 });
        const ws = fs.createWriteStream('copy.bin');
        rs.pipe(ws);
        ws.on('close', () => {
          log.push(['copied', ws.bytesWritten, rs.bytesRead]);
          done();
        });
      }, {
        setup: withFile('big.bin', Buffer.from(Array.from({ length: 300000 }, (_, i) => (i * 31) & 255))),
        after: (fs, box) => fs.readFileSync(path.join(box, 'copy.bin')).equals(fs.readFileSync(path.join(box, 'big.bin'))),
      }));

    it('a character device with end: /dev/zero', () =>
      sameLog(readAll(['/dev/zero', { end: 99999, highWaterMark: 30000 }]), {}));

    it('a FIFO: open and reads wait off the main thread for the writer', () =>
      sameLog((fs, log, done, box) => {
        let ticks = 0;
        const iv = setInterval(() => { ticks++; }, 5);
        const rs = record(fs.createReadStream('fifo'), log, 'rs');
        rs.setEncoding('utf8');
        rs.on('data', () => {});
        rs.on('close', () => {
          clearInterval(iv);
          log.push(['main thread ran meanwhile', ticks > 3]);
          done();
        });
        // The writer: another open of the FIFO (Node's own fs in both runs).
        setTimeout(() => {
          const w = nodeFs.openSync(path.join(box, 'fifo'), 'w');
          setTimeout(() => {
            nodeFs.writeSync(w, 'through the fifo');
            setTimeout(() => nodeFs.closeSync(w), 30);
          }, 50);
        }, 50);
      }, { setup: (fs, box) => require('child_process').execFileSync('mkfifo', [path.join(box, 'fifo')]) }));
  });

  describe('over a FileHandle', () => {
    it('read and write streams, autoClose closing the handle, the handle closing the stream', async () => {
      await sameLog(async (fs, log, done) => {
        const fh = await fs.promises.open('f.txt', 'r+');
        const rs = record(fh.createReadStream({ start: 3, end: 9, encoding: 'utf8', highWaterMark: 4 }), log, 'rs');
        rs.on('data', () => {});
        await new Promise((resolve) => rs.on('close', resolve));
        log.push(['handle after read stream', fh.fd]);
        const fh2 = await fs.promises.open('f.txt', 'r+');
        const ws = record(fh2.createWriteStream({ start: 1 }), log, 'ws');
        ws.write('XY');
        ws.end('Z');
        await new Promise((resolve) => ws.on('close', resolve));
        log.push(['handle after write stream', fh2.fd]);
        const fh3 = await fs.promises.open('f.txt');
        const rs3 = record(fh3.createReadStream({ autoClose: false }), log, 'rs3');
        rs3.on('data', () => {});
        await new Promise((resolve) => rs3.on('end', resolve));
        log.push(['autoClose false keeps the handle', typeof fh3.fd, fh3.fd > 0]);
        await fh3.close();
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push(['stream after handle close', rs3.destroyed, rs3.closed]);
        try {
          fs.createReadStream(null, { fd: fh3, fs: {} });
        } catch (e) {
          log.push(['FileHandle with fs', describeValue(e)]);
        }
        try {
          fs.createReadStream(null, { fd: fh3 });
        } catch (e) {
          log.push(['closed FileHandle', describeValue(e)]);
        }
        done();
      }, { setup: withFile(), after: fileContent('f.txt') });
    });
  });

  describe('the classes', () => {
    it('callable without new, aliases, prototypes, pending, autoClose', () => {
      for (const fs of [nodeFs, ufs]) {
        const rs = fs.ReadStream('/dev/null');
        const ws = fs.WriteStream('/dev/null');
        assert.ok(rs instanceof fs.ReadStream && rs instanceof require('stream').Readable);
        assert.ok(ws instanceof fs.WriteStream && ws instanceof require('stream').Writable);
        assert.strictEqual(fs.FileReadStream, fs.ReadStream);
        assert.strictEqual(fs.FileWriteStream, fs.WriteStream);
        assert.strictEqual(rs.pending, true);
        assert.strictEqual(rs.autoClose, true);
        rs.autoClose = false;
        assert.strictEqual(rs._readableState.autoDestroy, false);
        rs.destroy();
        ws.destroy();
      }
      const shape = (fs) => ({
        read: Object.getOwnPropertyNames(fs.ReadStream.prototype),
        write: Object.getOwnPropertyNames(fs.WriteStream.prototype),
        lengths: [fs.ReadStream.length, fs.WriteStream.length, fs.createReadStream.length, fs.createWriteStream.length],
        names: [fs.ReadStream.name, fs.WriteStream.name],
        descriptors: ['ReadStream', 'WriteStream', 'FileReadStream', 'FileWriteStream'].map((k) => {
          const d = Object.getOwnPropertyDescriptor(fs, k);
          return [typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name];
        }),
      });
      assert.deepStrictEqual(shape(ufs), shape(nodeFs));
    });

    it('fs.ReadStream can be replaced, and createReadStream then makes the replacement', () => {
      const Orig = ufs.ReadStream;
      class Mine extends Orig {}
      try {
        ufs.ReadStream = Mine;
        const rs = ufs.createReadStream('/dev/null');
        assert.ok(rs instanceof Mine);
        rs.destroy();
        assert.strictEqual(ufs.FileReadStream, Orig);
      } finally {
        ufs.ReadStream = Orig;
      }
    });

    it('the deprecated open() warns DEP0135 once, as Node', () => {
      assert.strictEqual(typeof streams.ReadStream.prototype.open, 'function');
      assert.notStrictEqual(streams.ReadStream.prototype.open, streams.WriteStream.prototype.open);
    });
  });
});
