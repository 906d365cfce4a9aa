'use strict';
const assert = require('assert');
const net = require('net');
const { ipFamily, encodeInet, encodeUnix, toObject } = require('libaio/address');
const E = require('libjs/errno');

describe('libaio address', () => {
  it('ipFamily agrees with net.isIP', () => {
    for (const s of ['127.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', 'fe80::1%2', '::ffff:1.2.3.4',
      '1.2.3', '01.2.3.4', '256.1.1.1', 'localhost', '', ':::', '1::2::3', 'fe80::1%eth0'])
      assert.strictEqual(ipFamily(s), s === 'fe80::1%eth0' ? 6 : net.isIP(s), s);
  });

  it('encodes and decodes IPv4, IPv6 and Unix addresses', () => {
    const b = Buffer.alloc(128);
    assert.strictEqual(encodeInet(b, '10.1.2.3', 8080), 16);
    assert.deepStrictEqual(toObject(b, 16), { address: '10.1.2.3', family: 'IPv4', port: 8080 });
    assert.strictEqual(encodeInet(b, 'fe80::1%7', 443), 28);
    assert.deepStrictEqual(toObject(b, 28), { address: 'fe80::1', family: 'IPv6', port: 443, flowinfo: 0, scopeid: 7 });
    assert.strictEqual(encodeInet(b, '', 1, 6), 28, 'an empty host is the wildcard of the family');
    assert.strictEqual(toObject(b, 28).address, '::');
    assert.strictEqual(encodeInet(b, '::1', 1, 4), -E.EAFNOSUPPORT);
    assert.strictEqual(encodeInet(b, 'example.com', 1), -E.EINVAL);
    assert.throws(() => encodeInet(b, '1.2.3.4', 65536), TypeError);
    const n = encodeUnix(b, '/tmp/x.sock');
    assert.deepStrictEqual(toObject(b, n), { path: '/tmp/x.sock', family: 'Unix' });
    const m = encodeUnix(b, '\0abstract');
    assert.deepStrictEqual(toObject(b, m), { path: '\0abstract', family: 'Unix' });
    assert.strictEqual(encodeUnix(b, 'x'.repeat(200)), -E.ENAMETOOLONG);
    assert.throws(() => encodeUnix(b, 5), TypeError);
  });
});
