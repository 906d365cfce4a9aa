// trace: kill
// normalize: pid
'use strict';
const { show } = require('./_util');
for (const sig of [0, '0', 'SIGCONT', 18, 'SIGWINCH', 28]) {
  show(`self ${JSON.stringify(sig)}`, () => process.kill(process.pid, sig));
}
for (const args of [['x'], [null], [NaN], [1.5], [2 ** 31], [{}], [true, 0], ['1', 0], [String(process.pid), 0],
  [process.pid, 'sigterm'], [process.pid, 1.5], [process.pid, {}], [process.pid, 'SIGRTMIN'],
  [process.pid, '__proto__'], [process.pid, 'constructor'], [2 ** 22 + 12345, 'SIGNOPE'], [2 ** 22 + 12345],
  [-(2 ** 22 + 12345), 0]]) {
  show(`kill ${JSON.stringify(args)}`, () => process.kill(...args));
}
show('names', () => [process.kill.name, process.kill.length]);
