// unode/internal/fs: the synchronous half of fs, gathered from its parts, with
// the classes and constants that come with it. unode/lib/fs.js assembles the
// module from this and the other forms (callback, promises, streams, Dir, watch).
'use strict';

const io = require('./sync-io');
const stat = require('./sync-stat');
const paths = require('./sync-paths');
const { readdirSync } = require('./readdir');
const { rmSync } = require('./rm');
const { realpathSync } = require('./realpath');
const { cpSync } = require('./cp-sync');
const { Stats, BigIntStats, StatFs } = require('./stats');
const { Dirent } = require('./dirent');
const constants = require('./constants');
const { toUnixTimestamp } = require('../validators');

module.exports = {
  appendFileSync: io.appendFileSync,
  accessSync: stat.accessSync,
  chownSync: stat.chownSync,
  chmodSync: stat.chmodSync,
  closeSync: io.closeSync,
  copyFileSync: paths.copyFileSync,
  cpSync,
  existsSync: stat.existsSync,
  fchownSync: stat.fchownSync,
  fchmodSync: stat.fchmodSync,
  fdatasyncSync: io.fdatasyncSync,
  fstatSync: stat.fstatSync,
  fsyncSync: io.fsyncSync,
  ftruncateSync: io.ftruncateSync,
  futimesSync: stat.futimesSync,
  lchownSync: stat.lchownSync,
  // Node has lchmod only where O_SYMLINK exists (macOS): undefined on Linux.
  lchmodSync: undefined,
  linkSync: paths.linkSync,
  lstatSync: stat.lstatSync,
  lutimesSync: stat.lutimesSync,
  mkdirSync: paths.mkdirSync,
  mkdtempSync: paths.mkdtempSync,
  openSync: io.openSync,
  readdirSync,
  readSync: io.readSync,
  readvSync: io.readvSync,
  readFileSync: io.readFileSync,
  readlinkSync: paths.readlinkSync,
  realpathSync,
  renameSync: paths.renameSync,
  rmSync,
  rmdirSync: paths.rmdirSync,
  statSync: stat.statSync,
  statfsSync: stat.statfsSync,
  symlinkSync: paths.symlinkSync,
  truncateSync: io.truncateSync,
  unlinkSync: paths.unlinkSync,
  utimesSync: stat.utimesSync,
  writeFileSync: io.writeFileSync,
  writeSync: io.writeSync,
  writevSync: io.writevSync,
  Dirent,
  Stats,
  BigIntStats,
  StatFs,
  constants,
  _toUnixTimestamp: toUnixTimestamp,
};
