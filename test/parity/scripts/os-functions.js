// trace: uname openat(*/proc/meminfo*)
'use strict';
const os = require('os');
for (const k of Object.keys(os)) {
  const v = os[k];
  const d = Object.getOwnPropertyDescriptor(os, k);
  const attrs = `${d.writable ? 'w' : '-'}${d.enumerable ? 'e' : '-'}${d.configurable ? 'c' : '-'}`;
  if (typeof v !== 'function') {
    console.log(k, typeof v, attrs);
    continue;
  }
  console.log(k, JSON.stringify(v.name), v.length, attrs, typeof v[Symbol.toPrimitive]);
}
console.log(`${os.type}|${os.release}|${os.machine}|${os.arch}|${os.platform}|${os.endianness}`);
console.log(`${os.totalmem}` === String(os.totalmem()), +os.availableParallelism === os.availableParallelism());
console.log(Object.isFrozen(os.constants), Object.getPrototypeOf(os.constants.signals), Object.keys(os.constants).join());
