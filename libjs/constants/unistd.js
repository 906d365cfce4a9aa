// libjs constants: <unistd.h>, <linux/close_range.h>, <linux/limits.h>.
'use strict';

module.exports = Object.freeze({
  STDIN_FILENO: 0,
  STDOUT_FILENO: 1,
  STDERR_FILENO: 2,

  F_OK: 0,
  X_OK: 1,
  W_OK: 2,
  R_OK: 4,

  SEEK_SET: 0,
  SEEK_CUR: 1,
  SEEK_END: 2,
  SEEK_DATA: 3,
  SEEK_HOLE: 4,

  CLOSE_RANGE_UNSHARE: 1 << 1,
  CLOSE_RANGE_CLOEXEC: 1 << 2,

  PATH_MAX: 4096,
  NAME_MAX: 255,
  NGROUPS_MAX: 65536,
  UIO_MAXIOV: 1024,
  IOV_MAX: 1024,
  XATTR_NAME_MAX: 255,
  XATTR_SIZE_MAX: 65536,
  XATTR_LIST_MAX: 65536,

  // <sys/xattr.h>
  XATTR_CREATE: 1,
  XATTR_REPLACE: 2,

  // <sys/random.h>
  GRND_NONBLOCK: 1,
  GRND_RANDOM: 2,
  GRND_INSECURE: 4,
});
