// trace: socket(AF_NETLINK*)||ioctl
'use strict';
const os = require('os');
const ifs = os.networkInterfaces();
console.log(Object.getPrototypeOf(ifs) === Object.prototype, Object.keys(ifs).join(','));
console.log(JSON.stringify(ifs, null, 1));
