'use strict';
const assert = require('assert');
const os = require('os');
const util = require('util');
const errno = require('../../libjs/errno');
const { needCompiler, probe } = require('./cprobe');

describe('libjs/errno', () => {
  it('has every entry of util.getSystemErrorMap(): same name, number and message', () => {
    const map = util.getSystemErrorMap();
    assert.ok(map.size > 80);
    for (const [n, [name, message]] of map) {
      const e = errno.lookup(n);
      assert.ok(e, `no entry for ${n} ${name}`);
      assert.strictEqual(e.name, name, `name of ${n}`);
      assert.strictEqual(e.message, message, `message of ${name}`);
      assert.strictEqual(errno.errname(n), name);
      assert.strictEqual(errno.errname(-n), name, 'positive numbers too');
      assert.strictEqual(errno.strerror(n), message);
      assert.strictEqual(errno.strerror(-n), message);
      assert.strictEqual(errno.nodeErrname(n), name);
      assert.ok(errno.nodeKnows(n));
    }
    // And nothing claims a Node message Node does not have.
    for (const e of errno.table) {
      if (e.message !== null) assert.deepStrictEqual(map.get(-e.errno), [e.name, e.message], e.name);
      else assert.ok(!map.has(-e.errno), e.name);
    }
  });

  it('names every Linux errno 1..133, as the C library numbers them', function () {
    const cc = needCompiler(this, process.arch);
    const linux = errno.table.filter((e) => e.errno <= 133);
    // 41 and 58 are unused on Linux (EWOULDBLOCK and EDEADLOCK are aliases).
    assert.strictEqual(linux.length, 131);
    const names = [...linux.map((e) => e.name), 'EWOULDBLOCK', 'EDEADLOCK', 'EOPNOTSUPP', 'ENOTSUP'];
    const { values, missing } = probe({ cc, headers: ['errno.h'], names });
    assert.deepStrictEqual(missing, []);
    for (const [name, v] of values) assert.strictEqual(errno.E[name], Number(v), name);
    assert.strictEqual(errno.E.EHWPOISON, 133);
  });

  it('matches os.constants.errno', () => {
    for (const [name, n] of Object.entries(os.constants.errno)) assert.strictEqual(errno.E[name], n, name);
  });

  it('an errno Node does not know: Node\'s `Unknown system error -N`', () => {
    for (const n of [200, 999, 4093, 58, 41]) {
      assert.strictEqual(errno.errname(-n), util.getSystemErrorName(-n));
      assert.strictEqual(errno.nodeErrname(n), util.getSystemErrorName(-n));
      assert.strictEqual(errno.strerror(n), `Unknown system error -${n}`);
      assert.strictEqual(errno.describe(n), `Unknown error ${n}`);
      assert.ok(!errno.nodeKnows(n));
    }
  });

  it('a Linux errno Node has no entry for: the Linux name, Node\'s message', () => {
    // EDOM (33), ECHILD (10), EINPROGRESS (115): libuv does not map them.
    for (const [name, n] of [['EDOM', 33], ['ECHILD', 10], ['EINPROGRESS', 115], ['EHWPOISON', 133]]) {
      assert.strictEqual(errno.errname(n), name);
      assert.strictEqual(errno.errname(-n), name);
      assert.strictEqual(errno.nodeErrname(-n), util.getSystemErrorName(-n));
      assert.strictEqual(errno.strerror(-n), `Unknown system error -${n}`);
      assert.ok(!errno.nodeKnows(n));
    }
    assert.strictEqual(errno.describe(33), 'Numerical argument out of domain');
  });

  it('describe() gives the C library text', function () {
    const cc = needCompiler(this, process.arch);
    const { execFileSync } = require('child_process');
    const fs = require('fs');
    const dir = fs.mkdtempSync(require('path').join(os.tmpdir(), 'libjs-errno-'));
    try {
      fs.writeFileSync(`${dir}/t.c`, '#include <stdio.h>\n#include <string.h>\n' +
        'int main(void) { for (int i = 1; i <= 133; i++) printf("%d\\t%s\\n", i, strerror(i)); return 0; }\n');
      execFileSync(cc, ['-o', `${dir}/t`, `${dir}/t.c`]);
      const out = execFileSync(`${dir}/t`, { encoding: 'utf8' });
      for (const line of out.trim().split('\n')) {
        const [n, text] = line.split('\t');
        if (errno.lookup(Number(n))) assert.strictEqual(errno.describe(Number(n)), text, n);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('aliases and constants', () => {
    assert.strictEqual(errno.ENOENT, 2);
    assert.strictEqual(errno.E.ENOENT, 2);
    assert.strictEqual(errno.E.EWOULDBLOCK, errno.E.EAGAIN);
    assert.strictEqual(errno.E.EOPNOTSUPP, 95);
    assert.strictEqual(errno.E.ENOTSUP, 95);
    assert.strictEqual(errno.errname(95), 'ENOTSUP'); // Node's name for 95
    assert.strictEqual(errno.errname(11), 'EAGAIN');
    assert.strictEqual(errno.E.EDEADLOCK, 35);
    assert.ok(Object.isFrozen(errno.E));
    assert.strictEqual(errno.lookup('ENOENT').errno, 2);
    assert.strictEqual(errno.lookup('NOPE'), undefined);
  });

  it('libuv\'s own codes: EOF, UNKNOWN, EAI_*', () => {
    assert.strictEqual(errno.errname(-4095), 'EOF');
    assert.strictEqual(errno.strerror(-3008), 'unknown node or service');
    assert.strictEqual(errno.E.EAI_AGAIN, 3001);
  });
});
