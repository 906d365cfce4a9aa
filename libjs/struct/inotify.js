// libjs/struct: struct inotify_event (<linux/inotify.h>), the variable-length
// records a read from an inotify fd returns. Same on every architecture.
'use strict';
const { checkView, checkInt, typeError } = require('./mem');

// offset | size | field
//      0 |    4 | wd      int, the watch
//      4 |    4 | mask    u32, IN_*
//      8 |    4 | cookie  u32, pairs IN_MOVED_FROM with IN_MOVED_TO
//     12 |    4 | len     u32, bytes of name, NUL padding included
//     16 |  len | name    NUL-terminated (absent when len is 0)
const HEADER = 16;
const layout = { size: 16, fields: { wd: [0, 4], mask: [4, 4], cookie: [8, 4], len: [12, 4], name: [16, 0] } };

const utf8Slice = Buffer.prototype.utf8Slice;

// iterate(buf, nread[, { encoding }]): { wd, mask, cookie, name } for each
// event; name is null for an event on the watched object itself, a string
// (UTF-8), or a Buffer copy with encoding 'buffer'.
function* iterate(buf, nread, options = {}) {
  checkView(buf, 0, 0, 'inotify_event.iterate');
  checkInt(nread, 0, buf.byteLength, 'inotify_event.iterate: nread');
  const raw = options.encoding === 'buffer';
  const dv = new DataView(buf.buffer, buf.byteOffset, nread);
  const u8 = new Uint8Array(buf.buffer, buf.byteOffset, nread);
  for (let p = 0; p < nread;) {
    if (p + HEADER > nread) throw typeError(`inotify_event: truncated record at offset ${p}`);
    const len = dv.getUint32(p + 12, true);
    if (p + HEADER + len > nread) throw typeError(`inotify_event: truncated record at offset ${p}`);
    let name = null;
    if (len > 0) {
      let e = p + HEADER;
      while (e < p + HEADER + len && u8[e] !== 0) e++;
      name = raw ? Buffer.from(u8.subarray(p + HEADER, e)) : utf8Slice.call(u8, p + HEADER, e);
    }
    yield { wd: dv.getInt32(p, true), mask: dv.getUint32(p + 4, true), cookie: dv.getUint32(p + 8, true), name };
    p += HEADER + len;
  }
}

module.exports = { HEADER, layout, iterate };
