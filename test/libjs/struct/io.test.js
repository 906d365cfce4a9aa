'use strict';
// epoll_event, iovec, msghdr/cmsghdr (SCM_RIGHTS), pollfd and inotify_event
// through the real system calls.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { syscall } = require('libsys');
const nr = require('../../../libjs/sysnr');
const c = require('../../../libjs/constants');
const { EINVAL } = require('../../../libjs/errno');
const { epoll_event, iovec, msghdr, cmsg, pollfd, inotify_event } = require('../../../libjs/struct');

function pipe() {
  const fds = new Int32Array(2);
  assert.strictEqual(syscall(nr.pipe2, fds, c.O_CLOEXEC | c.O_NONBLOCK), 0);
  return [fds[0], fds[1]];
}
const close = (...fds) => fds.forEach((fd) => syscall(nr.close, fd));

describe('libjs/struct I/O structs', () => {
  describe('epoll_event', () => {
    it('round-trips events and data through epoll_ctl and epoll_wait on a pipe', () => {
      const ep = syscall(nr.epoll_create1, c.EPOLL_CLOEXEC);
      const [r, w] = pipe();
      try {
        const ev = Buffer.alloc(epoll_event.SIZE);
        const token = 2 ** 40 + 12345; // more than 32 bits of data
        epoll_event.encode(ev, c.EPOLLIN, token);
        assert.strictEqual(syscall(nr.epoll_ctl, ep, c.EPOLL_CTL_ADD, r, ev), 0);
        epoll_event.encode(ev, c.EPOLLOUT, 0xfedcba9876543210n);
        assert.strictEqual(syscall(nr.epoll_ctl, ep, c.EPOLL_CTL_ADD, w, ev), 0);
        const evs = new epoll_event.EpollEvents(8);
        const waitNr = nr.epoll_wait !== undefined ? nr.epoll_wait : nr.epoll_pwait;
        let n = syscall(waitNr, ep, evs.buffer, 8, 0, 0, 8);
        assert.strictEqual(n, 1); // only the write end is ready
        assert.strictEqual(evs.events(0), c.EPOLLOUT);
        assert.strictEqual(evs.dataBigInt(0), 0xfedcba9876543210n);
        assert.strictEqual(epoll_event.dataBigInt(evs.buffer, 0), 0xfedcba9876543210n);
        assert.strictEqual(syscall(nr.write, w, Buffer.from('x'), 1), 1);
        n = syscall(waitNr, ep, evs.buffer, 8, 0, 0, 8);
        assert.strictEqual(n, 2);
        const got = [0, 1].map((k) => epoll_event.decode(evs.buffer, k));
        const rd = got.find((e) => e.events & c.EPOLLIN);
        assert.deepStrictEqual(rd, { events: c.EPOLLIN, data: token });
        assert.deepStrictEqual(epoll_event.decodeBigInt(evs.buffer, got.indexOf(rd)), { events: c.EPOLLIN, data: BigInt(token) });
        assert.strictEqual(evs.data(got.indexOf(rd)), token);
      } finally {
        close(ep, r, w);
      }
    });

    it('encodes at an index, packed on x86-64', () => {
      const buf = Buffer.alloc(epoll_event.SIZE * 3);
      epoll_event.encode(buf, 5, 77, 2);
      assert.deepStrictEqual(epoll_event.decode(buf, 2), { events: 5, data: 77 });
      assert.strictEqual(buf.readUInt32LE(2 * epoll_event.SIZE), 5);
      assert.strictEqual(buf.readUInt32LE(2 * epoll_event.SIZE + epoll_event.layout.fields.data[0]), 77);
      assert.throws(() => epoll_event.encode(buf, 1, 1, 3), TypeError);
      assert.throws(() => epoll_event.encode(buf, 1, -1), TypeError);
      assert.throws(() => epoll_event.encode(buf, 1, 1.5), TypeError);
      assert.throws(() => epoll_event.encode(buf, 1, 2n ** 64n), TypeError);
      assert.throws(() => new epoll_event.EpollEvents(0), TypeError);
    });
  });

  describe('iovec', () => {
    it('writev gathers and readv scatters through IovecArrays', () => {
      const [r, w] = pipe();
      try {
        const parts = [Buffer.from('hello '), new Uint8Array([0x77, 0x6f]), Buffer.alloc(0), Buffer.from('rld')];
        const out = iovec.build(parts);
        assert.strictEqual(out.count, 4);
        assert.strictEqual(out.totalLength, 11);
        assert.strictEqual(syscall(nr.writev, w, out.buffer, out.count), 11);
        const a = Buffer.alloc(4), b = Buffer.alloc(3).subarray(1), d = Buffer.alloc(10);
        const into = iovec.build([a, b, d]);
        assert.strictEqual(syscall(nr.readv, r, into.buffer, into.count), 11);
        assert.strictEqual(Buffer.concat([a, b, d.subarray(0, 5)]).toString(), 'hello world');
        assert.strictEqual(iovec.decode(into.buffer, 1).len, 2);
        assert.strictEqual(iovec.decode(into.buffer, 1).base, require('libsys').addressOf(b));
      } finally {
        close(r, w);
      }
    });

    it('refuses what is not a buffer', () => {
      assert.throws(() => iovec.build(['str']), TypeError);
      assert.throws(() => iovec.build(Buffer.alloc(2)), TypeError);
      assert.throws(() => iovec.build(new Array(1025).fill(Buffer.alloc(1))), TypeError);
    });
  });

  describe('msghdr and cmsghdr', () => {
    it('CMSG helpers follow the 64-bit ABI', () => {
      assert.deepStrictEqual([cmsg.ALIGN(0), cmsg.ALIGN(1), cmsg.ALIGN(8), cmsg.ALIGN(13)], [0, 8, 8, 16]);
      assert.strictEqual(cmsg.LEN(4), 20);
      assert.strictEqual(cmsg.SPACE(4), 24);
      assert.strictEqual(cmsg.SPACE(12), 32);
    });

    it('SCM_RIGHTS passes an fd across a socketpair; the received fd reads the same file', () => {
      const sv = new Int32Array(2);
      assert.strictEqual(syscall(nr.socketpair, c.AF_UNIX, c.SOCK_STREAM | c.SOCK_CLOEXEC, 0, sv), 0);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-scm-'));
      const file = path.join(dir, 'f');
      fs.writeFileSync(file, 'the same file');
      const fd = fs.openSync(file, 'r');
      const received = [];
      try {
        const control = cmsg.encodeRights([fd, fd]);
        assert.strictEqual(control.length, cmsg.SPACE(8));
        const out = msghdr.build({ iov: [Buffer.from('x')], control });
        assert.strictEqual(syscall(nr.sendmsg, sv[0], out.buffer, 0), 1);

        const data = Buffer.alloc(8), name = Buffer.alloc(16), ctl = Buffer.alloc(cmsg.SPACE(4 * 8));
        const inn = msghdr.build({ iov: [data], control: ctl, name });
        assert.strictEqual(syscall(nr.recvmsg, sv[1], inn.buffer, c.MSG_CMSG_CLOEXEC), 1);
        const res = inn.result();
        assert.strictEqual(res.flags & c.MSG_CTRUNC, 0);
        assert.strictEqual(res.controllen, cmsg.SPACE(8));
        const msgs = cmsg.decode(ctl, res.controllen);
        assert.strictEqual(msgs.length, 1);
        assert.strictEqual(msgs[0].level, c.SOL_SOCKET);
        assert.strictEqual(msgs[0].type, c.SCM_RIGHTS);
        received.push(...msgs[0].fds);
        assert.strictEqual(received.length, 2);
        for (const rfd of received) {
          assert.notStrictEqual(rfd, fd);
          const buf = Buffer.alloc(64);
          const n = syscall(nr.pread64, rfd, buf, 64, 0);
          assert.strictEqual(buf.toString('utf8', 0, n), 'the same file');
          assert.strictEqual(fs.fstatSync(rfd).ino, fs.fstatSync(fd).ino);
        }
      } finally {
        close(...received, fd, sv[0], sv[1]);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a control buffer too small truncates (MSG_CTRUNC) and the codec reports what arrived', () => {
      const sv = new Int32Array(2);
      assert.strictEqual(syscall(nr.socketpair, c.AF_UNIX, c.SOCK_DGRAM | c.SOCK_CLOEXEC, 0, sv), 0);
      try {
        const out = msghdr.build({ iov: [Buffer.from('y')], control: cmsg.encodeRights([0, 1, 2]) });
        assert.strictEqual(syscall(nr.sendmsg, sv[0], out.buffer, 0), 1);
        const ctl = Buffer.alloc(cmsg.SPACE(4));
        const inn = msghdr.build({ iov: [Buffer.alloc(4)], control: ctl });
        assert.strictEqual(syscall(nr.recvmsg, sv[1], inn.buffer, c.MSG_CMSG_CLOEXEC), 1);
        const res = inn.result();
        assert.ok(res.flags & c.MSG_CTRUNC);
        const msgs = cmsg.decode(ctl, res.controllen);
        const fds = msgs.flatMap((m) => m.fds || []);
        // The kernel fills what fits after the header: (24 - 16) / 4 = 2 of 3.
        assert.strictEqual(fds.length, 2);
        assert.strictEqual(msgs[0].data.byteLength, 8);
        close(...fds);
      } finally {
        close(sv[0], sv[1]);
      }
    });

    it('SCM_CREDENTIALS decodes the sender (SO_PASSCRED)', () => {
      const sv = new Int32Array(2);
      assert.strictEqual(syscall(nr.socketpair, c.AF_UNIX, c.SOCK_DGRAM | c.SOCK_CLOEXEC, 0, sv), 0);
      try {
        const one = Buffer.alloc(4);
        one.writeInt32LE(1);
        assert.strictEqual(syscall(nr.setsockopt, sv[1], c.SOL_SOCKET, c.SO_PASSCRED, one, 4), 0);
        const out = msghdr.build({ iov: [Buffer.from('z')], control: cmsg.encodeCredentials(process.pid, process.getuid(), process.getgid()) });
        assert.strictEqual(syscall(nr.sendmsg, sv[0], out.buffer, 0), 1);
        const ctl = Buffer.alloc(cmsg.SPACE(12));
        const inn = msghdr.build({ iov: [Buffer.alloc(4)], control: ctl });
        assert.strictEqual(syscall(nr.recvmsg, sv[1], inn.buffer, 0), 1);
        const msgs = cmsg.decode(ctl, inn.result().controllen);
        assert.deepStrictEqual(msgs[0].cred, { pid: process.pid, uid: process.getuid(), gid: process.getgid() });
      } finally {
        close(sv[0], sv[1]);
      }
    });

    it('checks lengths and types', () => {
      assert.throws(() => msghdr.build({ name: Buffer.alloc(4), namelen: 5 }), TypeError);
      assert.throws(() => msghdr.build({ control: 'x' }), TypeError);
      assert.throws(() => cmsg.encodeRights([]), TypeError);
      assert.throws(() => cmsg.encodeRights([-1]), TypeError);
      assert.throws(() => cmsg.decode(Buffer.alloc(8), 9), TypeError);
      assert.deepStrictEqual(cmsg.decode(Buffer.alloc(8), 8), []);
    });
  });

  describe('pollfd', () => {
    it('ppoll reports revents in the encoded array', () => {
      const [r, w] = pipe();
      try {
        const fds = pollfd.encodeArray([{ fd: r, events: c.POLLIN }, { fd: w, events: c.POLLOUT }]);
        const ts = Buffer.alloc(16);
        assert.strictEqual(syscall(nr.ppoll, fds, 2, ts, null, 8), 1);
        assert.strictEqual(pollfd.revents(fds, 0), 0);
        assert.strictEqual(pollfd.revents(fds, 1), c.POLLOUT);
        syscall(nr.write, w, Buffer.from('a'), 1);
        assert.strictEqual(syscall(nr.ppoll, fds, 2, ts, null, 8), 2);
        assert.deepStrictEqual(pollfd.decode(fds, 0), { fd: r, events: c.POLLIN, revents: c.POLLIN });
        assert.throws(() => pollfd.revents(fds, 2), TypeError);
      } finally {
        close(r, w);
      }
    });
  });

  describe('inotify_event', () => {
    it('iterates the events of a real watch', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-inotify-'));
      const fd = syscall(nr.inotify_init1, c.IN_CLOEXEC | c.IN_NONBLOCK);
      try {
        const wd = syscall(nr.inotify_add_watch, fd, dir, c.IN_CREATE | c.IN_DELETE | c.IN_MOVED_FROM | c.IN_MOVED_TO);
        assert.ok(wd > 0);
        fs.writeFileSync(path.join(dir, 'nouveau-né'), '');
        fs.renameSync(path.join(dir, 'nouveau-né'), path.join(dir, 'b'));
        fs.unlinkSync(path.join(dir, 'b'));
        const buf = Buffer.alloc(4096);
        const n = syscall(nr.read, fd, buf, buf.length);
        assert.ok(n > 0);
        const evs = [...inotify_event.iterate(buf, n)];
        assert.deepStrictEqual(evs.map((e) => [e.wd, e.mask, e.name]), [
          [wd, c.IN_CREATE, 'nouveau-né'], [wd, c.IN_MOVED_FROM, 'nouveau-né'], [wd, c.IN_MOVED_TO, 'b'], [wd, c.IN_DELETE, 'b'],
        ]);
        assert.ok(evs[1].cookie !== 0 && evs[1].cookie === evs[2].cookie);
        const raw = [...inotify_event.iterate(buf, n, { encoding: 'buffer' })];
        assert.deepStrictEqual(raw[0].name, Buffer.from('nouveau-né'));
        assert.throws(() => [...inotify_event.iterate(buf, n - 1)], TypeError);
      } finally {
        syscall(nr.close, fd);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
