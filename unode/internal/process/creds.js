// unode/internal/process: changing the process's credentials. Names are looked
// up in /etc/passwd and /etc/group (../os/passwd); the change itself is made by
// libc (libjs/libc), whose set*id reaches every thread of the process.
'use strict';
const libc = require('libjs/libc');
const passwd = require('../os/passwd');

// Node's uid_not_found / gid_not_found: (uid_t) -1.
const NOT_FOUND = 0xffffffff;

const isUint32 = (v) => typeof v === 'number' && v >>> 0 === v && !Object.is(v, -0);

// A name as the C string Node passes (UTF-8, cut at a NUL).
function cName(v) {
  const s = String(v);
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

// Node's uid_by_name / gid_by_name: a uint32 Number is the id; anything else
// is a name. NOT_FOUND for an unknown name (and for the id 2**32 - 1).
function uidOf(id) {
  if (isUint32(id)) return id;
  const pw = passwd.getpwnam(cName(id));
  return pw !== null && typeof pw === 'object' ? pw.uid : NOT_FOUND;
}

function gidOf(id) {
  if (isUint32(id)) return id;
  const gr = passwd.getgrnam(cName(id));
  return gr !== null && typeof gr === 'object' ? gr.gid : NOT_FOUND;
}

// Each returns 0, 1 when the id is unknown (Node's convention), or -errno.
function setter(lookup, change) {
  return (id) => {
    const v = lookup(id);
    if (v === NOT_FOUND) return 1;
    const r = change(v);
    return r < 0 ? r : 0;
  };
}

const setuid = setter(uidOf, libc.setuid);
const seteuid = setter(uidOf, libc.seteuid);
const setgid = setter(gidOf, libc.setgid);
const setegid = setter(gidOf, libc.setegid);

// 0, i + 1 when groups[i] is unknown, or -errno.
function setgroups(groups) {
  const list = new Uint32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const g = gidOf(groups[i]);
    if (g === NOT_FOUND) return i + 1;
    list[i] = g;
  }
  return libc.setgroups(list.length, list);
}

// 0, 1 (unknown user), 2 (unknown group) or -errno. A user given by name need
// not exist (initgroups(3) only reads /etc/group); one given by uid must.
function initgroups(user, extraGroup) {
  let name;
  if (isUint32(user)) {
    const pw = passwd.getpwuid(user);
    if (pw === null || typeof pw === 'number') return 1;
    name = Buffer.from(pw.name, 'latin1').toString('utf8');
  } else {
    name = cName(user);
  }
  const extra = gidOf(extraGroup);
  if (extra === NOT_FOUND) return 2;
  const list = Uint32Array.from(passwd.grouplist(name, extra));
  return libc.setgroups(list.length, list);
}

module.exports = { setuid, seteuid, setgid, setegid, setgroups, initgroups, available: libc.available };
