// libjs/struct: struct linux_dirent64 (<linux/dirent.h>), the records that
// getdents64(2) packs into a buffer. Same layout on every architecture.
'use strict';
const { TWO32, checkView, checkInt, typeError } = require('./mem');

// offset | size | field
//      0 |    8 | d_ino     u64
//      8 |    8 | d_off     s64, an opaque cookie for lseek (not decoded)
//     16 |    2 | d_reclen  u16, this record's length (8-byte multiple)
//     18 |    1 | d_type    u8, DT_*
//     19 |    - | d_name    NUL-terminated, then padding (not zeroed) to d_reclen
const HEADER = 19;
const layout = { size: 24, fields: { d_ino: [0, 8], d_off: [8, 8], d_reclen: [16, 2], d_type: [18, 1], d_name: [19, 0] } };

// d_type values (<dirent.h>); DT_UNKNOWN means the filesystem did not say:
// lstat the entry.
const DT = { UNKNOWN: 0, FIFO: 1, CHR: 2, DIR: 4, BLK: 6, REG: 8, LNK: 10, SOCK: 12, WHT: 14 };

const latin1Slice = Buffer.prototype.latin1Slice;
const utf8Slice = Buffer.prototype.utf8Slice;

function bytesOf(buf, nread, what) {
  checkView(buf, 0, 0, what);
  checkInt(nread, 0, buf.byteLength, `${what}: nread (the getdents64 result)`);
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// A record's name: from HEADER up to its NUL. The kernel does not clear the
// padding after the NUL (a reused buffer keeps old bytes there), so scan
// forward.
function nameEnd(u8, p, reclen) {
  let e = p + HEADER;
  const end = p + reclen;
  while (e < end && u8[e] !== 0) e++;
  return e;
}

function badRecord(p) {
  throw typeError(`dirent64: corrupt record at offset ${p} (not a getdents64 buffer?)`);
}

// list(buf, nread, names[, types]): appends each entry's name (UTF-8 decoded)
// and, when `types` is given, its DT_* type, skipping '.' and '..'. Returns
// how many were appended. A substring of 13 or more characters is, in V8, a
// view that keeps its parent string alive, so a name sliced out of one
// string of the whole chunk would keep the chunk's 64 KiB alive as long as
// the name is kept. ASCII names are sliced out of latin1 strings of at most
// GROUP bytes of the chunk instead (a kept name holds at most that), one per
// stretch of records: a call per ~20 names rather than per name. Other
// names are decoded as UTF-8, each a string of its own.
const GROUP = 512; // > HEADER + the longest name (255 bytes)
function list(buf, nread, names, types) {
  const u8 = bytesOf(buf, nread, 'dirent64.list');
  if (!Array.isArray(names)) throw typeError('dirent64.list: names must be an array');
  const wantTypes = Array.isArray(types);
  let s = null; // latin1 string of bytes [gStart, gEnd) of the chunk
  let gStart = 0, gEnd = 0;
  let count = 0;
  for (let p = 0; p < nread;) {
    const reclen = u8[p + 16] | (u8[p + 17] << 8);
    if (reclen < HEADER + 1 || p + reclen > nread) badRecord(p);
    const a = p + HEADER, end = p + reclen;
    let e = a, bits = 0;
    for (let c = u8[e]; c !== 0 && e < end; c = u8[++e]) bits |= c;
    const n = e - a;
    if (!(u8[a] === 46 && (n === 1 || (n === 2 && u8[a + 1] === 46)))) {
      if (bits & 0x80) {
        names.push(utf8Slice.call(u8, a, e));
      } else {
        if (s === null || e > gEnd) {
          gStart = a;
          gEnd = Math.min(nread, a + GROUP);
          s = latin1Slice.call(u8, gStart, gEnd);
        }
        names.push(s.slice(a - gStart, e - gStart));
      }
      if (wantTypes) types.push(u8[p + 18]);
      count++;
    }
    p = end;
  }
  return count;
}

// iterate(buf, nread, { encoding, bigint }): every record, '.' and '..'
// included, as { name, type, ino }. encoding 'buffer' gives names as Buffer
// copies of the raw bytes (for names that are not UTF-8); bigint gives ino as
// a BigInt (exact; as a Number it is exact below 2**53).
function* iterate(buf, nread, options = {}) {
  const u8 = bytesOf(buf, nread, 'dirent64.iterate');
  const raw = options.encoding === 'buffer';
  const big = options.bigint === true;
  for (let p = 0; p < nread;) {
    const reclen = u8[p + 16] | (u8[p + 17] << 8);
    if (reclen < HEADER + 1 || p + reclen > nread) badRecord(p);
    const e = nameEnd(u8, p, reclen);
    const lo = (u8[p] | (u8[p + 1] << 8) | (u8[p + 2] << 16) | (u8[p + 3] << 24)) >>> 0;
    const hi = (u8[p + 4] | (u8[p + 5] << 8) | (u8[p + 6] << 16) | (u8[p + 7] << 24)) >>> 0;
    yield {
      name: raw ? Buffer.from(u8.subarray(p + HEADER, e)) : utf8Slice.call(u8, p + HEADER, e),
      type: u8[p + 18],
      ino: big ? (BigInt(hi) << 32n) | BigInt(lo) : lo + hi * TWO32,
    };
    p += reclen;
  }
}

module.exports = { HEADER, layout, DT, list, iterate };
