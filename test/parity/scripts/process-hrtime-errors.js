// trace: clock_gettime
'use strict';
const { show } = require('./_util');
for (const arg of [5, 'ab', {}, null, [1], [1, 2, 3], new Uint32Array(2), true]) {
  show(`hrtime ${Object.prototype.toString.call(arg)} ${JSON.stringify(arg)}`, () => process.hrtime(arg));
}
show('hrtime strings', () => process.hrtime(['a', 'b']).map(String));
show('hrtime borrow', () => {
  const now = process.hrtime();
  const d = process.hrtime([now[0] - 1, now[1] + 1]);
  return [d.length, d[0] >= 0, d[1] >= 0 && d[1] < 1e9];
});
show('names', () => [process.hrtime.name, process.hrtime.length, process.hrtime.bigint.name, process.hrtime.bigint.length]);
show('bigint type', () => typeof process.hrtime.bigint());
