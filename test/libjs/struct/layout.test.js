'use strict';
// Every codec's layout against the C compiler: libsys's sizeof/offsetof/
// membersize for this machine, and, where an aarch64 cross compiler is
// installed, static assertions compiled for aarch64 from the arm64 tables.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const libsys = require('libsys');
const struct = require('../../../libjs/struct');
const stat = require('../../../libjs/struct/stat');
const epoll = require('../../../libjs/struct/epoll');

// The kernel's linux_dirent64 ends in a flexible d_name; libsys reports
// glibc's struct dirent64, whose d_name is char[256]: compare the header only.
const FLEXIBLE = { linux_dirent64: ['d_name'] };

describe('libjs/struct layouts', () => {
  for (const [name, L] of Object.entries(struct.layouts)) {
    it(`${name} matches the C compiler`, () => {
      assert.ok(name in libsys.sizeof, `libsys reports no ${name}`);
      if (!FLEXIBLE[name]) assert.strictEqual(L.size, libsys.sizeof[name], `sizeof(${name})`);
      const offs = libsys.offsetof[name];
      for (const [member, off] of Object.entries(offs)) {
        assert.ok(L.fields[member], `${name}.${member} missing from the codec's table`);
        assert.strictEqual(L.fields[member][0], off, `offsetof(${name}, ${member})`);
        if (!(FLEXIBLE[name] || []).includes(member))
          assert.strictEqual(L.fields[member][1], libsys.membersize[name][member], `sizeof ${name}.${member}`);
      }
      for (const member of Object.keys(L.fields))
        assert.ok(member in offs, `${name}.${member} is in the codec but not checked by libsys`);
    });
  }

  it('the codecs SIZE constants agree with their layouts', () => {
    for (const k of ['stat', 'statx', 'sockaddr_in', 'sockaddr_in6', 'sockaddr_un', 'sockaddr_nl',
      'epoll_event', 'iovec', 'msghdr', 'utsname', 'sysinfo', 'rlimit', 'rusage', 'pollfd',
      'signalfd_siginfo', 'winsize', 'statfs', 'siginfo', 'ucred', 'linger', 'ip_mreq', 'ip_mreqn',
      'ipv6_mreq', 'open_how', 'nlmsghdr', 'ifaddrmsg', 'ifinfomsg', 'rtattr', 'timespec', 'timeval', 'itimerspec'])
      assert.strictEqual(struct[k].SIZE, struct.layouts[k].size, k);
  });

  describe('aarch64 (cross compiler)', () => {
    const cc = ['aarch64-linux-gnu-gcc'].find((c) => spawnSync(c, ['--version']).status === 0);
    // C types as layout.c names them.
    const ctype = {
      stat: 'struct stat', statx: 'struct statx', timespec: 'struct timespec', timeval: 'struct timeval',
      itimerspec: 'struct itimerspec', statx_timestamp: 'struct statx_timestamp', sockaddr: 'struct sockaddr',
      sockaddr_storage: 'struct sockaddr_storage', sockaddr_in: 'struct sockaddr_in', sockaddr_in6: 'struct sockaddr_in6',
      sockaddr_un: 'struct sockaddr_un', sockaddr_nl: 'struct sockaddr_nl', epoll_event: 'struct epoll_event',
      iovec: 'struct iovec', msghdr: 'struct msghdr', cmsghdr: 'struct cmsghdr',
      utsname: 'struct utsname', sysinfo: 'struct sysinfo', rlimit: 'struct rlimit', rusage: 'struct rusage',
      pollfd: 'struct pollfd', signalfd_siginfo: 'struct signalfd_siginfo', inotify_event: 'struct inotify_event',
      winsize: 'struct winsize', statfs: 'struct statfs', siginfo: 'siginfo_t', ucred: 'struct ucred',
      linger: 'struct linger', ip_mreq: 'struct ip_mreq', ip_mreqn: 'struct ip_mreqn', ipv6_mreq: 'struct ipv6_mreq',
      open_how: 'struct open_how', nlmsghdr: 'struct nlmsghdr', ifaddrmsg: 'struct ifaddrmsg',
      ifinfomsg: 'struct ifinfomsg', rtattr: 'struct rtattr',
    };
    const arm64 = { ...struct.layouts, stat: stat.LAYOUTS.arm64, epoll_event: epoll.LAYOUTS.arm64 };

    it('every arm64 table compiles as static assertions for aarch64', function () {
      if (!cc) {
        this.skip(); // no aarch64-linux-gnu-gcc here: apt-get install gcc-aarch64-linux-gnu to run it
        return;
      }
      const lines = [
        '#define _GNU_SOURCE',
        ...['stddef.h', 'dirent.h', 'linux/netlink.h', 'linux/openat2.h', 'linux/rtnetlink.h', 'netinet/in.h',
          'poll.h', 'signal.h', 'sys/epoll.h', 'sys/inotify.h', 'sys/ioctl.h', 'sys/resource.h', 'sys/signalfd.h',
          'sys/socket.h', 'sys/stat.h', 'sys/statfs.h', 'sys/sysinfo.h', 'sys/time.h', 'sys/uio.h', 'sys/un.h',
          'sys/utsname.h', 'time.h'].map((h) => `#include <${h}>`),
      ];
      let n = 0;
      for (const [name, L] of Object.entries(arm64)) {
        if (name === 'linux_dirent64') continue;
        const T = ctype[name];
        assert.ok(T, `no C type for ${name}`);
        lines.push(`_Static_assert(sizeof(${T}) == ${L.size}, "sizeof ${name}");`);
        for (const [m, [off, size]] of Object.entries(L.fields)) {
          lines.push(`_Static_assert(offsetof(${T}, ${m}) == ${off}, "offsetof ${name}.${m}");`);
          if (size > 0) lines.push(`_Static_assert(sizeof(((${T} *)0)->${m}) == ${size}, "size ${name}.${m}");`);
          n++;
        }
      }
      const dirent = struct.layouts.linux_dirent64.fields;
      for (const m of ['d_ino', 'd_off', 'd_reclen', 'd_type', 'd_name'])
        lines.push(`_Static_assert(offsetof(struct dirent64, ${m}) == ${dirent[m][0]}, "dirent64.${m}");`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-arm64-')), 'layout.c');
      fs.writeFileSync(file, lines.join('\n') + '\n');
      const r = spawnSync(cc, ['-std=gnu11', '-fsyntax-only', file], { encoding: 'utf8' });
      fs.rmSync(path.dirname(file), { recursive: true });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(n > 150, `only ${n} fields checked`);
    });

    it('the x86-64 and arm64 stat and epoll_event tables really differ', () => {
      assert.notDeepStrictEqual(stat.LAYOUTS.x64, stat.LAYOUTS.arm64);
      assert.strictEqual(epoll.LAYOUTS.x64.size, 12);
      assert.strictEqual(epoll.LAYOUTS.arm64.size, 16);
    });
  });
});
