// trace: getpriority setpriority
'use strict';
const os = require('os');
const { show } = require('./_util');
show('getPriority no such pid', () => os.getPriority(2 ** 22 + 12345));
show('setPriority no such pid', () => os.setPriority(2 ** 22 + 12345, 3));
for (const args of [['x'], [1.5], [2 ** 31], [null], [{}], [NaN]]) {
  show(`getPriority ${JSON.stringify(args)}`, () => os.getPriority(...args));
}
for (const args of [[20], [-21], ['1'], [0, 20], ['a', 1], [1.5, 0], [0, NaN], [undefined, 1], [0, -20.5]]) {
  show(`setPriority ${JSON.stringify(args)}`, () => os.setPriority(...args));
}
try {
  os.getPriority(2 ** 22 + 12345);
} catch (e) {
  console.log(e.name, e.constructor.name, e.errno, e.syscall, JSON.stringify(e.info), String(e));
  console.log(e.stack.split('\n')[0]);
}
process.env.HOME = '/' + 'h'.repeat(5000);
show('homedir ENOBUFS', () => os.homedir());
try {
  os.homedir();
} catch (e) {
  console.log(e.constructor.name, e.stack.split('\n')[1].includes('os-errors.js'));
}
