'use strict';
// The smaller structs through the real system calls, compared with what Node
// or the kernel reports for the same thing.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const { spawn } = require('child_process');
const { syscall } = require('libsys');
const nr = require('../../../libjs/sysnr');
const c = require('../../../libjs/constants');
const { EINVAL, EADDRNOTAVAIL } = require('../../../libjs/errno');
const s = require('../../../libjs/struct');

const close = (...fds) => fds.forEach((fd) => syscall(nr.close, fd));

describe('libjs/struct small structs', () => {
  it('utsname agrees with os', () => {
    const buf = Buffer.alloc(s.utsname.SIZE);
    assert.strictEqual(syscall(nr.uname, buf), 0);
    const u = s.utsname.decode(buf);
    assert.strictEqual(u.sysname, os.type());
    assert.strictEqual(u.release, os.release());
    assert.strictEqual(u.nodename, os.hostname());
    assert.strictEqual(u.version, os.version());
    assert.strictEqual(u.machine, os.machine());
  });

  it('sysinfo agrees with os (totalmem, uptime, loadavg)', () => {
    const buf = Buffer.alloc(s.sysinfo.SIZE);
    assert.strictEqual(syscall(nr.sysinfo, buf), 0);
    const i = s.sysinfo.decode(buf);
    assert.strictEqual(i.totalram * i.memUnit, os.totalmem());
    assert.ok(Math.abs(i.freeram * i.memUnit - os.freemem()) < os.totalmem() / 10);
    assert.ok(Math.abs(i.uptime - os.uptime()) <= 2);
    const la = s.sysinfo.loadavg(i);
    os.loadavg().forEach((v, k) => assert.ok(Math.abs(v - la[k]) < 0.5, `loadavg[${k}]`));
    const big = s.sysinfo.decodeBigInt(buf);
    assert.strictEqual(big.totalram, BigInt(i.totalram));
    assert.strictEqual(typeof big.procs, 'number');
  });

  it('rlimit round-trips through prlimit64, RLIM_INFINITY as Infinity and ~0n', () => {
    const old = Buffer.alloc(16);
    assert.strictEqual(syscall(nr.prlimit64, 0, c.RLIMIT_NOFILE, null, old), 0);
    const { cur, max } = s.rlimit.decode(old);
    assert.ok(cur > 0 && cur <= max);
    const lower = s.rlimit.encode(null, cur - 1, max);
    const was = Buffer.alloc(16);
    assert.strictEqual(syscall(nr.prlimit64, 0, c.RLIMIT_NOFILE, lower, was), 0);
    assert.deepStrictEqual(s.rlimit.decode(was), { cur, max });
    const now = Buffer.alloc(16);
    assert.strictEqual(syscall(nr.prlimit64, 0, c.RLIMIT_NOFILE, old, now), 0);
    assert.deepStrictEqual(s.rlimit.decodeBigInt(now), { cur: BigInt(cur - 1), max: BigInt(max) });
    const cpu = Buffer.alloc(16);
    assert.strictEqual(syscall(nr.prlimit64, 0, c.RLIMIT_CPU, null, cpu), 0);
    assert.deepStrictEqual(s.rlimit.decode(cpu), { cur: Infinity, max: Infinity });
    assert.deepStrictEqual(s.rlimit.decodeBigInt(s.rlimit.encode(null, Infinity, 5n)), { cur: (1n << 64n) - 1n, max: 5n });
    assert.throws(() => s.rlimit.encode(null, -1, 0), TypeError);
  });

  it('rusage agrees with process.resourceUsage()', () => {
    const buf = Buffer.alloc(s.rusage.SIZE);
    const before = process.resourceUsage();
    assert.strictEqual(syscall(nr.getrusage, c.RUSAGE_SELF, buf), 0);
    const after = process.resourceUsage();
    const r = s.rusage.decode(buf);
    const ut = r.utimeSec * 1e6 + r.utimeUsec;
    assert.ok(ut >= before.userCPUTime && ut <= after.userCPUTime, 'user time between two readings');
    assert.ok(r.maxrss >= before.maxRSS && r.maxrss <= after.maxRSS);
    assert.ok(r.minflt >= before.minorPageFault && r.minflt <= after.minorPageFault);
    assert.strictEqual(r.nvcsw >= before.voluntaryContextSwitches, true);
    assert.strictEqual(s.rusage.decodeBigInt(buf).maxrss, BigInt(r.maxrss));
  });

  it('timespec and timeval: clock_gettime, gettimeofday, and itimerspec through a timerfd', () => {
    const ts = Buffer.alloc(16);
    assert.strictEqual(syscall(nr.clock_gettime, c.CLOCK_REALTIME, ts), 0);
    assert.ok(Math.abs(s.timespec.toMs(ts) - Date.now()) < 1000);
    assert.strictEqual(s.timespec.toNs(ts), s.timespec.decodeBigInt(ts).sec * 1000000000n + s.timespec.decodeBigInt(ts).nsec);
    const tv = Buffer.alloc(16);
    assert.strictEqual(syscall(nr.gettimeofday, tv, null), 0);
    assert.ok(Math.abs(s.timeval.toMs(tv) - Date.now()) < 1000);
    assert.ok(s.timeval.decode(tv).usec < 1e6);

    const tfd = syscall(nr.timerfd_create, c.CLOCK_MONOTONIC, c.TFD_CLOEXEC);
    try {
      const its = s.itimerspec.encode(null, { interval: { sec: 2, nsec: 500000000 }, value: { sec: 100, nsec: 1 } });
      assert.strictEqual(syscall(nr.timerfd_settime, tfd, 0, its, null), 0);
      const cur = Buffer.alloc(32);
      assert.strictEqual(syscall(nr.timerfd_gettime, tfd, cur), 0);
      const g = s.itimerspec.decode(cur);
      assert.deepStrictEqual(g.interval, { sec: 2, nsec: 500000000 });
      assert.ok(g.value.sec === 99 || g.value.sec === 100);
      assert.deepStrictEqual(s.itimerspec.decodeBigInt(cur).interval, { sec: 2n, nsec: 500000000n });
      // Milliseconds form, and the kernel refuses nsec >= 1e9 (the codec first).
      s.itimerspec.encodeMs(its, 1500.25, 10);
      assert.deepStrictEqual(s.itimerspec.decode(its), { interval: { sec: 0, nsec: 10000000 }, value: { sec: 1, nsec: 500250000 } });
      assert.throws(() => s.timespec.encode(ts, 1, 1e9), TypeError);
      its.writeBigInt64LE(1000000000n, 8);
      assert.strictEqual(syscall(nr.timerfd_settime, tfd, 0, its, null), -EINVAL);
    } finally {
      close(tfd);
    }
    s.timespec.encodeNs(ts, -1n);
    assert.deepStrictEqual(s.timespec.decode(ts), { sec: -1, nsec: 999999999 });
    s.timespec.encodeNs(ts, 2n ** 62n + 7n);
    assert.strictEqual(s.timespec.toNs(ts), 2n ** 62n + 7n);
    s.timespec.encodeMs(ts, 1234.5678);
    assert.deepStrictEqual(s.timespec.decode(ts), { sec: 1, nsec: 234567800 });
    const odd = Buffer.alloc(19).subarray(3);
    s.timespec.encode(odd, 5, 6);
    assert.deepStrictEqual(s.timespec.decode(odd), { sec: 5, nsec: 6 });
    assert.strictEqual(odd.readBigInt64LE(0), 5n);
  });

  it('signalfd_siginfo: a blocked signal read from a signalfd', () => {
    const sig = c.SIGUSR2;
    const mask = Buffer.alloc(8);
    mask.writeBigUInt64LE(1n << BigInt(sig - 1));
    const old = Buffer.alloc(8);
    assert.strictEqual(syscall(nr.rt_sigprocmask, c.SIG_BLOCK, mask, old, 8), 0);
    const fd = syscall(nr.signalfd4, -1, mask, 8, c.SFD_CLOEXEC | c.SFD_NONBLOCK);
    try {
      assert.ok(fd >= 0);
      assert.strictEqual(syscall(nr.tgkill, process.pid, syscall(nr.gettid), sig), 0);
      const buf = Buffer.alloc(s.signalfd_siginfo.SIZE);
      assert.strictEqual(syscall(nr.read, fd, buf, buf.length), 128);
      const i = s.signalfd_siginfo.decode(buf);
      assert.strictEqual(i.signo, sig);
      assert.strictEqual(i.pid, process.pid);
      assert.strictEqual(i.uid, process.getuid());
      assert.strictEqual(i.code, -6); // SI_TKILL
    } finally {
      close(fd);
      syscall(nr.rt_sigprocmask, c.SIG_SETMASK, old, null, 8);
    }
  });

  it('winsize round-trips through TIOCSWINSZ/TIOCGWINSZ on a pseudo-terminal', function () {
    const fd = syscall(nr.openat, c.AT_FDCWD, '/dev/ptmx', c.O_RDWR | c.O_NOCTTY | c.O_CLOEXEC);
    if (fd < 0) {
      console.log(`      (skipped: no pseudo-terminal here, open /dev/ptmx: ${fd})`);
      return this.skip();
    }
    try {
      const ws = s.winsize.encode(null, { row: 42, col: 132, xpixel: 7, ypixel: 9 });
      assert.strictEqual(syscall(nr.ioctl, fd, c.TIOCSWINSZ, ws), 0);
      const got = Buffer.alloc(8);
      assert.strictEqual(syscall(nr.ioctl, fd, c.TIOCGWINSZ, got), 0);
      assert.deepStrictEqual(s.winsize.decode(got), { row: 42, col: 132, xpixel: 7, ypixel: 9 });
    } finally {
      close(fd);
    }
  });

  it('statfs agrees with fs.statfsSync', () => {
    const buf = Buffer.alloc(s.statfs.SIZE);
    assert.strictEqual(syscall(nr.statfs, os.tmpdir(), buf), 0);
    const st = s.statfs.decode(buf);
    const node = fs.statfsSync(os.tmpdir());
    for (const k of ['type', 'bsize', 'blocks', 'files']) assert.strictEqual(st[k], node[k], k);
    assert.ok(Math.abs(st.bfree - node.bfree) < 1024);
    const big = s.statfs.decodeBigInt(buf);
    assert.strictEqual(big.blocks, fs.statfsSync(os.tmpdir(), { bigint: true }).blocks);
  });

  it('siginfo from waitid on a child that exits with 7', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(7)'], { stdio: 'ignore' });
    // WNOWAIT leaves the child for Node to reap; waitid blocks until it exits.
    const buf = Buffer.alloc(s.siginfo.SIZE);
    assert.strictEqual(syscall(nr.waitid, c.P_PID, child.pid, buf, c.WEXITED | c.WNOWAIT, null), 0);
    const i = s.siginfo.decode(buf);
    assert.strictEqual(i.signo, c.SIGCHLD);
    assert.strictEqual(i.code, c.CLD_EXITED);
    assert.strictEqual(i.pid, child.pid);
    assert.strictEqual(i.status, 7);
    assert.strictEqual(i.uid, process.getuid());
    const code = await new Promise((res) => child.on('exit', res));
    assert.strictEqual(code, 7);
  });

  it('ucred from SO_PEERCRED and linger through SO_LINGER', () => {
    const sv = new Int32Array(2);
    assert.strictEqual(syscall(nr.socketpair, c.AF_UNIX, c.SOCK_STREAM | c.SOCK_CLOEXEC, 0, sv), 0);
    try {
      const cred = Buffer.alloc(12), len = Buffer.alloc(4);
      len.writeUInt32LE(12);
      assert.strictEqual(syscall(nr.getsockopt, sv[0], c.SOL_SOCKET, c.SO_PEERCRED, cred, len), 0);
      assert.deepStrictEqual(s.ucred.decode(cred), { pid: process.pid, uid: process.getuid(), gid: process.getgid() });
      const l = s.linger.encode(null, { onoff: 1, linger: 17 });
      assert.strictEqual(syscall(nr.setsockopt, sv[0], c.SOL_SOCKET, c.SO_LINGER, l, 8), 0);
      const back = Buffer.alloc(8);
      len.writeUInt32LE(8);
      assert.strictEqual(syscall(nr.getsockopt, sv[0], c.SOL_SOCKET, c.SO_LINGER, back, len), 0);
      assert.deepStrictEqual(s.linger.decode(back), { onoff: 1, linger: 17 });
    } finally {
      close(sv[0], sv[1]);
    }
  });

  it('ip_mreq / ip_mreqn / ipv6_mreq: the kernel finds the group we joined', () => {
    const fd = syscall(nr.socket, c.AF_INET, c.SOCK_DGRAM | c.SOCK_CLOEXEC, 0);
    const fd6 = syscall(nr.socket, c.AF_INET6, c.SOCK_DGRAM | c.SOCK_CLOEXEC, 0);
    try {
      const m = Buffer.alloc(s.ip_mreqn.SIZE);
      assert.strictEqual(s.ip_mreqn.encode(m, '239.1.2.3', '0.0.0.0', 1), 12); // ifindex 1: lo
      const joined = syscall(nr.setsockopt, fd, c.IPPROTO_IP, c.IP_ADD_MEMBERSHIP, m, 12);
      assert.strictEqual(joined, 0);
      const other = Buffer.alloc(s.ip_mreq.SIZE);
      s.ip_mreq.encode(other, '239.1.2.4', '127.0.0.1');
      assert.strictEqual(syscall(nr.setsockopt, fd, c.IPPROTO_IP, c.IP_DROP_MEMBERSHIP, other, 8), -EADDRNOTAVAIL);
      s.ip_mreq.encode(other, '239.1.2.3', '127.0.0.1');
      assert.strictEqual(syscall(nr.setsockopt, fd, c.IPPROTO_IP, c.IP_DROP_MEMBERSHIP, other, 8), 0);
      assert.deepStrictEqual(s.ip_mreq.decode(other), { multiaddr: '239.1.2.3', interface: '127.0.0.1' });
      assert.deepStrictEqual(s.ip_mreqn.decode(m), { multiaddr: '239.1.2.3', address: '0.0.0.0', ifindex: 1 });

      const m6 = Buffer.alloc(s.ipv6_mreq.SIZE);
      assert.strictEqual(s.ipv6_mreq.encode(m6, 'ff02::1:2', 1), 20);
      assert.strictEqual(syscall(nr.setsockopt, fd6, c.IPPROTO_IPV6, c.IPV6_ADD_MEMBERSHIP, m6, 20), 0);
      assert.strictEqual(syscall(nr.setsockopt, fd6, c.IPPROTO_IPV6, c.IPV6_ADD_MEMBERSHIP, m6, 20), -(require('../../../libjs/errno').EADDRINUSE));
      assert.deepStrictEqual(s.ipv6_mreq.decode(m6), { multiaddr: 'ff02::1:2', interface: 1 });
      assert.strictEqual(s.ip_mreq.encode(other, 'x', '0.0.0.0'), -EINVAL);
    } finally {
      close(fd, fd6);
    }
  });

  it('netlink: an RTM_GETADDR dump lists what os.networkInterfaces() lists', () => {
    const fd = syscall(nr.socket, c.AF_NETLINK, c.SOCK_RAW | c.SOCK_CLOEXEC, c.NETLINK_ROUTE);
    assert.ok(fd >= 0);
    try {
      const req = s.nlmsg.request(c.RTM_GETADDR, c.NLM_F_REQUEST | c.NLM_F_DUMP, 1, s.ifaddrmsg.encode(null, { family: 0 }));
      assert.strictEqual(req.readUInt32LE(0), 16 + 8);
      const kernel = Buffer.alloc(12);
      assert.strictEqual(s.sockaddr_nl.encode(kernel, 0, 0), 12);
      assert.strictEqual(syscall(nr.sendto, fd, req, req.length, 0, kernel, 12), req.length);
      const found = [];
      const buf = Buffer.alloc(65536);
      for (let done = false; !done;) {
        const n = syscall(nr.recvfrom, fd, buf, buf.length, 0, null, null);
        assert.ok(n > 0, `recvfrom: ${n}`);
        for (const m of s.nlmsg.messages(buf, n)) {
          assert.strictEqual(m.seq, 1);
          if (m.type === c.NLMSG_DONE) { done = true; break; }
          assert.notStrictEqual(m.type, c.NLMSG_ERROR);
          const ifa = s.ifaddrmsg.decode(m.payload);
          const attrs = s.nlmsg.attributes(m.payload, s.ifaddrmsg.SIZE);
          const a = attrs.find((x) => x.type === c.IFA_ADDRESS);
          const label = attrs.find((x) => x.type === c.IFA_LABEL);
          const address = ifa.family === c.AF_INET ? s.inet.format4(a.data, 0) : s.inet.format6(a.data, 0);
          found.push({ address, prefixlen: ifa.prefixlen, index: ifa.index, label: label && Buffer.from(label.data).toString().replace(/\0.*$/, '') });
        }
      }
      const nodeList = Object.entries(os.networkInterfaces()).flatMap(([name, as]) => as.map((a) => ({ name, ...a })));
      for (const a of nodeList) {
        const f = found.find((x) => x.address === a.address.split('%')[0]);
        assert.ok(f, `${a.address} on ${a.name} found through netlink`);
        const prefix = a.cidr ? Number(a.cidr.split('/')[1]) : null;
        if (prefix !== null) assert.strictEqual(f.prefixlen, prefix, a.address);
        if (a.family === 'IPv4') assert.strictEqual(f.label, a.name);
      }
      assert.ok(found.some((x) => x.address === '127.0.0.1' && x.prefixlen === 8));
    } finally {
      close(fd);
    }
  });

  it('open_how: openat2 opens with the encoded flags and refuses unknown bits', function () {
    const how = s.open_how.encode(null, { flags: c.O_RDONLY | c.O_CLOEXEC, mode: 0, resolve: c.RESOLVE_NO_SYMLINKS });
    const fd = syscall(nr.openat2, c.AT_FDCWD, '/etc/hostname', how, s.open_how.SIZE);
    if (fd === -38) {
      console.log('      (skipped: this kernel has no openat2)');
      return this.skip();
    }
    assert.ok(fd >= 0, `openat2: ${fd}`);
    close(fd);
    s.open_how.encode(how, { flags: 2n ** 40n });
    assert.strictEqual(syscall(nr.openat2, c.AT_FDCWD, '/etc/hostname', how, s.open_how.SIZE), -EINVAL);
    assert.deepStrictEqual(s.open_how.decodeBigInt(how), { flags: 2n ** 40n, mode: 0n, resolve: BigInt(c.RESOLVE_NO_SYMLINKS) });
  });
});
