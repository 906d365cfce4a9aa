// Test helper: the few syscall numbers the libsys tests use, per arch (libsys
// itself knows no numbers; libjs/sysnr is the real table).
'use strict';
const tables = {
  x64: { read: 0, write: 1, close: 3, fstat: 5, lseek: 8, mmap: 9, mprotect: 10, munmap: 11,
    getpid: 39, uname: 63, getcwd: 79, clock_gettime: 228, openat: 257, pipe2: 293, getrandom: 318 },
  arm64: { read: 63, write: 64, close: 57, fstat: 80, lseek: 62, mmap: 222, mprotect: 226, munmap: 215,
    getpid: 172, uname: 160, getcwd: 17, clock_gettime: 113, openat: 56, pipe2: 59, getrandom: 278 },
};
module.exports = tables[process.arch];
if (!module.exports) throw new Error(`libsys tests: no syscall numbers for ${process.arch}`);
