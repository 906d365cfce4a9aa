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
// V8's SlicedString::kMinLength: a shorter substring is a copy.
const COPIED = 13;
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
// how many were appended. Every name is a string of its own: a slice of a
// longer string would keep that whole string alive (V8 makes a substring of
// 13 or more characters a view of its parent), so one kept name would hold
// the chunk's 64 KiB. An ASCII name shorter than that is copied out of one
// latin1 string of the chunk (cheaper than a call per name); a longer one
// is decoded by itself; any other is decoded as UTF-8.
function list(buf, nread, names, types) {
  const u8 = bytesOf(buf, nread, 'dirent64.list');
  if (!Array.isArray(names)) throw typeError('dirent64.list: names must be an array');
  const wantTypes = Array.isArray(types);
  let s = null;
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
      } else if (n < COPIED) {
        if (s === null) s = latin1Slice.call(u8, 0, nread);
        names.push(s.slice(a, e));
      } else {
        names.push(latin1Slice.call(u8, a, e));
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
