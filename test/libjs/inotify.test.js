'use strict';
const assert = require('assert');
const fs = require('fs');
const L = require('../../libjs');
const { tmpdir } = require('./helpers');

const { E } = L;

describe('libjs/inotify', () => {
  let t;
  beforeEach(() => {
    t = tmpdir();
  });
  afterEach(() => t.cleanup());

  it('inotify_init1, inotify_add_watch, a create event, inotify_rm_watch', () => {
    const fd = L.inotify_init1(L.IN_NONBLOCK | L.IN_CLOEXEC);
    assert.ok(fd >= 0);
    try {
      const wd = L.inotify_add_watch(fd, t.dir, L.IN_CREATE | L.IN_DELETE);
      assert.ok(wd >= 1);
      const buf = Buffer.alloc(4096);
      assert.strictEqual(L.read(fd, buf, buf.length), -E.EAGAIN);
      fs.writeFileSync(t.file('new-file'), '');
      const n = L.read(fd, buf, buf.length);
      assert.ok(n >= 16);
      // inotify_event: wd i32, mask u32, cookie u32, len u32, name[len]
      assert.strictEqual(buf.readInt32LE(0), wd);
      assert.strictEqual(buf.readUInt32LE(4), L.IN_CREATE);
      const len = buf.readUInt32LE(12);
      assert.strictEqual(buf.toString('utf8', 16, buf.indexOf(0, 16)), 'new-file');
      assert.strictEqual(n, 16 + len);
      assert.strictEqual(L.inotify_rm_watch(fd, wd), 0);
      assert.strictEqual(L.inotify_rm_watch(fd, wd), -E.EINVAL);
      assert.strictEqual(L.inotify_add_watch(fd, t.file('none'), L.IN_ALL_EVENTS), -E.ENOENT);
      assert.strictEqual(L.inotify_add_watch(fd, t.dir, 0), -E.EINVAL);
    } finally {
      L.close(fd);
    }
    const fd2 = L.inotify_init();
    assert.ok(fd2 >= 0);
    L.close(fd2);
    assert.strictEqual(L.inotify_init1(-1), -E.EINVAL);
  });
});
