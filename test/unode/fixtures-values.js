// test/unode: values of every kind for argument checks, shared by the tests
// and by the `node --expose-internals` child that computes Node's answers.
'use strict';

module.exports = () => [
  undefined, null, true, false, 0, -0, 1, -1, 1.5, -1.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32, 2 ** 32 + 1,
  2 ** 53, -(2 ** 53), 1e21, -(2 ** 40), 4294967295, 12n, -1n, 2n ** 32n, 2n ** 64n, -(2n ** 70n), '', 'str', "it's",
  'x'.repeat(28), 'x'.repeat(29), 'x'.repeat(200), 'a\nb', Symbol('s'), Symbol(), {}, [], [1, 2], { a: 1 },
  Object.create(null), function named() {}, () => {}, async function af() {}, class K {}, new Date(0), /re/g,
  Buffer.from('ab'), new Uint8Array(2), new Float32Array(1), new DataView(new ArrayBuffer(2)), new ArrayBuffer(2),
  new Number(3), new String('s'), new Map([[1, 2]]), new Set([1]), Object.assign(new Error('e'), { stack: 'Error: e' }), Promise.resolve(1),
  new URL('file:///tmp/x'), { href: 'file:///x', protocol: 'file:' }, { aborted: false }, new AbortController().signal,
  Object.assign(Object.create({ constructor: { name: 'Fake' } }), { x: 1 }),
];
