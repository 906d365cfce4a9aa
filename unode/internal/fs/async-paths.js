// unode/internal/fs: asynchronous calls on names that take several system
// calls on eloop, shared by the callback and promise forms: mkdir -p (Node's
// MKDirpAsync), mkdtemp, scandir, readlink, realpath.native and copyFile
// (libuv's algorithm). Each completion gets -errno, or 0 and the result.
'use strict';

const { Buffer } = require('buffer');
const nr = require('libjs/sysnr');
const C = require('libjs/constants');
const { submit, span, kpath, AT_FDCWD } = require('./jobs');
const io = require('./async-io');
const { listFromRecords } = require('./readdir');
const { getrandom } = require('libjs/random');

const {
  O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_DIRECTORY, O_CLOEXEC, O_PATH, S_IFMT, S_IFDIR,
} = C;
const EPERM = -1;
const ENOENT = -2;
const EIO = -5;
const EACCES = -13;
const EEXIST = -17;
const EXDEV = -18;
const ENOTDIR = -20;
const EINVAL = -22;
const ENOSPC = -28;
const ENAMETOOLONG = -36;
const ENOSYS = -38;
const ENOTSOCK = -88;
const EOPNOTSUPP = -95;

// ---- mkdir -p ------------------------------------------------------------------------

// Node's MKDirpAsync: a stack of paths, one mkdir per step; a stat decides
// what an error other than ENOENT means. cb(0, first directory created or
// undefined) or cb(-errno, the path of the step that failed: Node's error
// names its request's path, an intermediate directory included). Paths are
// strings, or latin1 strings standing for the bytes of a Buffer path
// (toKernel turns them back).
function mkdirp(path, mode, toKernel, cb) {
  const stack = [path];
  let first;
  const next = () => {
    const p = stack.pop();
    submit((err) => afterMkdir(p, err), nr.mkdirat, AT_FDCWD, kpath(toKernel(p)), mode);
  };
  const afterMkdir = (p, err) => {
    for (;;) {
      if (err === 0) {
        if (first === undefined) first = p;
        if (stack.length === 0) cb(0, first);
        else next();
      } else if (err === EACCES || err === ENOSPC || err === ENOTDIR || err === EPERM) {
        cb(err, p);
      } else if (err === ENOENT) {
        const slash = p.lastIndexOf('/');
        const dirname = slash === -1 ? p : p.slice(0, slash);
        if (dirname !== p) {
          stack.push(p);
          stack.push(dirname);
        } else if (stack.length === 0) {
          err = EEXIST;
          continue;
        }
        next();
      } else {
        const orig = err;
        io.statPath(toKernel(p), 0, false, (r, stats) => {
          const isDir = r === 0 && (stats.mode & S_IFMT) === S_IFDIR;
          if (orig === EEXIST && stack.length > 0) {
            if (isDir) next();
            else cb(ENOTDIR, p);
            return;
          }
          if (r < 0) cb(r, p);
          else if (!isDir) cb(EEXIST, p);
          else cb(0, first);
        });
      }
      return;
    }
  };
  next();
}

// ---- mkdtemp -------------------------------------------------------------------------

// As glibc's mkdtemp: six characters from [A-Za-z0-9], mode 0700, another
// name on EEXIST. cb(0, path as a Buffer), or cb(-errno, the last name tried)
// (Node's asynchronous mkdtemp names it in its error, as glibc leaves it in
// the template).
const kTempChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const kAttempts = 62 * 62 * 62;
const randomBytes = new Uint8Array(6);

function fillRandom() {
  if (getrandom(randomBytes, 6, 0) !== 6) {
    for (let i = 0; i < 6; i++) randomBytes[i] = Math.floor(Math.random() * 256);
  }
}

function mkdtemp(prefixBytes, cb) {
  // An empty prefix: Node 20's template is 'XXXXX' (five Xs), which glibc's
  // mkdtemp refuses without a system call. Its thread pool reports that on a
  // later turn of the loop, as here.
  if (prefixBytes.length === 0) {
    setImmediate(cb, EINVAL, Buffer.from('XXXXX'));
    return;
  }
  const len = prefixBytes.length + 6;
  let attempt = 0;
  const tryOne = () => {
    // The trailing NUL lets the kernel take the Buffer as it is.
    const path = Buffer.alloc(len + 1);
    path.set(prefixBytes, 0);
    fillRandom();
    for (let i = 0; i < 6; i++) path[prefixBytes.length + i] = kTempChars.charCodeAt(randomBytes[i] % 62);
    submit((r) => {
      if (r === EEXIST && ++attempt < kAttempts) tryOne();
      else cb(r < 0 ? r : 0, path.subarray(0, len));
    }, nr.mkdirat, AT_FDCWD, path, 0o700);
  };
  tryOne();
}

// ---- scandir -------------------------------------------------------------------------

const kDirBuffer = 32 * 1024;

// libuv's scandir: every entry but '.' and '..', in strcmp order. cb(0,
// names) or cb(0, [names, types]) or cb(-errno).
function scandir(path, encoding, withTypes, cb) {
  io.open(path, O_RDONLY | O_DIRECTORY, 0, (fd) => {
    if (fd < 0) {
      cb(fd);
      return;
    }
    let buf = Buffer.allocUnsafeSlow(kDirBuffer);
    let used = 0;
    const grow = () => {
      const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
      buf.copy(bigger, 0, 0, used);
      buf = bigger;
    };
    const finish = (err) => {
      io.close(fd, () => {
        if (err < 0) cb(err);
        else cb(0, listFromRecords(buf, used, encoding, withTypes));
      });
    };
    const step = () => {
      if (buf.length - used < 4096) grow();
      const room = buf.length - used;
      submit((n) => {
        if (n === 0 || n === ENOENT) { // ENOENT: removed while open; glibc's end too
          finish(0);
        } else if (n < 0) {
          // EINVAL: the next record does not fit in what is left.
          if (n === EINVAL && used > 0) {
            grow();
            step();
          } else {
            finish(n);
          }
        } else {
          used += n;
          step();
        }
      }, nr.getdents64, fd, span(buf, used, room), room);
    };
    step();
  });
}

// ---- links ---------------------------------------------------------------------------

// cb(0, Buffer holding the target) or cb(-errno). Link targets are shorter
// than PATH_MAX; libuv reads them in one call.
function readlink(path, cb) {
  const buf = Buffer.allocUnsafeSlow(4096);
  submit((n) => {
    if (n < 0) cb(n);
    else cb(0, buf.subarray(0, n));
  }, nr.readlinkat, AT_FDCWD, kpath(path), buf, buf.length);
}

// The kernel's answer: an O_PATH descriptor and its /proc/self/fd link.
// cb(0, Buffer) or cb(-errno) for the path; cb(1) when /proc cannot tell.
function realpathNative(path, cb) {
  io.open(path, O_PATH, 0, (fd) => {
    if (fd < 0) {
      cb(fd);
      return;
    }
    readlink(`/proc/self/fd/${fd}`, (n, target) => {
      io.close(fd, () => {
        if (n === ENAMETOOLONG) {
          cb(n); // past a page: see realpath.js
        } else if (n < 0) {
          cb(1);
        } else {
          // Where realpath(3) fails although /proc has a name (a pipe, a
          // removed working directory): see realpath.js.
          const r = require('./realpath').nativeVerdict(path, target, target.length);
          if (r < 0) cb(r);
          else cb(0, target);
        }
      });
    });
  });
}

// ---- copyFile ------------------------------------------------------------------------

const COPYFILE_EXCL = 1;
const COPYFILE_FICLONE = 2;
const COPYFILE_FICLONE_FORCE = 4;
const FICLONE = 0x40049409; // _IOW(0x94, 9, int)

const stf = require('libjs/struct/stat').layout.fields;
const W_DEV = stf.st_dev[0] >> 2;
const W_INO = stf.st_ino[0] >> 2;
const W_MODE = stf.st_mode[0] >> 2;
const W_SIZE = stf.st_size[0] >> 2;

let noCopyFileRange = false;

// fstat(2) into a record of its own: cb(r, Uint32Array of it).
function fstatWords(fd, cb) {
  const rec = new Uint32Array(64);
  submit((r) => cb(r, rec), nr.fstat, fd, rec);
}

// One step of libuv's uv_fs_sendfile between file positions:
// copy_file_range, then sendfile, then read and write. cb(bytes moved or -errno).
function copyChunk(inFd, outFd, len, cb) {
  const viaSendfile = () => submit((r) => {
    if (r === EINVAL || r === EIO || r === ENOTSOCK || r === EXDEV) copyEmulated(inFd, outFd, len, cb);
    else cb(r);
  }, nr.sendfile, outFd, inFd, null, len);
  if (noCopyFileRange) {
    viaSendfile();
    return;
  }
  submit((r) => {
    if (r >= 0) {
      cb(r);
    } else if (r === ENOSYS || r === EOPNOTSUPP || r === EXDEV) {
      if (r === ENOSYS) noCopyFileRange = true;
      viaSendfile();
    } else if (r === EINVAL || r === EIO || r === ENOTSOCK) {
      copyEmulated(inFd, outFd, len, cb);
    } else {
      cb(r);
    }
  }, nr.copy_file_range, inFd, null, outFd, null, len, 0);
}

function copyEmulated(inFd, outFd, len, cb) {
  const buf = Buffer.allocUnsafeSlow(Math.min(len, 64 * 1024));
  submit((n) => {
    if (n <= 0) cb(n);
    else io.writeAll(outFd, buf, 0, n, -1, (w) => cb(w < 0 ? w : n));
  }, nr.read, inFd, buf, buf.length);
}

// libuv's uv__fs_copyfile as a chain of jobs. cb(0) or cb(-errno); dest is
// removed when the copy fails after it was opened.
function copyFile(src, dest, mode, cb) {
  let srcFd = -1;
  let destFd = -1;
  let srcMode = 0;
  let size = 0;
  let srcDev = '';

  const finish = (err) => {
    let result = err < 0 ? err : 0;
    io.close(srcFd, (r1) => {
      if (r1 < 0 && result === 0) result = r1;
      if (destFd < 0) {
        cb(result);
        return;
      }
      io.close(destFd, (r2) => {
        if (r2 < 0 && result === 0) result = r2;
        if (result === 0) cb(0);
        else submit(() => cb(result), nr.unlinkat, AT_FDCWD, kpath(dest), 0);
      });
    });
  };

  const copyData = () => {
    let left = size;
    const step = () => {
      if (left <= 0) {
        finish(0);
        return;
      }
      copyChunk(srcFd, destFd, Math.min(left, 0x7ffff000), (n) => {
        if (n < 0) finish(n);
        else if (n === 0) finish(0); // the source shrank: stop rather than spin
        else {
          left -= n;
          step();
        }
      });
    };
    step();
  };

  const chmodAndCopy = () => {
    submit((c) => {
      if (c < 0) {
        finish(c);
      } else if (mode & (COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE)) {
        submit((f) => {
          if (f === 0) finish(0);
          else if (mode & COPYFILE_FICLONE_FORCE) finish(f);
          else copyData();
        }, nr.ioctl, destFd, FICLONE, srcFd);
      } else {
        copyData();
      }
    }, nr.fchmod, destFd, srcMode);
  };

  const afterDestOpen = (fd) => {
    if (fd < 0) {
      finish(fd);
      return;
    }
    destFd = fd;
    if (mode & COPYFILE_EXCL) {
      chmodAndCopy();
      return;
    }
    fstatWords(destFd, (r, w) => {
      if (r < 0) {
        finish(r);
        return;
      }
      if (`${w[W_DEV]}.${w[W_DEV + 1]}.${w[W_INO]}.${w[W_INO + 1]}` === srcDev) {
        finish(0); // the same file: nothing to do
        return;
      }
      const destSize = w[W_SIZE] + w[W_SIZE + 1] * 4294967296;
      submit((t) => {
        if (t < 0 && !(t === EACCES && destSize === 0)) finish(t);
        else chmodAndCopy();
      }, nr.ftruncate, destFd, 0);
    });
  };

  io.open(src, O_RDONLY, 0, (fd) => {
    if (fd < 0) {
      cb(fd);
      return;
    }
    srcFd = fd;
    fstatWords(srcFd, (r, w) => {
      if (r < 0) {
        finish(r);
        return;
      }
      srcMode = w[W_MODE];
      size = w[W_SIZE] + w[W_SIZE + 1] * 4294967296;
      srcDev = `${w[W_DEV]}.${w[W_DEV + 1]}.${w[W_INO]}.${w[W_INO + 1]}`;
      const flags = O_WRONLY | O_CREAT | ((mode & COPYFILE_EXCL) ? O_EXCL : 0);
      io.open(dest, flags, srcMode, afterDestOpen);
    });
  });
}

module.exports = {
  mkdirp,
  mkdtemp,
  scandir,
  readlink,
  realpathNative,
  copyFile,
};
