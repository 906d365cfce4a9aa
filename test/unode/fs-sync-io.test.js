// test/unode: unode/internal/fs/sync-io.js against Node's fs: open, close,
// read, write, readv, writev, readFile, writeFile, appendFile, truncate,
// ftruncate, fsync, fdatasync: results and errors, call for call.
'use strict';

const assert = require('assert');
const path = require('path');
const { same, sameError, nodeFs, ufs, cleanup, junk } = require('./fs-parity');

const noSymbols = junk.filter((v) => typeof v !== 'symbol');

function withFile(content) {
  return (fs, box) => fs.writeFileSync(path.join(box, 'f'), content);
}

// Run fn(fs, fd) on box/f opened with flags, closing it afterwards.
function onFd(flags, fn) {
  return (fs, box) => {
    const fd = fs.openSync(path.join(box, 'f'), flags);
    try {
      return fn(fs, fd, box);
    } finally {
      fs.closeSync(fd);
    }
  };
}

const fileContent = (fs, box) => nodeFs.readFileSync(path.join(box, 'f'), 'latin1');

describe('fs sync I/O against Node', () => {
  after(cleanup);

  describe('openSync', () => {
    const flags = ['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax',
      'xa', 'as', 'sa', 'a+', 'ax+', 'xa+', 'as+', 'sa+', 'rw', 'R', '', 0, 2, 0o101, 1.5, 2 ** 40, -1,
      null, undefined, {}, true];
    for (const f of flags) {
      it(`flags ${String(f)}`, () => {
        same((fs, box) => { const fd = fs.openSync(path.join(box, 'f'), f); fs.closeSync(fd); return 'opened'; },
          { setup: withFile('x'), after: (fs, box) => nodeFs.existsSync(path.join(box, 'f')) });
        same((fs, box) => { const fd = fs.openSync(path.join(box, 'new'), f); fs.closeSync(fd); return 'opened'; },
          { after: (fs, box) => nodeFs.existsSync(path.join(box, 'new')) });
      });
    }
    for (const m of [0o600, '644', '0755', 'abc', '8', -1, 2 ** 32, 1.5, null, {}, '']) {
      it(`mode ${String(m)}`, () => {
        same((fs, box) => {
          const fd = fs.openSync(path.join(box, 'new'), 'w', m);
          fs.closeSync(fd);
          return (nodeFs.statSync(path.join(box, 'new')).mode & 0o777).toString(8);
        });
      });
    }
    it('path values of every kind', () => {
      for (const p of junk) same((fs) => fs.openSync(p, 'r'));
    });
    it('errors from the kernel', () => {
      sameError((fs, box) => fs.openSync(path.join(box, 'nope')));
      sameError((fs, box) => fs.openSync(path.join(box, 'nope', 'x')));
      sameError((fs, box) => fs.openSync(box, 'w'));
      sameError((fs, box) => fs.openSync(path.join(box, 'f'), 'wx'), { setup: withFile('x') });
      sameError((fs, box) => fs.openSync(path.join(box, 'f', 'x')), { setup: withFile('x') });
      sameError((fs, box) => fs.openSync(path.join(box, 'a\0b')));
      sameError((fs, box) => fs.openSync(Buffer.from(path.join(box, 'nope'))));
      sameError((fs, box) => fs.openSync(new URL(`file://${box}/nope`)));
      sameError((fs) => fs.openSync(new URL('http://example.com/x')));
      sameError((fs) => fs.openSync(new URL('file://host/x')));
      sameError((fs, box) => fs.openSync(new URL(`file://${box}/a%2fb`)));
    });
  });

  describe('closeSync', () => {
    it('values of every kind', () => {
      for (const fd of noSymbols) same((fs) => fs.closeSync(fd === 0 || fd === 1 ? 99999 : fd));
    });
    it('EBADF', () => sameError((fs) => fs.closeSync(99999)));
  });

  describe('readSync', () => {
    const calls = [
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, 2, 4, 1), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, 0, 8, 3n), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, 0, 8, null), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, { offset: 1, length: 3, position: 2 }), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, {}), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, null), b]; },
      (fs, fd) => { const b = new Uint16Array(4); return [fs.readSync(fd, b), b]; },
      (fs, fd) => { const b = new DataView(new ArrayBuffer(6)); return [fs.readSync(fd, b, 0, 6, 0), b]; },
      (fs, fd) => { const b = Buffer.alloc(8); return [fs.readSync(fd, b, 0, 0), fs.readSync(fd, b, 0, 3), fs.readSync(fd, b, 0, 3), b]; },
      (fs, fd) => fs.readSync(fd, Buffer.alloc(0)),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(0), 0, 1),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 5, 1),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 5),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), -1, 1),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 1.5, 1),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), '1', 1),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, -1),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 2.7),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 4, -2),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 4, 1.5),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 4, 'x'),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 4, 2n ** 63n),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 4, -(2n ** 63n) - 1n),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 0, 4, 2 ** 53),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 5),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), 'x'),
      (fs, fd) => fs.readSync(fd, Buffer.alloc(4), []),
      (fs, fd) => fs.readSync(fd, 'abc'),
      (fs, fd) => fs.readSync(fd, null),
      (fs, fd) => fs.readSync(fd, [1, 2]),
    ];
    calls.forEach((call, i) => {
      it(`call ${i}: ${call.toString().slice(12, 90)}`, () => {
        same(onFd('r', call), { setup: withFile('abcdefghij') });
      });
    });
    it('fd values of every kind', () => {
      for (const fd of junk) same((fs) => fs.readSync(fd, Buffer.alloc(4)));
    });
    it('kernel errors', () => {
      sameError((fs) => fs.readSync(99999, Buffer.alloc(4)));
      sameError((fs, box) => { const fd = fs.openSync(box, 'r'); try { return fs.readSync(fd, Buffer.alloc(4)); } finally { fs.closeSync(fd); } });
      sameError(onFd('w', (fs, fd) => fs.readSync(fd, Buffer.alloc(4))), { setup: withFile('x') });
    });
  });

  describe('writeSync', () => {
    const calls = [
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello')),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 1),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 1, 2),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 1, 2, 4),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 0, 5, 2n),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 0, 5, 1.5),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), { offset: 2, position: 1 }),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), { length: 2 }),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), null),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), undefined, undefined, 3),
      (fs, fd) => fs.writeSync(fd, new Uint32Array([0x41424344])),
      (fs, fd) => fs.writeSync(fd, new DataView(new Uint8Array([65, 66]).buffer)),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 6),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), -1),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 1.5),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 0, 6),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 0, -1),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 0, 1.5),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), 0, '2'),
      (fs, fd) => fs.writeSync(fd, Buffer.from('hello'), '1'),
      (fs, fd) => fs.writeSync(fd, 'héllo'),
      (fs, fd) => fs.writeSync(fd, 'héllo', 2),
      (fs, fd) => fs.writeSync(fd, 'héllo', null, 'latin1'),
      (fs, fd) => fs.writeSync(fd, '6869', null, 'hex'),
      (fs, fd) => fs.writeSync(fd, '686', null, 'hex'),
      (fs, fd) => fs.writeSync(fd, 'aGk=', 0, 'base64'),
      (fs, fd) => fs.writeSync(fd, 'xyz', 0, 'bogus'),
      (fs, fd) => fs.writeSync(fd, 'xyz', 0, 5),
      (fs, fd) => fs.writeSync(fd, 'xyz', 'x'),
      (fs, fd) => fs.writeSync(fd, ''),
      (fs, fd) => fs.writeSync(fd, 5),
      (fs, fd) => fs.writeSync(fd, null),
      (fs, fd) => fs.writeSync(fd, {}),
      (fs, fd) => fs.writeSync(fd, new String('s')),
    ];
    calls.forEach((call, i) => {
      it(`call ${i}: ${call.toString().slice(12, 90)}`, () => {
        same(onFd('r+', call), { setup: withFile('0123456789'), after: fileContent });
      });
    });
    it('appends with "a"', () => {
      same(onFd('a', (fs, fd) => [fs.writeSync(fd, 'xy'), fs.writeSync(fd, Buffer.from('z'), 0, 1, 0)]),
        { setup: withFile('0123'), after: fileContent });
    });
    it('fd values of every kind', () => {
      for (const fd of junk) same((fs) => fs.writeSync(fd, 'x'));
    });
    it('kernel errors', () => {
      sameError((fs) => fs.writeSync(99999, 'x'));
      sameError((fs) => fs.writeSync(99999, Buffer.from('x')));
      sameError(onFd('r', (fs, fd) => fs.writeSync(fd, 'x')), { setup: withFile('x') });
    });
  });

  describe('readvSync and writevSync', () => {
    const bufs = () => [Buffer.alloc(3), new Uint8Array(2), Buffer.alloc(0), Buffer.alloc(4)];
    const calls = [
      (fs, fd) => { const b = bufs(); return [fs.readvSync(fd, b), b]; },
      (fs, fd) => { const b = bufs(); return [fs.readvSync(fd, b, 2), b]; },
      (fs, fd) => { const b = [Buffer.alloc(4)]; return [fs.readvSync(fd, b, 1), b]; },
      (fs, fd) => { const b = bufs(); return [fs.readvSync(fd, b, '2'), b]; },
      (fs, fd) => { const b = bufs(); return [fs.readvSync(fd, b, 1.5), b]; },
      (fs, fd) => fs.readvSync(fd, []),
      (fs, fd) => fs.readvSync(fd, 'x'),
      (fs, fd) => fs.readvSync(fd, [Buffer.alloc(1), 'x']),
      (fs, fd) => fs.writevSync(fd, [Buffer.from('ab'), new Uint8Array([67]), Buffer.alloc(0), Buffer.from('de')]),
      (fs, fd) => fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 3),
      (fs, fd) => fs.writevSync(fd, [Buffer.from('ab')], 8),
      (fs, fd) => fs.writevSync(fd, []),
      (fs, fd) => fs.writevSync(fd, {}),
      (fs, fd) => fs.writevSync(fd, [1]),
    ];
    calls.forEach((call, i) => {
      it(`call ${i}: ${call.toString().slice(12, 90)}`, () => {
        same(onFd('r+', call), { setup: withFile('abcdefghij'), after: fileContent });
      });
    });
    it('many buffers (more than IOV_MAX)', () => {
      same(onFd('r+', (fs, fd) => {
        const list = Array.from({ length: 1500 }, (_, i) => Buffer.from([65 + (i % 26)]));
        return [fs.writevSync(fd, list, 0), fs.readvSync(fd, list.map(() => Buffer.alloc(1)), 0)];
      }), { setup: withFile(''), after: fileContent });
    });
    it('kernel errors', () => {
      sameError((fs) => fs.readvSync(99999, [Buffer.alloc(1)]));
      sameError((fs) => fs.writevSync(99999, [Buffer.alloc(1)]));
      same((fs) => fs.readvSync(99999, []));
    });
  });

  describe('readFileSync', () => {
    const contents = ['', 'hello', 'héllo wörld\n', 'x'.repeat(70000), Buffer.from([0xff, 0xfe, 0x00, 0xc3])];
    contents.forEach((content, i) => {
      for (const opt of [undefined, 'utf8', 'utf-8', 'latin1', 'hex', 'base64', 'base64url', 'ucs2',
        'ascii', 'buffer', { encoding: 'utf8' }, { encoding: null }, { flag: 'r+' }, { flag: 'a+', encoding: 'utf8' }]) {
        it(`content ${i} with ${JSON.stringify(opt)}`, () => {
          same((fs, box) => fs.readFileSync(path.join(box, 'f'), opt), { setup: withFile(content) });
        });
      }
    });
    it('a large file (3 MiB) in both forms', () => {
      const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'abcdefg');
      const r = same((fs, box) => {
        const b = fs.readFileSync(path.join(box, 'f'));
        const s = fs.readFileSync(path.join(box, 'f'), 'utf8');
        return [b.length, s.length, b.equals(big), s === big.toString()];
      }, { setup: withFile(big) });
      assert.match(r.value, /true, true/);
    });
    it('files the kernel gives no size for', () => {
      for (const p of ['/proc/self/status', '/proc/self/maps', '/proc/version', '/proc/cpuinfo']) {
        const a = nodeFs.readFileSync(p, 'utf8').split('\n')[0];
        assert.strictEqual(ufs.readFileSync(p, 'utf8').split('\n')[0], a);
        assert.ok(ufs.readFileSync(p).length > 0);
      }
      assert.strictEqual(ufs.readFileSync('/proc/version', 'latin1'), nodeFs.readFileSync('/proc/version', 'latin1'));
    });
    it('from a file descriptor (current position, not closed)', () => {
      same(onFd('r', (fs, fd) => [fs.readSync(fd, Buffer.alloc(2)), fs.readFileSync(fd, 'utf8'), fs.readFileSync(fd)]),
        { setup: withFile('abcdef') });
      same(onFd('r', (fs, fd) => [fs.readFileSync(fd), fs.fstatSync(fd).size]), { setup: withFile('abcdef') });
    });
    it('errors', () => {
      sameError((fs, box) => fs.readFileSync(path.join(box, 'nope')));
      sameError((fs, box) => fs.readFileSync(path.join(box, 'nope'), 'utf8'));
      sameError((fs, box) => fs.readFileSync(box));
      sameError((fs, box) => fs.readFileSync(box, 'utf8'));
      sameError((fs) => fs.readFileSync(99999));
      sameError((fs) => fs.readFileSync(99999, 'utf8'));
      sameError((fs) => fs.readFileSync(-1));
      sameError((fs) => fs.readFileSync(-1, 'utf8'));
      sameError((fs) => fs.readFileSync(2 ** 31));
      sameError((fs, box) => fs.readFileSync(path.join(box, 'f'), { flag: 'q' }), { setup: withFile('x') });
      sameError((fs, box) => fs.readFileSync(path.join(box, 'f'), { flag: 'q', encoding: 'utf8' }), { setup: withFile('x') });
      sameError((fs, box) => fs.readFileSync(path.join(box, 'f'), 'bogus'), { setup: withFile('x') });
      sameError((fs, box) => fs.readFileSync(path.join(box, 'f'), 5), { setup: withFile('x') });
      sameError((fs, box) => fs.readFileSync(path.join(box, 'f'), { signal: 1 }), { setup: withFile('x') });
      sameError(onFd('w', (fs, fd) => fs.readFileSync(fd)), { setup: withFile('x') });
      sameError(onFd('w', (fs, fd) => fs.readFileSync(fd, 'utf8')), { setup: withFile('x') });
    });
    it('path values of every kind', () => {
      for (const p of junk) {
        if (p === 0 || p === 1 || p === -0) continue; // stdin/stdout
        same((fs) => fs.readFileSync(p));
        same((fs) => fs.readFileSync(p, 'utf8'));
      }
    });
  });

  describe('writeFileSync and appendFileSync', () => {
    const datas = ['hello', 'héllo', '', 'x'.repeat(100000), Buffer.from('buf'), new Uint16Array([0x4241]),
      new DataView(new Uint8Array([67, 68]).buffer), new Float32Array([1.5])];
    datas.forEach((data, i) => {
      for (const opt of [undefined, 'utf8', 'latin1', 'hex', 'base64', { mode: 0o600 }, { flag: 'a' },
        { flag: 'wx' }, { encoding: 'ucs2', flag: 'w' }, { flush: true }, { flag: '' }]) {
        it(`data ${i} with ${JSON.stringify(opt)}`, () => {
          const after = (fs, box) => [fileContent(fs, box), (nodeFs.statSync(path.join(box, 'f')).mode & 0o777).toString(8)];
          same((fs, box) => fs.writeFileSync(path.join(box, 'f'), data, opt), { setup: withFile('old'), after });
          same((fs, box) => fs.appendFileSync(path.join(box, 'f'), data, opt), { setup: withFile('old'), after });
          same((fs, box) => fs.writeFileSync(path.join(box, 'f'), data, opt), { after });
        });
      }
    });
    it('an error after a short write is thrown, not a partial success (EFBIG past the file size limit)', () => {
      // In a child under `ulimit -f 1` (512 bytes): the first write is short,
      // the next fails with EFBIG (Node ignores SIGXFSZ). Node and unode alike.
      const { spawnSync } = require('child_process');
      const os = require('os');
      const dir = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'unode-efbig-'));
      const script = `const fs = require(process.argv[1]);
        const f = require('path').join(${JSON.stringify(dir)}, 'f'), big = '.'.repeat(1 << 16);
        for (const [l, fn] of [['writeFileSync', () => fs.writeFileSync(f, big)],
          ['writeFileSync utf8', () => fs.writeFileSync(f, big, 'utf8')],
          ['appendFileSync', () => fs.appendFileSync(f, big)],
          ['writeFileSync Buffer', () => fs.writeFileSync(f, Buffer.from(big))],
          ['writeFileSync latin1', () => fs.writeFileSync(f, big, 'latin1')]]) {
          try { fn(); console.log(l, 'no error'); } catch (e) { console.log(l, e.code, e.syscall); }
          console.log(require('fs').statSync(f).size);
        }`;
      try {
        const run = (mod) => spawnSync('sh', ['-c', 'ulimit -f 1 && exec "$0" -e "$1" "$2"', process.execPath, script, mod],
          { encoding: 'utf8' });
        const n = run('fs');
        const u = run(path.join(__dirname, '..', '..', 'unode', 'lib', 'fs.js'));
        assert.strictEqual(n.status, 0, n.stderr);
        assert.match(n.stdout, /^writeFileSync EFBIG write\n512\n/);
        assert.strictEqual(u.stdout, n.stdout, u.stderr);
      } finally {
        nodeFs.rmSync(dir, { recursive: true, force: true });
      }
    });
    it('to a file descriptor', () => {
      same(onFd('r+', (fs, fd) => [fs.writeFileSync(fd, 'AB'), fs.writeFileSync(fd, Buffer.from('CD')), fs.appendFileSync(fd, 'E')]),
        { setup: withFile('0123456789'), after: fileContent });
    });
    it('errors', () => {
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'no', 'f'), 'x'));
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'no', 'f'), Buffer.from('x')));
      sameError((fs, box) => fs.writeFileSync(box, 'x'));
      sameError((fs, box) => fs.writeFileSync(box, Buffer.from('x')));
      sameError((fs) => fs.writeFileSync(99999, 'x'));
      sameError((fs) => fs.writeFileSync(99999, Buffer.from('x')));
      sameError((fs) => fs.writeFileSync(-1, 'x'));
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'f'), 'x', { mode: 'q' }));
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'f'), Buffer.from('x'), { mode: 'q' }));
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'f'), 'x', { flag: 'q' }));
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'f'), 'x', { flush: 1 }));
      sameError((fs, box) => fs.writeFileSync(path.join(box, 'f'), 'x', { flag: 'wx' }), { setup: withFile('x') });
      sameError((fs, box) => fs.appendFileSync(path.join(box, 'f'), 'x', { flag: 'ax' }), { setup: withFile('x') });
      sameError(onFd('r', (fs, fd) => fs.writeFileSync(fd, 'x')), { setup: withFile('x') });
      for (const d of [5, null, undefined, {}, [1], true, 5n]) {
        sameError((fs, box) => fs.writeFileSync(path.join(box, 'f'), d));
        sameError((fs, box) => fs.appendFileSync(path.join(box, 'f'), d));
      }
    });
  });

  describe('truncate, ftruncate, fsync, fdatasync', () => {
    for (const len of [undefined, 0, 3, 20, -5, 1.5, '3', null, 2 ** 53]) {
      it(`len ${String(len)}`, () => {
        same((fs, box) => fs.truncateSync(path.join(box, 'f'), len), { setup: withFile('0123456789'), after: fileContent });
        same(onFd('r+', (fs, fd) => fs.ftruncateSync(fd, len)), { setup: withFile('0123456789'), after: fileContent });
      });
    }
    it('errors', () => {
      sameError((fs, box) => fs.truncateSync(path.join(box, 'nope')));
      sameError((fs, box) => fs.truncateSync(box));
      sameError((fs) => fs.ftruncateSync(99999));
      sameError(onFd('r', (fs, fd) => fs.ftruncateSync(fd)), { setup: withFile('x') });
      for (const fd of noSymbols) {
        same((fs) => fs.ftruncateSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd));
        same((fs) => fs.fsyncSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd));
        same((fs) => fs.fdatasyncSync(fd === 0 || fd === 1 || fd === -0 ? 99999 : fd));
      }
    });
    it('fsync and fdatasync of a file', () => {
      same(onFd('r+', (fs, fd) => [fs.fsyncSync(fd), fs.fdatasyncSync(fd)]), { setup: withFile('x') });
    });
    it('truncate with an fd warns (DEP0081) and truncates', () => {
      same(onFd('r+', (fs, fd) => fs.truncateSync(fd, 2)), { setup: withFile('0123'), after: fileContent });
    });
  });
});
