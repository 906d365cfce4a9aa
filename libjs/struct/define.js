// libjs/struct: table-driven codecs for the structs that are not on a hot
// path: one description gives the layout (C names, offsets, sizes), a Number
// decoder, a BigInt decoder and an encoder.
'use strict';
const { checkView, dataView, getU64, getI64, setI64, checkInt, outBuffer, typeError } = require('./mem');

const WIDTH = { u8: 1, i8: 1, u16: 2, i16: 2, u16be: 2, u32: 4, i32: 4, u32be: 4, u64: 8, i64: 8 };
const RANGE = {
  u8: [0, 0xff], i8: [-0x80, 0x7f], u16: [0, 0xffff], i16: [-0x8000, 0x7fff], u16be: [0, 0xffff],
  u32: [0, 0xffffffff], i32: [-0x80000000, 0x7fffffff], u32be: [0, 0xffffffff],
};

function read(dv, p, type) {
  switch (type) {
    case 'u8': return dv.getUint8(p);
    case 'i8': return dv.getInt8(p);
    case 'u16': return dv.getUint16(p, true);
    case 'i16': return dv.getInt16(p, true);
    case 'u16be': return dv.getUint16(p, false);
    case 'u32': return dv.getUint32(p, true);
    case 'i32': return dv.getInt32(p, true);
    case 'u32be': return dv.getUint32(p, false);
    case 'u64': return getU64(dv, p);
    case 'i64': return getI64(dv, p);
  }
  throw new Error(`libjs/struct: unknown field type ${type}`);
}

function write(dv, p, type, v, what) {
  if (type === 'u64' || type === 'i64') return setI64(dv, p, v, what);
  const [min, max] = RANGE[type];
  checkInt(v, min, max, what);
  switch (type) {
    case 'u8': case 'i8': return dv.setUint8(p, v & 0xff);
    case 'u16': case 'i16': return dv.setUint16(p, v & 0xffff, true);
    case 'u16be': return dv.setUint16(p, v, false);
    case 'u32': case 'i32': return dv.setUint32(p, v >>> 0, true);
    case 'u32be': return dv.setUint32(p, v, false);
  }
}

// fields: [jsName, cName, offset, type] with type one of WIDTH's keys, or
// 'char[N]' (a NUL-terminated string in N bytes) or 'bytes[N]' (a Buffer copy).
// The layout lists C members by name; a cName with '.' or '[' is a part of a
// member (tv_sec of a timeval, an array element), named in `members` instead.
function define(name, size, fields, members = {}) {
  const parsed = fields.map(([js, c, offset, type]) => {
    const m = /^(char|bytes)\[(\d+)\]$/.exec(type);
    const width = m ? Number(m[2]) : WIDTH[type];
    if (width === undefined) throw new Error(`libjs/struct: ${name}.${c}: unknown type ${type}`);
    return { js, c, offset, type: m ? m[1] : type, width };
  });
  const layout = { size, fields: {} };
  for (const f of parsed) if (!/[.[]/.test(f.c)) layout.fields[f.c] = [f.offset, f.width];
  Object.assign(layout.fields, members);

  function decodeWith(buf, offset, big, what) {
    checkView(buf, size, offset, what);
    const dv = dataView(buf), base = buf.byteOffset + offset;
    const out = {};
    for (const f of parsed) {
      const p = base + f.offset;
      if (f.type === 'char') {
        const u8 = new Uint8Array(dv.buffer, p, f.width);
        const nul = u8.indexOf(0);
        out[f.js] = Buffer.from(u8.buffer, p, nul < 0 ? f.width : nul).toString('utf8');
      } else if (f.type === 'bytes') {
        out[f.js] = Buffer.from(new Uint8Array(dv.buffer, p, f.width));
      } else if (big && f.type === 'u64') {
        out[f.js] = dv.getBigUint64(p, true);
      } else if (big && f.type === 'i64') {
        out[f.js] = dv.getBigInt64(p, true);
      } else {
        out[f.js] = read(dv, p, f.type);
      }
    }
    return out;
  }

  return {
    name,
    SIZE: size,
    layout,
    // Number form: 64-bit fields exact below 2**53.
    decode(buf, offset = 0) {
      return decodeWith(buf, offset, false, `${name}.decode`);
    },
    // BigInt form: 64-bit fields as BigInts, exact; narrower ones stay Numbers.
    decodeBigInt(buf, offset = 0) {
      return decodeWith(buf, offset, true, `${name}.decodeBigInt`);
    },
    // Writes the fields present in `values` (absent ones are zero in a new
    // buffer, untouched in a given one); returns the buffer.
    encode(buf, values, offset = 0) {
      if (values === null || typeof values !== 'object') throw typeError(`${name}.encode: expected an object of fields`);
      buf = outBuffer(buf, size, offset, `${name}.encode`);
      const dv = dataView(buf), base = buf.byteOffset + offset;
      for (const f of parsed) {
        const v = values[f.js];
        if (v === undefined) continue;
        const p = base + f.offset;
        if (f.type === 'char' || f.type === 'bytes') {
          const bytes = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
          if (!ArrayBuffer.isView(bytes) || bytes.byteLength > f.width - (f.type === 'char' ? 1 : 0))
            throw typeError(`${name}.encode: ${f.js} must fit in ${f.width} bytes`);
          const dst = new Uint8Array(dv.buffer, p, f.width);
          dst.fill(0);
          dst.set(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        } else {
          write(dv, p, f.type, v, `${name}.encode: ${f.js}`);
        }
      }
      return buf;
    },
  };
}

module.exports = { define };
