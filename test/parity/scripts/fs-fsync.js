// trace: fsync fdatasync
'use strict';
const fs = require('fs');
const { show } = require('./_util');
const fd = fs.openSync('sy', 'w');
fs.writeSync(fd, 'x');
show('fsync', () => fs.fsyncSync(fd));
show('fdatasync', () => fs.fdatasyncSync(fd));
fs.closeSync(fd);
show('ebadf', () => fs.fsyncSync(fd));
show('bad', () => fs.fdatasyncSync('1'));
fs.unlinkSync('sy');
