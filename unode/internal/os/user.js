// unode/internal/os: the user: os.userInfo() (the passwd entry of the
// effective uid, as uv_os_get_passwd), os.homedir() (HOME, then passwd, as
// uv_os_homedir) and the environment checks of Node's safeGetenv for os.tmpdir().
'use strict';
const { geteuid, getuid, getgid, getegid } = require('libjs/unistd');
const { getauxval } = require('./procfs');
const passwd = require('./passwd');

const ENOENT = -2, ENOBUFS = -105;
const PATH_MAX = 4096;

// Node's ParseEncoding: a known name in any case, else UTF-8.
function parseEncoding(enc) {
  if (typeof enc !== 'string') return 'utf8';
  // Node's C++ reads the name as a C string: it ends at a NUL.
  const nul = enc.indexOf('\0');
  const lower = (nul === -1 ? enc : enc.slice(0, nul)).toLowerCase();
  if (lower === 'buffer') return 'buffer';
  return Buffer.isEncoding(lower) ? lower : 'utf8';
}

function encode(latin1, encoding) {
  const bytes = Buffer.from(latin1, 'latin1');
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

// { uid, gid, username, homedir, shell } with a null prototype, or -errno
// (-ENOENT when the effective uid has no passwd entry).
function userInfo(encoding) {
  const pw = passwd.getpwuid(geteuid());
  if (pw === null) return ENOENT;
  if (typeof pw === 'number') return pw;
  const out = Object.create(null);
  out.uid = pw.uid;
  out.gid = pw.gid;
  out.username = encode(pw.name, encoding);
  out.homedir = encode(pw.dir, encoding);
  out.shell = encode(pw.shell, encoding);
  return out;
}

// HOME when it is set (empty included), else the passwd entry's directory;
// -ENOBUFS past libuv's PATH_MAX buffer, -ENOENT with neither.
function homedir() {
  const home = process.env.HOME;
  if (home !== undefined) return Buffer.byteLength(home) >= PATH_MAX ? ENOBUFS : home;
  const pw = passwd.getpwuid(geteuid());
  if (pw === null) return ENOENT;
  if (typeof pw === 'number') return pw;
  if (pw.dir.length >= PATH_MAX) return ENOBUFS;
  return Buffer.from(pw.dir, 'latin1').toString('utf8');
}

// AT_SECURE: set for a set-user-ID program, whose environment comes from
// someone else.
const AT_SECURE = 23;

// Node's safeGetenv: the variable, unless the process runs with privileges it
// did not start with (AT_SECURE, or real and effective ids that differ).
function safeGetenv(key) {
  if (getauxval(AT_SECURE) || getuid() !== geteuid() || getgid() !== getegid()) return undefined;
  return process.env[key];
}

module.exports = { userInfo, homedir, safeGetenv, parseEncoding };
