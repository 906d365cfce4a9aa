// libjs/struct: IPv4 and IPv6 addresses between text and bytes, as
// inet_pton(3) parses them and inet_ntop(3) prints them (the forms Node shows).
'use strict';

// Dotted quad, four decimal numbers 0..255 without leading zeros (inet_pton
// accepts no octal or shorthand forms). Writes 4 bytes; false if not an address.
function parse4(s, out, at) {
  let p = 0;
  for (let k = 0; k < 4; k++) {
    if (k > 0) {
      if (s.charCodeAt(p) !== 46) return false;
      p++;
    }
    const start = p;
    let v = 0;
    while (p < s.length) {
      const c = s.charCodeAt(p) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
      p++;
    }
    const n = p - start;
    if (n === 0 || n > 3 || v > 255 || (n > 1 && s.charCodeAt(start) === 48)) return false;
    out[at + k] = v;
  }
  return p === s.length;
}

function format4(u8, at) {
  return `${u8[at]}.${u8[at + 1]}.${u8[at + 2]}.${u8[at + 3]}`;
}

// RFC 4291 text: up to 8 groups of 1-4 hex digits, one '::' for a run of zero
// groups, an optional dotted quad in the last 32 bits. Writes 16 bytes.
function parse6(s, out, at) {
  const groups = [];
  let gap = -1, p = 0;
  if (s.startsWith('::')) {
    gap = 0;
    p = 2;
    if (s.length === 2) { out.fill(0, at, at + 16); return true; }
  } else if (s.charCodeAt(0) === 58) return false;
  while (p < s.length) {
    let e = p, v = 0;
    while (e < s.length && e - p < 5) {
      const c = s.charCodeAt(e);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (d < 0) break;
      v = v * 16 + d;
      e++;
    }
    if (e < s.length && s.charCodeAt(e) === 46) { // embedded IPv4
      const q = new Uint8Array(4);
      if (groups.length > 6 || !parse4(s.slice(p), q, 0)) return false;
      groups.push((q[0] << 8) | q[1], (q[2] << 8) | q[3]);
      p = s.length;
      break;
    }
    if (e === p || e - p > 4) return false;
    groups.push(v);
    p = e;
    if (p === s.length) break;
    if (s.charCodeAt(p) !== 58) return false;
    p++;
    if (s.charCodeAt(p) === 58) {
      if (gap >= 0) return false;
      gap = groups.length;
      p++;
      if (p === s.length) break;
    } else if (p === s.length) return false;
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return false;
  const full = gap < 0 ? groups : [...groups.slice(0, gap), ...new Array(8 - groups.length).fill(0), ...groups.slice(gap)];
  for (let k = 0; k < 8; k++) {
    out[at + 2 * k] = full[k] >> 8;
    out[at + 2 * k + 1] = full[k] & 0xff;
  }
  return true;
}

// The longest run of two or more zero groups (the first of equal runs) becomes
// '::'; hex in lower case without leading zeros; ::a.b.c.d and ::ffff:a.b.c.d
// print the IPv4 part dotted, as inet_ntop does.
function format6(u8, at) {
  const g = new Array(8);
  for (let k = 0; k < 8; k++) g[k] = (u8[at + 2 * k] << 8) | u8[at + 2 * k + 1];
  let best = -1, bestLen = 0;
  for (let k = 0; k < 8;) {
    if (g[k] !== 0) { k++; continue; }
    let e = k;
    while (e < 8 && g[e] === 0) e++;
    if (e - k > bestLen) { best = k; bestLen = e - k; }
    k = e;
  }
  if (bestLen < 2) best = -1;
  if (best === 0 && (bestLen === 6 || (bestLen === 5 && g[5] === 0xffff)))
    return (bestLen === 5 ? '::ffff:' : '::') + format4(u8, at + 12);
  let s = '';
  for (let k = 0; k < 8; k++) {
    if (k === best) {
      s += '::';
      k += bestLen - 1;
      continue;
    }
    if (s !== '' && !s.endsWith(':')) s += ':';
    s += g[k].toString(16);
  }
  return s;
}

module.exports = { parse4, format4, parse6, format6 };
