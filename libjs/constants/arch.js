// libjs constants: the values that differ between x86-64 and aarch64. Every
// other uapi constant libjs has is the same on both.
'use strict';

const __O_TMPFILE = 0o20000000;

module.exports = {
  // asm-generic/fcntl.h (x86-64 takes the generic values), asm/mman.h
  x64: {
    O_DIRECT: 0o40000,
    O_LARGEFILE: 0o100000,
    O_DIRECTORY: 0o200000,
    O_NOFOLLOW: 0o400000,
    O_TMPFILE: __O_TMPFILE | 0o200000,
    MAP_32BIT: 0x40,
  },
  // arch/arm64/include/uapi/asm/fcntl.h, asm/mman.h
  arm64: {
    O_DIRECTORY: 0o40000,
    O_NOFOLLOW: 0o100000,
    O_DIRECT: 0o200000,
    O_LARGEFILE: 0o400000,
    O_TMPFILE: __O_TMPFILE | 0o40000,
    PROT_BTI: 0x10,
    PROT_MTE: 0x20,
  },
};
