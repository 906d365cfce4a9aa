// trace: sysinfo||open|openat(*meminfo*)
'use strict';
const os = require('os');
const total = os.totalmem(), free = os.freemem();
console.log(typeof total, Number.isInteger(total), total > 0);
console.log(typeof free, Number.isInteger(free), free > 0, free <= total);
console.log(total === os.totalmem());
