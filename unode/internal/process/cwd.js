// unode/internal/process: the working directory and the file mode mask:
// getcwd(2) as libuv's uv_cwd reads it, chdir(2), umask(2).
'use strict';
// getcwd and umask through libjs's gate itself (traced like every call):
// Node asks for the cwd while it starts, and libjs/unistd would bring libjs's
// argument checks and every constant group with it (~2 ms of start-up).
const { syscall } = require('libjs/sys');
const nr = require('libjs/sysnr');

const sysGetcwd = (b, len) => syscall(nr.getcwd, b, len);
const sysUmask = (mask) => syscall(nr.umask, mask);

const ERANGE = -34, ENOENT = -2, ENAMETOOLONG = -36, ENOBUFS = -105;
const PATH_MAX = 4096;

const buf = Buffer.allocUnsafe(PATH_MAX + 1);

// The working directory as Node's buffer of PATH_MAX bytes holds it (a longer
// one is -ENOBUFS), without a trailing slash; or -errno. The kernel answers
// "(unreachable)/..." for a directory outside this process's root, which
// glibc's getcwd turns into ENOENT.
function getcwd() {
  let r = sysGetcwd(buf, PATH_MAX);
  if (r === ERANGE) {
    r = sysGetcwd(buf, PATH_MAX + 1);
    return r < 0 ? r : ENOBUFS;
  }
  // Longer than a page: the kernel gives up; glibc then walks up the tree
  // itself and finds the name too long for the buffer: ERANGE.
  if (r === ENAMETOOLONG) return ERANGE;
  if (r < 0) return r;
  let len = r - 1;
  if (len < 1 || buf[0] !== 0x2f) return ENOENT;
  if (len > 1 && buf[len - 1] === 0x2f) len--;
  return buf.toString('utf8', 0, len);
}

// The C string Node hands to chdir(2): cut at the first NUL.
function cString(s) {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

// 0 or -errno.
function chdir(path) {
  return require('libjs/unistd').chdir(path);
}

// umask(2) returns the previous mask and cannot fail. Reading it means
// setting it twice, as Node does.
function umask(mask) {
  if (mask === undefined) {
    const old = sysUmask(0);
    sysUmask(old);
    return old;
  }
  return sysUmask(mask);
}

module.exports = { getcwd, chdir, cString, umask };
