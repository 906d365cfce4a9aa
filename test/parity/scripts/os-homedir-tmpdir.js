// trace: uname
// env: HOME=/home/parity
'use strict';
const os = require('os');
const path = require('path');
console.log(os.homedir());
console.log(os.tmpdir() === process.env.TMPDIR, os.tmpdir().replace(process.env.TMPDIR, '<TMPDIR>'));
process.env.TMPDIR = '/var/tmp/';
console.log(os.tmpdir());
delete process.env.TMPDIR;
process.env.TMP = '/tmp2';
console.log(os.tmpdir());
delete process.env.HOME;
console.log(os.homedir() === os.userInfo().homedir);
console.log(os.hostname().length > 0);
