// trace: getuid|geteuid
'use strict';
const os = require('os');
const u = os.userInfo();
console.log(Object.getPrototypeOf(u), JSON.stringify(u));
const b = os.userInfo({ encoding: 'buffer' });
console.log(Buffer.isBuffer(b.username), Buffer.isBuffer(b.homedir), b.username.toString());
try { os.userInfo({ encoding: 'zz' }); } catch (e) { console.log(e.code, e.message); }
