// Test fixture: an install-kind module that patches tty.isatty.
'use strict';
module.exports = {
  install(target) {
    target.isatty = function isatty(fd) { return fd === 99; };
  },
};
