// libjs/struct: struct stat, as fstat/newfstatat fill it (<asm/stat.h>).
'use strict';
const { ARCH, TWO32, Words } = require('./mem');

// x86-64 (arch/x86/include/uapi/asm/stat.h), 144 bytes:
// offset | size | field
//      0 |    8 | st_dev      unsigned long
//      8 |    8 | st_ino      unsigned long
//     16 |    8 | st_nlink    unsigned long
//     24 |    4 | st_mode     unsigned int
//     28 |    4 | st_uid      unsigned int
//     32 |    4 | st_gid      unsigned int
//     36 |    4 | __pad0
//     40 |    8 | st_rdev     unsigned long
//     48 |    8 | st_size     long
//     56 |    8 | st_blksize  long
//     64 |    8 | st_blocks   long
//     72 |   16 | st_atim     { long tv_sec; unsigned long tv_nsec }
//     88 |   16 | st_mtim
//    104 |   16 | st_ctim
//    120 |   24 | __unused[3]
//
// aarch64 (asm-generic/stat.h), 128 bytes:
// offset | size | field
//      0 |    8 | st_dev      unsigned long
//      8 |    8 | st_ino      unsigned long
//     16 |    4 | st_mode     unsigned int
//     20 |    4 | st_nlink    unsigned int
//     24 |    4 | st_uid      unsigned int
//     28 |    4 | st_gid      unsigned int
//     32 |    8 | st_rdev     unsigned long
//     40 |    8 | __pad1
//     48 |    8 | st_size     long
//     56 |    4 | st_blksize  int
//     60 |    4 | __pad2
//     64 |    8 | st_blocks   long
//     72 |   16 | st_atim     { long tv_sec; unsigned long tv_nsec }
//     88 |   16 | st_mtim
//    104 |   16 | st_ctim
//    120 |    8 | __unused4, __unused5
const LAYOUTS = {
  x64: {
    size: 144,
    fields: {
      st_dev: [0, 8], st_ino: [8, 8], st_nlink: [16, 8], st_mode: [24, 4],
      st_uid: [28, 4], st_gid: [32, 4], st_rdev: [40, 8], st_size: [48, 8],
      st_blksize: [56, 8], st_blocks: [64, 8], st_atim: [72, 16],
      st_mtim: [88, 16], st_ctim: [104, 16],
    },
  },
  arm64: {
    size: 128,
    fields: {
      st_dev: [0, 8], st_ino: [8, 8], st_mode: [16, 4], st_nlink: [20, 4],
      st_uid: [24, 4], st_gid: [28, 4], st_rdev: [32, 8], st_size: [48, 8],
      st_blksize: [56, 4], st_blocks: [64, 8], st_atim: [72, 16],
      st_mtim: [88, 16], st_ctim: [104, 16],
    },
  },
};
const layout = LAYOUTS[ARCH];
const F = layout.fields;
const SIZE = layout.size;

// Word indices (4-byte units) of each field; every field is 4-byte aligned.
const DEV = F.st_dev[0] >> 2, INO = F.st_ino[0] >> 2, NLINK = F.st_nlink[0] >> 2;
const MODE = F.st_mode[0] >> 2, UID = F.st_uid[0] >> 2, GID = F.st_gid[0] >> 2;
const RDEV = F.st_rdev[0] >> 2, SZ = F.st_size[0] >> 2, BLKSIZE = F.st_blksize[0] >> 2;
const BLOCKS = F.st_blocks[0] >> 2, ATIM = F.st_atim[0] >> 2;
const MTIM = F.st_mtim[0] >> 2, CTIM = F.st_ctim[0] >> 2;
// Fields whose width differs: 1 where the upper word exists, else 0.
const NLINK_HI = F.st_nlink[1] === 8 ? 1 : 0;
const BLKSIZE_HI = F.st_blksize[1] === 8 ? 1 : 0;

const w = new Words(SIZE);
// The last aligned buffer decoded at offset 0 and its word index: the hot
// path (one scratch buffer per call site) skips even the view lookup.
let lastBuf = null, lastBase = 0, U = w.u32, I = w.i32;

function base(buf, offset, what) {
  if (buf === lastBuf && offset === 0) return lastBase;
  const b = w.at(buf, SIZE, offset, what);
  U = w.u32;
  I = w.i32;
  // Never cache the unaligned path: its words live in a scratch copy.
  if (offset === 0 && w.ab === buf.buffer) {
    lastBuf = buf;
    lastBase = b;
  } else {
    lastBuf = null;
  }
  return b;
}

// Number form. 64-bit fields are read as two words (exact below 2**53, the
// nearest double above, as Node's Stats); times also as Node computes *Ms.
function decode(buf, offset = 0) {
  const b = base(buf, offset, 'stat.decode');
  const u = U, i = I;
  const as = u[b + ATIM] + i[b + ATIM + 1] * TWO32, an = u[b + ATIM + 2];
  const ms = u[b + MTIM] + i[b + MTIM + 1] * TWO32, mn = u[b + MTIM + 2];
  const cs = u[b + CTIM] + i[b + CTIM + 1] * TWO32, cn = u[b + CTIM + 2];
  return {
    dev: u[b + DEV] + u[b + DEV + 1] * TWO32,
    ino: u[b + INO] + u[b + INO + 1] * TWO32,
    mode: u[b + MODE],
    nlink: u[b + NLINK] + (NLINK_HI && u[b + NLINK + 1] * TWO32),
    uid: u[b + UID],
    gid: u[b + GID],
    rdev: u[b + RDEV] + u[b + RDEV + 1] * TWO32,
    size: u[b + SZ] + i[b + SZ + 1] * TWO32,
    blksize: BLKSIZE_HI ? u[b + BLKSIZE] + i[b + BLKSIZE + 1] * TWO32 : i[b + BLKSIZE],
    blocks: u[b + BLOCKS] + i[b + BLOCKS + 1] * TWO32,
    atimeSec: as, atimeNsec: an, atimeMs: as * 1e3 + an / 1e6,
    mtimeSec: ms, mtimeNsec: mn, mtimeMs: ms * 1e3 + mn / 1e6,
    ctimeSec: cs, ctimeNsec: cn, ctimeMs: cs * 1e3 + cn / 1e6,
  };
}

// BigInt form, exact: every field a BigInt as in Node's BigIntStats, plus
// *timeNs (sec * 1e9 + nsec) and *timeMs (ns / 1e6, truncated as Node does).
function decodeBigInt(buf, offset = 0) {
  const b = w.at(buf, SIZE, offset, 'stat.decodeBigInt') >> 1; // 8-byte units
  const u = w.u64, i = w.i64;
  const as = i[b + (ATIM >> 1)], an = u[b + (ATIM >> 1) + 1];
  const ms = i[b + (MTIM >> 1)], mn = u[b + (MTIM >> 1) + 1];
  const cs = i[b + (CTIM >> 1)], cn = u[b + (CTIM >> 1) + 1];
  const u32 = w.u32, i32 = w.i32, b4 = b << 1;
  const ans = as * 1000000000n + an, mns = ms * 1000000000n + mn, cns = cs * 1000000000n + cn;
  return {
    dev: u[b + (DEV >> 1)],
    ino: u[b + (INO >> 1)],
    mode: BigInt(u32[b4 + MODE]),
    nlink: NLINK_HI ? u[b + (NLINK >> 1)] : BigInt(u32[b4 + NLINK]),
    uid: BigInt(u32[b4 + UID]),
    gid: BigInt(u32[b4 + GID]),
    rdev: u[b + (RDEV >> 1)],
    size: i[b + (SZ >> 1)],
    blksize: BLKSIZE_HI ? i[b + (BLKSIZE >> 1)] : BigInt(i32[b4 + BLKSIZE]),
    blocks: i[b + (BLOCKS >> 1)],
    atimeSec: as, atimeNsec: an, atimeNs: ans, atimeMs: ans / 1000000n,
    mtimeSec: ms, mtimeNsec: mn, mtimeNs: mns, mtimeMs: mns / 1000000n,
    ctimeSec: cs, ctimeNsec: cn, ctimeNs: cns, ctimeMs: cns / 1000000n,
  };
}

// Just st_mode / st_size, for callers that need one field (isDirectory checks,
// readFile sizing) without building the object.
function mode(buf, offset = 0) {
  const b = base(buf, offset, 'stat.mode');
  return U[b + MODE];
}
function size(buf, offset = 0) {
  const b = base(buf, offset, 'stat.size');
  return U[b + SZ] + I[b + SZ + 1] * TWO32;
}

module.exports = { SIZE, layout, LAYOUTS, decode, decodeBigInt, mode, size };
