// trace: open|openat(*f.txt*O_CREAT*) open|openat(*f.txt*O_EXCL*) open|openat(*f.txt*O_APPEND*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
const tryOpen = (flags, mode) => show(`open ${flags}`, () => {
  const fd = fs.openSync('f.txt', flags, mode);
  const kind = typeof fd;
  fs.closeSync(fd);
  return kind;
});
tryOpen('r');
tryOpen('w');
tryOpen('r');
tryOpen('wx');
tryOpen('a');
tryOpen('ax');
tryOpen('a+');
tryOpen('r+');
tryOpen('w+');
tryOpen('rs+');
tryOpen('as');
tryOpen(fs.constants.O_RDONLY);
tryOpen(fs.constants.O_WRONLY | fs.constants.O_TRUNC);
tryOpen('xx');
tryOpen(undefined);
fs.unlinkSync('f.txt');
show('wx new', () => { fs.closeSync(fs.openSync('g.txt', 'wx', 0o640)); return (fs.statSync('g.txt').mode & 0o777).toString(8); });
show('dir for write', () => fs.openSync('.', 'w'));
fs.unlinkSync('g.txt');
