// unode/internal/fs: the fs.constants object, key for key and value for value
// as Node 20 builds it on Linux (a null-prototype object of read-only values).
'use strict';

const C = require('libjs/constants');

const entries = [
  ['UV_FS_SYMLINK_DIR', 1],
  ['UV_FS_SYMLINK_JUNCTION', 2],
  ['O_RDONLY', C.O_RDONLY],
  ['O_WRONLY', C.O_WRONLY],
  ['O_RDWR', C.O_RDWR],
  ['UV_DIRENT_UNKNOWN', 0],
  ['UV_DIRENT_FILE', 1],
  ['UV_DIRENT_DIR', 2],
  ['UV_DIRENT_LINK', 3],
  ['UV_DIRENT_FIFO', 4],
  ['UV_DIRENT_SOCKET', 5],
  ['UV_DIRENT_CHAR', 6],
  ['UV_DIRENT_BLOCK', 7],
  ['EXTENSIONLESS_FORMAT_JAVASCRIPT', 0],
  ['EXTENSIONLESS_FORMAT_WASM', 1],
  ['S_IFMT', C.S_IFMT],
  ['S_IFREG', C.S_IFREG],
  ['S_IFDIR', C.S_IFDIR],
  ['S_IFCHR', C.S_IFCHR],
  ['S_IFBLK', C.S_IFBLK],
  ['S_IFIFO', C.S_IFIFO],
  ['S_IFLNK', C.S_IFLNK],
  ['S_IFSOCK', C.S_IFSOCK],
  ['O_CREAT', C.O_CREAT],
  ['O_EXCL', C.O_EXCL],
  ['UV_FS_O_FILEMAP', 0],
  ['O_NOCTTY', C.O_NOCTTY],
  ['O_TRUNC', C.O_TRUNC],
  ['O_APPEND', C.O_APPEND],
  ['O_DIRECTORY', C.O_DIRECTORY],
  ['O_NOATIME', C.O_NOATIME],
  ['O_NOFOLLOW', C.O_NOFOLLOW],
  ['O_SYNC', C.O_SYNC],
  ['O_DSYNC', C.O_DSYNC],
  ['O_DIRECT', C.O_DIRECT],
  ['O_NONBLOCK', C.O_NONBLOCK],
  ['S_IRWXU', 0o700],
  ['S_IRUSR', 0o400],
  ['S_IWUSR', 0o200],
  ['S_IXUSR', 0o100],
  ['S_IRWXG', 0o70],
  ['S_IRGRP', 0o40],
  ['S_IWGRP', 0o20],
  ['S_IXGRP', 0o10],
  ['S_IRWXO', 0o7],
  ['S_IROTH', 0o4],
  ['S_IWOTH', 0o2],
  ['S_IXOTH', 0o1],
  ['F_OK', 0],
  ['R_OK', 4],
  ['W_OK', 2],
  ['X_OK', 1],
  ['UV_FS_COPYFILE_EXCL', 1],
  ['COPYFILE_EXCL', 1],
  ['UV_FS_COPYFILE_FICLONE', 2],
  ['COPYFILE_FICLONE', 2],
  ['UV_FS_COPYFILE_FICLONE_FORCE', 4],
  ['COPYFILE_FICLONE_FORCE', 4],
];

const constants = Object.create(null);
for (const [name, value] of entries) {
  if (typeof value !== 'number') throw new Error(`unode fs constants: libjs has no ${name}`);
  Object.defineProperty(constants, name, { value, writable: false, enumerable: true, configurable: false });
}

module.exports = constants;
