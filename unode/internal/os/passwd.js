// unode/internal/os: user and group names as glibc's "files" NSS backend reads
// them from /etc/passwd and /etc/group (getpwuid_r, getpwnam_r, getgrnam_r,
// initgroups). Fields are kept as bytes (latin1 strings, one character per
// byte), so a caller can encode them as Node does (UTF-8, or a Buffer).
'use strict';
const { readText } = require('./procfs');

const ENOENT = -2;

// The file's entries split into fields, or -errno. Blank lines and comment
// lines are skipped; a line's last field takes the rest of it (colons too).
function entries(path, fields) {
  const text = readText(path);
  if (typeof text === 'number') return text;
  const out = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^[ \t]+/, '');
    if (line === '' || line[0] === '#') continue;
    const parts = [];
    let at = 0;
    for (let i = 0; i < fields - 1; i++) {
      const c = line.indexOf(':', at);
      if (c < 0) {
        parts.push(line.slice(at));
        at = line.length;
      } else {
        parts.push(line.slice(at, c));
        at = c + 1;
      }
    }
    parts.push(line.slice(at));
    out.push(parts);
  }
  return out;
}

// A numeric field as strtoul reads it (leading blanks, decimal digits), or -1.
function id(s) {
  const m = /^[ \t]*(\d+)$/.exec(s);
  if (m === null) return -1;
  const n = Number(m[1]);
  return n > 0xffffffff ? -1 : n;
}

// NIS compat entries ('+', '-') are never matches in the files backend.
const compat = (name) => name[0] === '+' || name[0] === '-';

function passwdEntries() {
  const list = entries('/etc/passwd', 7);
  if (typeof list === 'number') return list;
  const out = [];
  for (const [name, , uid, gid, gecos, dir, shell] of list) {
    const u = id(uid), g = id(gid);
    if (u < 0 || g < 0) continue;
    out.push({ name, uid: u, gid: g, gecos, dir, shell });
  }
  return out;
}

function groupEntries() {
  const list = entries('/etc/group', 4);
  if (typeof list === 'number') return list;
  const out = [];
  for (const [name, , gid, members] of list) {
    const g = id(gid);
    if (g < 0) continue;
    out.push({ name, gid: g, members: members === '' ? [] : members.split(',') });
  }
  return out;
}

// A JavaScript string as the bytes C sees (Node passes names as UTF-8).
const bytesOf = (s) => Buffer.from(s, 'utf8').latin1Slice();

// A missing file is no entry; another read error is that error.
function lookup(list, match) {
  if (typeof list === 'number') return list === ENOENT ? null : list;
  for (const e of list) if (!compat(e.name) && match(e)) return e;
  return null;
}

// { name, uid, gid, gecos, dir, shell } or null (no such user) or -errno.
function getpwuid(uid) {
  return lookup(passwdEntries(), (e) => e.uid === uid);
}

function getpwnam(name) {
  const b = bytesOf(name);
  return lookup(passwdEntries(), (e) => e.name === b);
}

// { name, gid, members } or null or -errno.
function getgrgid(gid) {
  return lookup(groupEntries(), (e) => e.gid === gid);
}

function getgrnam(name) {
  const b = bytesOf(name);
  return lookup(groupEntries(), (e) => e.name === b);
}

// initgroups(3)'s list: `group` first, then every group that names `user` as
// a member, in file order, each once (just `group` when /etc/group cannot be
// read, as glibc's "files" backend then contributes nothing).
function grouplist(user, group) {
  const list = groupEntries();
  if (typeof list === 'number') return [group];
  const b = bytesOf(user);
  const out = [group];
  for (const e of list) {
    if (compat(e.name) || e.gid === group || out.includes(e.gid)) continue;
    if (e.members.includes(b)) out.push(e.gid);
  }
  return out;
}

module.exports = { getpwuid, getpwnam, getgrgid, getgrnam, grouplist };
