// libjs/struct: struct winsize (<asm-generic/termios.h>), for the
// TIOCGWINSZ/TIOCSWINSZ ioctls.
'use strict';
const { define } = require('./define');

// offset | size | field
//      0 |    2 | ws_row
//      2 |    2 | ws_col
//      4 |    2 | ws_xpixel
//      6 |    2 | ws_ypixel
const winsize = define('winsize', 8, [
  ['row', 'ws_row', 0, 'u16'],
  ['col', 'ws_col', 2, 'u16'],
  ['xpixel', 'ws_xpixel', 4, 'u16'],
  ['ypixel', 'ws_ypixel', 6, 'u16'],
]);

module.exports = { winsize };
