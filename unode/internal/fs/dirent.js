// unode/internal/fs: Dirent (Node 20.20's: name, parentPath, path and the
// libuv entry type behind a symbol) and the d_type -> UV_DIRENT_* mapping.
'use strict';

const kType = Symbol('type');
const kStats = Symbol('stats');

const UV_DIRENT_UNKNOWN = 0;
const UV_DIRENT_FILE = 1;
const UV_DIRENT_DIR = 2;
const UV_DIRENT_LINK = 3;
const UV_DIRENT_FIFO = 4;
const UV_DIRENT_SOCKET = 5;
const UV_DIRENT_CHAR = 6;
const UV_DIRENT_BLOCK = 7;

// linux_dirent64's d_type (DT_*) to libuv's entry type, indexed by d_type.
const fromDType = new Uint8Array(16);
fromDType[1] = UV_DIRENT_FIFO; // DT_FIFO
fromDType[2] = UV_DIRENT_CHAR; // DT_CHR
fromDType[4] = UV_DIRENT_DIR; // DT_DIR
fromDType[6] = UV_DIRENT_BLOCK; // DT_BLK
fromDType[8] = UV_DIRENT_FILE; // DT_REG
fromDType[10] = UV_DIRENT_LINK; // DT_LNK
fromDType[12] = UV_DIRENT_SOCKET; // DT_SOCK

function direntType(dType) {
  return dType < 16 ? fromDType[dType] : UV_DIRENT_UNKNOWN;
}

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// For entries whose type the file system did not report (DT_UNKNOWN): the
// answers come from an lstat of the entry.
class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of Reflect.ownKeys(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = function() {
    return this[kStats][name]();
  };
}

module.exports = {
  Dirent,
  DirentFromStats,
  direntType,
  kType,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK,
  UV_DIRENT_FIFO, UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
};
