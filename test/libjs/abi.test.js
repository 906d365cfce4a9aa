'use strict';
const assert = require('assert');
const libsys = require('libsys');
const abi = require('../../libjs/abi');
const { needCompiler, probe } = require('./cprobe');

// The structs as the C compiler names them (for libsys.sizeof and for a
// cross compiler's sizeof).
const C_NAMES = {
  timespec: 'struct timespec', itimerspec: 'struct itimerspec', statx: 'struct statx',
  statfs: 'struct statfs', utsname: 'struct utsname', sysinfo: 'struct sysinfo',
  rlimit: 'struct rlimit', rusage: 'struct rusage', pollfd: 'struct pollfd', iovec: 'struct iovec',
  msghdr: 'struct msghdr', siginfo: 'siginfo_t', winsize: 'struct winsize', open_how: 'struct open_how',
  flock: 'struct flock', f_owner_ex: 'struct f_owner_ex', ifreq: 'struct ifreq', int: 'int',
  long: 'long', loff_t: 'loff_t', stat: 'struct stat', epoll_event: 'struct epoll_event',
};
const HEADERS = ['sys/stat.h', 'sys/statfs.h', 'sys/utsname.h', 'sys/sysinfo.h', 'sys/resource.h', 'poll.h',
  'sys/uio.h', 'sys/socket.h', 'signal.h', 'sys/ioctl.h', 'linux/openat2.h', 'fcntl.h', 'net/if.h',
  'sys/epoll.h', 'time.h'];

describe('libjs/abi', () => {
  it('struct sizes equal libsys.sizeof (the C compiler of this machine)', () => {
    let n = 0;
    for (const [name, size] of Object.entries(abi)) {
      if (name === 'SIZES' || !(name in libsys.sizeof)) continue;
      assert.strictEqual(size, libsys.sizeof[name], name);
      n++;
    }
    assert.ok(n >= 14, `${n} compared`);
  });

  for (const arch of ['x64', 'arm64']) {
    it(`${arch}: every size equals sizeof from the C compiler for ${arch}`, function () {
      const cc = needCompiler(this, arch);
      const sizes = abi.SIZES[arch];
      // The kernel's sigset_t and struct termios are not glibc's: checked
      // against the uapi headers below.
      const names = Object.keys(C_NAMES);
      const { values, missing } = probe({ cc, headers: HEADERS, names: names.map((n) => `sizeof(${C_NAMES[n]})`) });
      assert.deepStrictEqual(missing, []);
      for (const n of names) assert.strictEqual(BigInt(sizes[n]), values.get(`sizeof(${C_NAMES[n]})`), `${arch} ${n}`);
      const k = probe({ cc, headers: ['asm/termbits.h'], defines: [], names: ['sizeof(struct termios)'] });
      assert.deepStrictEqual(k.missing, []);
      assert.strictEqual(BigInt(sizes.termios), k.values.get('sizeof(struct termios)'));
      const s = probe({ cc, headers: ['asm/signal.h'], defines: [], names: ['sizeof(sigset_t)'] });
      assert.deepStrictEqual(s.missing, []);
      assert.strictEqual(BigInt(sizes.sigset), s.values.get('sizeof(sigset_t)'));
    });
  }
});
