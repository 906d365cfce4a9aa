'use strict';
const assert = require('assert');
const sys = require('libsys');

describe('libsys layouts', () => {
  it('exports sizeof, offsetof and membersize of the kernel structs', () => {
    const x64 = process.arch === 'x64';
    assert.strictEqual(sys.sizeof.stat, x64 ? 144 : 128);
    assert.strictEqual(sys.sizeof.epoll_event, x64 ? 12 : 16); // packed on x86-64
    assert.strictEqual(sys.offsetof.epoll_event.data, x64 ? 4 : 8);
    assert.strictEqual(sys.sizeof.timespec, 16);
    assert.strictEqual(sys.sizeof.sockaddr_in, 16);
    assert.strictEqual(sys.sizeof.sockaddr_in6, 28);
    assert.strictEqual(sys.sizeof.sockaddr_un, 110);
    assert.strictEqual(sys.offsetof.linux_dirent64.d_name, 19);
    assert.strictEqual(sys.sizeof.statx, 256);
    assert.strictEqual(sys.offsetof.stat.st_size, 48);
    assert.strictEqual(sys.membersize.stat.st_size, 8);
    for (const s of ['stat', 'statx', 'timespec', 'sockaddr_in', 'sockaddr_in6', 'sockaddr_un', 'epoll_event',
      'linux_dirent64', 'iovec', 'msghdr', 'cmsghdr'])
      assert.ok(sys.sizeof[s] > 0 && Object.keys(sys.offsetof[s]).length > 0, s);
  });
});
