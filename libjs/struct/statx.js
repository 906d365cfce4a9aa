// libjs/struct: struct statx (<linux/stat.h>), as statx(2) fills it. Same
// layout on every architecture.
'use strict';
const { TWO32, Words, makedev, makedevBigInt } = require('./mem');

// offset | size | field
//      0 |    4 | stx_mask            u32
//      4 |    4 | stx_blksize         u32
//      8 |    8 | stx_attributes      u64
//     16 |    4 | stx_nlink           u32
//     20 |    4 | stx_uid             u32
//     24 |    4 | stx_gid             u32
//     28 |    2 | stx_mode            u16
//     30 |    2 | __spare0
//     32 |    8 | stx_ino             u64
//     40 |    8 | stx_size            u64
//     48 |    8 | stx_blocks          u64
//     56 |    8 | stx_attributes_mask u64
//     64 |   16 | stx_atime           { s64 tv_sec; u32 tv_nsec; s32 __reserved }
//     80 |   16 | stx_btime
//     96 |   16 | stx_ctime
//    112 |   16 | stx_mtime
//    128 |    4 | stx_rdev_major      u32
//    132 |    4 | stx_rdev_minor      u32
//    136 |    4 | stx_dev_major       u32
//    140 |    4 | stx_dev_minor       u32
//    144 |    8 | stx_mnt_id          u64
//    152 |    4 | stx_dio_mem_align   u32
//    156 |    4 | stx_dio_offset_align u32
//    160 |   96 | newer fields and spare space
const SIZE = 256;
const layout = {
  size: SIZE,
  fields: {
    stx_mask: [0, 4], stx_blksize: [4, 4], stx_attributes: [8, 8], stx_nlink: [16, 4],
    stx_uid: [20, 4], stx_gid: [24, 4], stx_mode: [28, 2], stx_ino: [32, 8],
    stx_size: [40, 8], stx_blocks: [48, 8], stx_attributes_mask: [56, 8],
    stx_atime: [64, 16], stx_btime: [80, 16], stx_ctime: [96, 16], stx_mtime: [112, 16],
    stx_rdev_major: [128, 4], stx_rdev_minor: [132, 4], stx_dev_major: [136, 4],
    stx_dev_minor: [140, 4], stx_mnt_id: [144, 8], stx_dio_mem_align: [152, 4],
    stx_dio_offset_align: [156, 4],
  },
};
const LAYOUTS = { x64: layout, arm64: layout };

// statx_timestamp, 16 bytes: 0 | 8 | tv_sec (s64); 8 | 4 | tv_nsec (u32); 12 | 4 | reserved
const TS_SIZE = 16;

const w = new Words(SIZE);
// As in stat.js: the last aligned buffer decoded at offset 0 skips the lookup.
let lastBuf = null, lastBase = 0, U = w.u32, I = w.i32;

function base(buf, offset, what) {
  if (buf === lastBuf && offset === 0) return lastBase;
  const b = w.at(buf, SIZE, offset, what);
  U = w.u32;
  I = w.i32;
  if (offset === 0 && w.ab === buf.buffer) {
    lastBuf = buf;
    lastBase = b;
  } else {
    lastBuf = null;
  }
  return b;
}

// Number form; *Ms as Node computes them; dev and rdev are the dev_t values
// libuv builds (glibc's makedev of major and minor), so they equal Node's.
function decode(buf, offset = 0) {
  const b = base(buf, offset, 'statx.decode');
  const u = U, i = I;
  const as = u[b + 16] + i[b + 17] * TWO32, an = u[b + 18];
  const bs = u[b + 20] + i[b + 21] * TWO32, bn = u[b + 22];
  const cs = u[b + 24] + i[b + 25] * TWO32, cn = u[b + 26];
  const ms = u[b + 28] + i[b + 29] * TWO32, mn = u[b + 30];
  const rM = u[b + 32], rm = u[b + 33], dM = u[b + 34], dm = u[b + 35];
  return {
    mask: u[b],
    blksize: u[b + 1],
    attributes: u[b + 2] + u[b + 3] * TWO32,
    nlink: u[b + 4],
    uid: u[b + 5],
    gid: u[b + 6],
    mode: u[b + 7] & 0xffff,
    ino: u[b + 8] + u[b + 9] * TWO32,
    size: u[b + 10] + u[b + 11] * TWO32,
    blocks: u[b + 12] + u[b + 13] * TWO32,
    attributesMask: u[b + 14] + u[b + 15] * TWO32,
    atimeSec: as, atimeNsec: an, atimeMs: as * 1e3 + an / 1e6,
    btimeSec: bs, btimeNsec: bn, btimeMs: bs * 1e3 + bn / 1e6,
    ctimeSec: cs, ctimeNsec: cn, ctimeMs: cs * 1e3 + cn / 1e6,
    mtimeSec: ms, mtimeNsec: mn, mtimeMs: ms * 1e3 + mn / 1e6,
    rdevMajor: rM, rdevMinor: rm, devMajor: dM, devMinor: dm,
    rdev: makedev(rM, rm),
    dev: makedev(dM, dm),
    mntId: u[b + 36] + u[b + 37] * TWO32,
    dioMemAlign: u[b + 38],
    dioOffsetAlign: u[b + 39],
  };
}

// BigInt form, exact: the same fields as BigInts, plus *timeNs and *timeMs
// (ns / 1e6, truncated as Node's BigIntStats does).
function decodeBigInt(buf, offset = 0) {
  const b = w.at(buf, SIZE, offset, 'statx.decodeBigInt');
  const u = w.u32, q = w.u64, s = w.i64, h = b >> 1;
  const as = s[h + 8], an = BigInt(u[b + 18]);
  const bs = s[h + 10], bn = BigInt(u[b + 22]);
  const cs = s[h + 12], cn = BigInt(u[b + 26]);
  const ms = s[h + 14], mn = BigInt(u[b + 30]);
  const ans = as * 1000000000n + an, bns = bs * 1000000000n + bn;
  const cns = cs * 1000000000n + cn, mns = ms * 1000000000n + mn;
  const rM = u[b + 32], rm = u[b + 33], dM = u[b + 34], dm = u[b + 35];
  return {
    mask: BigInt(u[b]),
    blksize: BigInt(u[b + 1]),
    attributes: q[h + 1],
    nlink: BigInt(u[b + 4]),
    uid: BigInt(u[b + 5]),
    gid: BigInt(u[b + 6]),
    mode: BigInt(u[b + 7] & 0xffff),
    ino: q[h + 4],
    size: q[h + 5],
    blocks: q[h + 6],
    attributesMask: q[h + 7],
    atimeSec: as, atimeNsec: an, atimeNs: ans, atimeMs: ans / 1000000n,
    btimeSec: bs, btimeNsec: bn, btimeNs: bns, btimeMs: bns / 1000000n,
    ctimeSec: cs, ctimeNsec: cn, ctimeNs: cns, ctimeMs: cns / 1000000n,
    mtimeSec: ms, mtimeNsec: mn, mtimeNs: mns, mtimeMs: mns / 1000000n,
    rdevMajor: BigInt(rM), rdevMinor: BigInt(rm), devMajor: BigInt(dM), devMinor: BigInt(dm),
    rdev: makedevBigInt(rM, rm),
    dev: makedevBigInt(dM, dm),
    mntId: q[h + 18],
    dioMemAlign: BigInt(u[b + 38]),
    dioOffsetAlign: BigInt(u[b + 39]),
  };
}

module.exports = {
  SIZE, TS_SIZE, layout, LAYOUTS, decode, decodeBigInt,
};
