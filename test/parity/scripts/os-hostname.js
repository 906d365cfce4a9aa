// trace: uname
'use strict';
const os = require('os');
const h = os.hostname();
console.log(typeof h, h.length > 0, h === require('fs').readFileSync('/proc/sys/kernel/hostname', 'utf8').trim());
console.log(h);
