// trace: sysinfo||open|openat(*/proc/loadavg*)||open|openat(*/proc/uptime*)
'use strict';
const os = require('os');
const l = os.loadavg();
console.log(Array.isArray(l), l.length, l.every((x) => typeof x === 'number' && x >= 0));
const u = os.uptime();
console.log(typeof u, u > 0, Number.isInteger(u) || u % 1 !== 0);
