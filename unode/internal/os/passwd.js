// unode/internal/os: user and group names as glibc's "files" NSS backend reads
// them from /etc/passwd and /etc/group (getpwuid_r, getpwnam_r, getgrnam_r,
// initgroups). Fields are kept as bytes (latin1 strings, one character per
// byte), so a caller can encode them as Node does (UTF-8, or a Buffer).
'use strict';
const { readText } = require('./procfs');

const ENOENT = -2;

// Calls visit(fields) for each entry of the file, in order, until it returns
// something other than undefined, which is returned (undefined at the end of
// the file); or -errno. Blank lines and comment lines are skipped; a line's
// last field takes the rest of it (colons too).
function scan(path, nfields, visit) {
  const text = readText(path);
  if (typeof text === 'number') return text;
  const parts = new Array(nfields);
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let at = start;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    if (at < end && text.charCodeAt(at) !== 35) {
      for (let i = 0; i < nfields - 1; i++) {
        let c = text.indexOf(':', at);
        if (c < 0 || c > end) c = end;
        parts[i] = text.slice(at, c);
        at = c < end ? c + 1 : end;
      }
      parts[nfields - 1] = text.slice(at, end);
      const r = visit(parts);
      if (r !== undefined) return r;
    }
    start = end + 1;
  }
  return undefined;
}

// C's isspace() in the C locale: space, \t, \n, \v, \f, \r.
function isSpace(c) {
  return c === 32 || (c >= 9 && c <= 13);
}

// A numeric field as glibc's INT_FIELD reads it: strtoul (leading blanks, a
// sign, decimal digits; a negative value wraps), clamped to 32 bits as its
// strtou32 does, and nothing after it in the field; or -1 (the line is not
// an entry).
function id(s) {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  const m = /^\d+$/.exec(s.slice(i));
  if (m === null) return -1;
  const n = BigInt(m[0]);
  if (n === 0n) return 0;
  if (negative || n > 0xffffffffn) return 0xffffffff; // ULONG_MAX - n + 1, or ERANGE
  return Number(n);
}

// A member list as glibc's parse_list splits it: at commas, each member's
// leading blanks dropped, empty members skipped.
function memberList(s) {
  const out = [];
  for (const part of s.split(',')) {
    let i = 0;
    while (i < part.length && isSpace(part.charCodeAt(i))) i++;
    if (i < part.length) out.push(i === 0 ? part : part.slice(i));
  }
  return out;
}

// NIS compat entries ('+', '-') are never matches in the files backend.
const compat = (name) => name[0] === '+' || name[0] === '-';

// The first passwd entry for which match(name, uid) holds: { name, uid, gid,
// gecos, dir, shell }; null when none; -errno when the file cannot be read
// (a missing file is no entry).
function findUser(match) {
  const r = scan('/etc/passwd', 7, ([name, , uid, gid, gecos, dir, shell]) => {
    if (compat(name)) return undefined;
    const u = id(uid), g = id(gid);
    if (u < 0 || g < 0 || !match(name, u)) return undefined;
    return { name, uid: u, gid: g, gecos, dir, shell };
  });
  return r === undefined || r === ENOENT ? null : r;
}

// The same for /etc/group: { name, gid, members }.
function findGroup(match) {
  const r = scan('/etc/group', 4, ([name, , gid, members]) => {
    if (compat(name)) return undefined;
    const g = id(gid);
    if (g < 0 || !match(name, g)) return undefined;
    return { name, gid: g, members: memberList(members) };
  });
  return r === undefined || r === ENOENT ? null : r;
}

// A JavaScript string as the bytes C sees (Node passes names as UTF-8).
const bytesOf = (s) => Buffer.from(s, 'utf8').latin1Slice();

// { name, uid, gid, gecos, dir, shell } or null (no such user) or -errno.
function getpwuid(uid) {
  return findUser((_, u) => u === uid);
}

function getpwnam(name) {
  const b = bytesOf(name);
  return findUser((n) => n === b);
}

// { name, gid, members } or null or -errno.
function getgrgid(gid) {
  return findGroup((_, g) => g === gid);
}

function getgrnam(name) {
  const b = bytesOf(name);
  return findGroup((n) => n === b);
}

// initgroups(3)'s list: `group` first, then every group that names `user` as
// a member, in file order, each once (just `group` when /etc/group cannot be
// read, as glibc's "files" backend then contributes nothing). glibc's
// initgroups reads every entry, NIS compat names ('+', '-') included.
function grouplist(user, group) {
  const b = bytesOf(user);
  const out = [group];
  scan('/etc/group', 4, ([, , gid, members]) => {
    const g = id(gid);
    if (g < 0 || g === group || out.includes(g)) return undefined;
    if (memberList(members).includes(b)) out.push(g);
    return undefined;
  });
  return out;
}

module.exports = { getpwuid, getpwnam, getgrgid, getgrnam, grouplist };
