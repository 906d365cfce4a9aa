'use strict';
const assert = require('assert');
const fs = require('fs');
const tty = require('tty');
const { spawnSync } = require('child_process');
const L = require('../../libjs');
const { tmpdir, pipe } = require('./helpers');

const { E } = L;
const TIOCGPTN = 0x80045430; // _IOR('T', 0x30, unsigned int)
const TIOCSPTLCK = 0x40045431; // _IOW('T', 0x31, int)

// A pseudo-terminal: [master fd, slave fd].
function openpty() {
  const m = L.open('/dev/ptmx', L.O_RDWR | L.O_NOCTTY | L.O_CLOEXEC);
  assert.ok(m >= 0, `ptmx: ${m}`);
  assert.strictEqual(L.ioctl(m, TIOCSPTLCK, new Int32Array([0])), 0);
  const n = new Uint32Array(1);
  assert.strictEqual(L.ioctl(m, TIOCGPTN, n), 0);
  const s = L.open(`/dev/pts/${n[0]}`, L.O_RDWR | L.O_NOCTTY | L.O_CLOEXEC);
  assert.ok(s >= 0, `pts: ${s}`);
  return [m, s];
}

// A filesystem that can share extents (XFS or btrfs on a loop device), or
// null with the reason it cannot be made here.
function reflinkMount(dir) {
  if (process.getuid() !== 0) return { reason: 'not root (a loop mount needs root)' };
  for (const [mkfs, args] of [['mkfs.xfs', ['-q', '-m', 'reflink=1']], ['mkfs.btrfs', ['-q']]]) {
    if (spawnSync('sh', ['-c', `command -v ${mkfs}`]).status !== 0) continue;
    const img = `${dir}/fs.img`, mnt = `${dir}/mnt`;
    fs.writeFileSync(img, '');
    fs.truncateSync(img, 320 << 20);
    fs.mkdirSync(mnt);
    if (spawnSync(mkfs, [...args, img]).status !== 0) continue;
    const m = spawnSync('mount', ['-o', 'loop', img, mnt], { encoding: 'utf8' });
    if (m.status !== 0) return { reason: `mount -o loop failed: ${m.stderr.trim()}` };
    return { mnt, umount: () => spawnSync('umount', [mnt]) };
  }
  return { reason: 'neither mkfs.xfs (xfsprogs) nor mkfs.btrfs (btrfs-progs) is installed' };
}

describe('libjs/ioctl', () => {
  it('ioctl_tiocgwinsz: the size tty.WriteStream reports for a pty', () => {
    const [m, s] = openpty();
    try {
      const ws = new Uint16Array([33, 111, 0, 0]); // rows, cols, xpixel, ypixel
      assert.strictEqual(L.ioctl(m, L.TIOCSWINSZ, ws), 0);
      const got = new Uint16Array(4);
      assert.strictEqual(L.ioctl_tiocgwinsz(s, got), 0);
      assert.deepStrictEqual([...got], [33, 111, 0, 0]);
      const stream = new tty.WriteStream(L.dup(s));
      try {
        assert.deepStrictEqual(stream.getWindowSize(), [111, 33]);
      } finally {
        stream.destroy();
      }
      const f = L.open(__filename, L.O_RDONLY);
      try {
        assert.strictEqual(L.ioctl_tiocgwinsz(f, got), -E.ENOTTY);
      } finally {
        L.close(f);
      }
      assert.strictEqual(L.ioctl_tiocgwinsz(-1, got), -E.EBADF);
      assert.throws(() => L.ioctl_tiocgwinsz(s, new Uint16Array(3)), /ws must be at least 8 bytes/);
    } finally {
      L.close(m);
      L.close(s);
    }
  });

  it('ioctl_fionread, and FIONREAD through ioctl', () => {
    const [r, w] = pipe();
    try {
      assert.strictEqual(L.ioctl_fionread(r), 0);
      L.write(w, Buffer.from('12345'), 5);
      assert.strictEqual(L.ioctl_fionread(r), 5);
      const n = new Int32Array(1);
      assert.strictEqual(L.ioctl(r, L.FIONREAD, n), 0);
      assert.strictEqual(n[0], 5);
      assert.strictEqual(L.ioctl_fionread(-1), -E.EBADF);
    } finally {
      L.close(r);
      L.close(w);
    }
  });

  it('ioctl: a buffer is checked against the size the request encodes or libjs knows', () => {
    const f = L.open(__filename, L.O_RDONLY);
    try {
      const flags = new BigInt64Array(1);
      const r = L.ioctl(f, L.FS_IOC_GETFLAGS, flags);
      assert.ok(r === 0 || r === -E.ENOTTY || r === -E.EOPNOTSUPP, `${r}`);
      assert.throws(() => L.ioctl(f, L.FS_IOC_GETFLAGS, new Int32Array(1)), /arg must be at least 8 bytes/);
      assert.throws(() => L.ioctl(f, L.TIOCGWINSZ, new Uint8Array(4)), TypeError);
      assert.throws(() => L.ioctl(f, 0x5499, Buffer.alloc(64)), /does not say how large its argument is/);
      assert.strictEqual(L.ioctl(f, L.BLKGETSIZE64, new BigUint64Array(1)), -E.ENOTTY);
      assert.strictEqual(L.ioctl(f, L.FIONBIO, new Int32Array([1])), 0);
    } finally {
      L.close(f);
    }
  });

  it('ioctl_ficlone: errors where extents cannot be shared', () => {
    const t = tmpdir();
    try {
      const a = L.open(t.file('a'), L.O_CREAT | L.O_RDWR, 0o644);
      const b = L.open(t.file('b'), L.O_CREAT | L.O_RDWR, 0o644);
      try {
        L.write(a, Buffer.alloc(4096, 1), 4096);
        const r = L.ioctl_ficlone(b, a);
        // ext4 and tmpfs cannot share extents; a reflink filesystem can.
        assert.ok([0, -E.EOPNOTSUPP, -E.EXDEV, -E.EINVAL].includes(r), `${r}`);
        assert.strictEqual(L.ioctl_ficlone(b, -1), -E.EBADF);
        const [pr, pw] = pipe();
        try {
          assert.strictEqual(L.ioctl_ficlone(pw, a), -E.EXDEV, 'a pipe lives on another filesystem');
        } finally {
          L.close(pr);
          L.close(pw);
        }
      } finally {
        L.close(a);
        L.close(b);
      }
    } finally {
      t.cleanup();
    }
  });

  it('ioctl_ficlone: shares the data on a reflink filesystem (XFS or btrfs on a loop device)', function () {
    this.timeout(60000);
    const t = tmpdir();
    const m = reflinkMount(t.dir);
    try {
      if (!m.mnt) {
        this.test.title += ` [skipped: ${m.reason}]`;
        this.skip();
      }
      const a = L.open(`${m.mnt}/a`, L.O_CREAT | L.O_RDWR, 0o644);
      const b = L.open(`${m.mnt}/b`, L.O_CREAT | L.O_RDWR, 0o644);
      try {
        const data = Buffer.alloc(65536, 'r');
        assert.strictEqual(L.write(a, data, data.length), data.length);
        assert.strictEqual(L.fsync(a), 0);
        assert.strictEqual(L.ioctl_ficlone(b, a), 0);
        assert.ok(fs.readFileSync(`${m.mnt}/b`).equals(data));
      } finally {
        L.close(a);
        L.close(b);
      }
    } finally {
      if (m.umount) m.umount();
      t.cleanup();
    }
  });
});
