// trace: open|openat(*cst*)
'use strict';
const fs = require('fs');
const c = fs.constants;
console.log(Object.keys(c).sort().join(','));
console.log(c.O_RDONLY, c.O_WRONLY, c.O_RDWR, c.O_CREAT, c.O_EXCL, c.O_TRUNC, c.O_APPEND, c.O_DIRECTORY, c.O_NOFOLLOW, c.O_SYNC, c.O_DSYNC);
console.log(c.S_IFMT, c.S_IFREG, c.S_IFDIR, c.S_IFLNK, c.F_OK, c.R_OK, c.W_OK, c.X_OK);
console.log(c.COPYFILE_EXCL, c.COPYFILE_FICLONE, c.COPYFILE_FICLONE_FORCE, c.UV_FS_O_FILEMAP);
console.log(fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);
console.log(require('constants').O_CREAT === c.O_CREAT);
fs.closeSync(fs.openSync('cst', c.O_CREAT | c.O_WRONLY | c.O_EXCL, 0o600));
console.log((fs.statSync('cst').mode & 0o777).toString(8));
fs.unlinkSync('cst');
