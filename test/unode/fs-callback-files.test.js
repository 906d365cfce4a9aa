// test/unode: unode/internal/fs/callback-files.js against Node's fs:
// readFile (paths and fds, encodings, flags, files of unknown size, large
// files, AbortSignal), writeFile (strings, Buffers, typed arrays, DataView,
// mode, flag, flush, signal) and appendFile.
'use strict';

const assert = require('assert');
const path = require('path');
const { sameCb, cbOutcome } = require('./fs-async-parity');
const { nodeFs, ufs, box, cleanup, junk, resetBox } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function files(fs, b) {
  fs.writeFileSync(path.join(b, 'f'), 'héllo wörld\n');
  fs.writeFileSync(path.join(b, 'empty'), '');
  fs.writeFileSync(path.join(b, 'big'), Buffer.alloc(1024 * 1024 + 777, 'abcdefghij'));
  fs.mkdirSync(path.join(b, 'd'));
}

const content = (name) => (fs, b) => {
  const p = path.join(b, name);
  return nodeFs.existsSync(p) ? [nodeFs.readFileSync(p, 'latin1'), (nodeFs.statSync(p).mode & 0o777).toString(8)] : 'none';
};

describe('fs callback readFile, writeFile, appendFile against Node', () => {
  after(cleanup);

  describe('readFile', () => {
    it('paths, encodings, flags', async () => {
      for (const o of [undefined, 'utf8', 'latin1', 'base64', 'buffer', null, { encoding: 'hex' }, { flag: 'r' },
        { flag: 'a+' }, { flag: 'wx' }, { flag: 'bogus' }, { flag: 7 }, { encoding: 'bogus' }, 5, {}]) {
        for (const p of ['f', 'empty', 'd', 'nope', Buffer.from('f'), new URL(`file://${path.join(box, 'f')}`)]) {
          await sameCb((fs, cb) => (o === undefined ? fs.readFile(p, cb) : fs.readFile(p, o, cb)), { setup: files });
        }
      }
    });
    it('a large file is read whole (512 KiB chunks)', async () => {
      await sameCb((fs, cb) => fs.readFile('big', (e, d) => cb(e, d && d.length, d && d.subarray(-20).toString())),
        { setup: files });
    });
    it('files whose size is unknown (/proc, a FIFO)', async () => {
      const pick = (cb) => (e, d) => cb(e, d && d.length > 0, d && d.toString().split('\n')[0].split(':')[0]);
      await sameCb((fs, cb) => fs.readFile('/proc/self/status', pick(cb)));
      await sameCb((fs, cb) => fs.readFile('/proc/cpuinfo', 'utf8', (e, d) => cb(e, d.includes('processor'))));
      // A FIFO with a writer that sends 200 KiB: read in 64 KiB chunks until EOF.
      await sameCb((fs, cb, b) => {
        const fifo = path.join(b, 'fifo');
        require('child_process').execFileSync('mkfifo', [fifo]);
        const writer = require('child_process').spawn(process.execPath,
          ['-e', `require('fs').writeFileSync(${JSON.stringify(fifo)}, Buffer.alloc(200000, 'z'))`]);
        fs.readFile(fifo, (e, d) => writer.on('exit', () => cb(e, d && d.length, d && d[199999])));
      });
    });
    it('file descriptors: read from the current position, not closed', async () => {
      await sameCb((fs, cb) => {
        const fd = fs.openSync('f', 'r');
        fs.readSync(fd, Buffer.alloc(3), 0, 3, null);
        fs.readFile(fd, 'utf8', (e, d) => {
          const stillOpen = nodeFs.fstatSync(fd).isFile();
          fs.closeSync(fd);
          cb(e, d, stillOpen);
        });
      }, { setup: files });
      // Node's quirks with fds: errors on the way are dropped.
      await sameCb((fs, cb) => {
        const fd = fs.openSync('d', 'r');
        fs.readFile(fd, (...a) => {
          fs.closeSync(fd);
          cb(...a);
        });
      }, { setup: files });
      await sameCb((fs, cb) => {
        const fd = fs.openSync('f', 'w');
        fs.readFile(fd, (...a) => {
          fs.closeSync(fd);
          cb(...a);
        });
      }, { setup: files });
      await sameCb((fs, cb) => fs.readFile(99999, cb));
    });
    it('a negative fd throws from the next tick, as Node', async () => {
      for (const fs of [nodeFs, ufs]) {
        const seen = await new Promise((resolve) => {
          const mocha = process.listeners('uncaughtException');
          process.removeAllListeners('uncaughtException');
          process.once('uncaughtException', (e) => {
            for (const l of mocha) process.on('uncaughtException', l);
            resolve([e.code, e.message]);
          });
          fs.readFile(-1, () => resolve('called back'));
        });
        assert.deepStrictEqual(seen, ['ERR_OUT_OF_RANGE',
          'The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received -1']);
      }
    });
    it('AbortSignal: before the call and during the reads', async () => {
      await sameCb((fs, cb) => {
        const ac = new AbortController();
        ac.abort();
        fs.readFile('f', { signal: ac.signal }, cb);
      }, { setup: files });
      await sameCb((fs, cb) => {
        const ac = new AbortController();
        ac.abort(new Error('why'));
        fs.readFile('f', { signal: ac.signal }, (e) => cb(e, e.cause && e.cause.message));
      }, { setup: files });
      await sameCb((fs, cb) => {
        const ac = new AbortController();
        fs.readFile('big', { signal: ac.signal }, (e, d) => cb(e, d && d.length));
        process.nextTick(() => ac.abort());
      }, { setup: files });
      await sameCb((fs, cb) => fs.readFile('f', { signal: 'nope' }, cb), { setup: files });
      const fdsBefore = nodeFs.readdirSync('/proc/self/fd').length;
      await sameCb((fs, cb) => {
        const ac = new AbortController();
        fs.readFile('big', { signal: ac.signal }, (e) => cb(e));
        setImmediate(() => ac.abort());
      }, { setup: files });
      assert.strictEqual(nodeFs.readdirSync('/proc/self/fd').length, fdsBefore);
    });
    it('bad arguments and a missing callback', async () => {
      // Numbers are fds (0 is stdin; Node aborts on -0): those are tested above.
      for (const p of noSymbols.filter((v) => typeof v !== 'number')) await sameCb((fs, cb) => fs.readFile(p, cb));
      await sameCb((fs) => fs.readFile('f'));
      await sameCb((fs) => fs.readFile('f', 'utf8'));
      await sameCb((fs) => fs.readFile('f', {}, 'x'));
    });
  });

  describe('writeFile', () => {
    it('strings, Buffers, typed arrays, DataView', async () => {
      const ab = new ArrayBuffer(8);
      new Uint8Array(ab).set([65, 66, 67, 68, 69, 70, 71, 72]);
      for (const data of ['text é', '', Buffer.from('buf'), new Uint8Array([1, 2, 3]), new Uint16Array([0x4142, 0x4344]),
        new Float64Array([1.5]), new DataView(ab, 2, 4), new Uint8Array(ab, 1, 3), Buffer.alloc(3 * 1024 * 1024, 'q')]) {
        await sameCb((fs, cb) => fs.writeFile('w', data, cb), { after: content('w') });
      }
    });
    it('encodings, modes, flags, flush', async () => {
      for (const o of ['hex', 'base64', { encoding: 'latin1' }, { mode: 0o600 }, { mode: '640' }, { mode: 'bad' },
        { flag: 'a' }, { flag: 'wx' }, { flag: 'r' }, { flag: 'bogus' }, { flush: true }, { flush: 'yes' },
        { encoding: 'nope' }, null]) {
        await sameCb((fs, cb) => fs.writeFile('f', '6869', o, cb), { setup: files, after: content('f') });
      }
    });
    it('to a file descriptor: at its position, not closed', async () => {
      await sameCb((fs, cb) => {
        const fd = fs.openSync('f', 'r+');
        fs.writeFile(fd, 'XY', (e) => {
          fs.writeFile(fd, 'Z', (e2) => {
            fs.closeSync(fd);
            cb(e, e2);
          });
        });
      }, { setup: files, after: content('f') });
      await sameCb((fs, cb) => {
        const fd = fs.openSync('f', 'r');
        fs.writeFile(fd, 'XY', (e) => {
          fs.closeSync(fd);
          cb(e);
        });
      }, { setup: files, after: content('f') });
    });
    it('errors', async () => {
      await sameCb((fs, cb) => fs.writeFile('nope/x', 'a', cb));
      await sameCb((fs, cb) => fs.writeFile('d', 'a', cb), { setup: files });
      for (const data of [5, null, undefined, {}, [1, 2], true]) {
        await sameCb((fs, cb) => fs.writeFile('w', data, cb), { after: content('w') });
      }
      await sameCb((fs) => fs.writeFile('w', 'x'));
      for (const p of [null, {}, 1.5, 'a\0b']) await sameCb((fs, cb) => fs.writeFile(p, 'x', cb));
    });
    it('AbortSignal', async () => {
      await sameCb((fs, cb) => {
        const ac = new AbortController();
        ac.abort();
        fs.writeFile('w', 'x', { signal: ac.signal }, cb);
      }, { after: content('w') });
      await sameCb((fs, cb) => {
        const ac = new AbortController();
        fs.writeFile('w', Buffer.alloc(1024), { signal: ac.signal }, cb);
        ac.abort();
      }, { after: content('w') });
    });
  });

  describe('appendFile', () => {
    it('appends, creates, honours flags', async () => {
      for (const o of [undefined, 'utf8', { flag: 'w' }, { flag: '' }, { mode: 0o600 }, { flag: 'ax' }]) {
        await sameCb((fs, cb) => (o === undefined ? fs.appendFile('f', '+', cb) : fs.appendFile('f', '+', o, cb)),
          { setup: files, after: content('f') });
        await sameCb((fs, cb) => (o === undefined ? fs.appendFile('n', '+', cb) : fs.appendFile('n', '+', o, cb)),
          { after: content('n') });
      }
      await sameCb((fs, cb) => {
        const fd = fs.openSync('f', 'r+');
        fs.appendFile(fd, Buffer.from('!'), { flag: 'w' }, (e) => {
          fs.closeSync(fd);
          cb(e);
        });
      }, { setup: files, after: content('f') });
      await sameCb((fs, cb) => fs.appendFile('nope/x', 'a', cb));
      await sameCb((fs) => fs.appendFile('f', 'a'));
    });
  });

  it('leaves no fd open', async () => {
    resetBox();
    files(nodeFs, box);
    // The first job opens eloop's completion eventfd, which stays: count after it.
    await cbOutcome((fs, cb) => fs.readFile('f', cb), ufs);
    const before = nodeFs.readdirSync('/proc/self/fd').length;
    for (let i = 0; i < 20; i++) {
      await cbOutcome((fs, cb) => fs.readFile('nope', cb), ufs);
      await cbOutcome((fs, cb) => fs.readFile('d', cb), ufs);
      await cbOutcome((fs, cb) => fs.readFile('big', cb), ufs);
      await cbOutcome((fs, cb) => fs.writeFile('d', 'x', cb), ufs);
      await cbOutcome((fs, cb) => fs.writeFile('w', 'x', { flush: true }, cb), ufs);
      await cbOutcome((fs, cb) => fs.copyFile('big', 'd', cb), ufs);
    }
    assert.strictEqual(nodeFs.readdirSync('/proc/self/fd').length, before);
  });
});
