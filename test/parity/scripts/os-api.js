// trace: uname
'use strict';
const os = require('os');
console.log(Object.keys(os).sort().join(','));
console.log(Object.keys(os).filter((k) => typeof os[k] === 'function').map((k) => `${k}:${os[k].length}`).sort().join(' '));
console.log(`${os.hostname}`.length > 0, os.hostname.name, os.type.name, String(os.EOL.length));
console.log(require('node:os') === os, os.hostname() === require('node:os').hostname());
