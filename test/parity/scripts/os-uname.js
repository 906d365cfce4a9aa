// trace: uname
'use strict';
const os = require('os');
console.log(os.type());
console.log(os.release());
console.log(os.version());
console.log(os.machine());
console.log(os.arch(), os.platform(), os.endianness());
