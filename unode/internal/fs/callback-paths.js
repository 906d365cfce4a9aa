// unode/internal/fs: the callback forms of the calls on names: mkdir
// (recursive as Node's MKDirpAsync), mkdtemp, rename, link, symlink, readlink,
// unlink, copyFile. Node 20's argument handling, in Node's order.
'use strict';

const { Buffer } = require('buffer');
const nr = require('libjs/sysnr');
const ap = require('./async-paths');
const { submit, kpath, AT_FDCWD } = require('./jobs');
const { uvErr, makeCallback, noArgs } = require('./callback-io');
const {
  getValidatedPath,
  getValidFileModeNative,
  parseFileMode,
  validateBoolean,
} = require('../validators');
const {
  getOptions,
  encodeBytes,
  stringToSymlinkType,
  warnOnNonPortableTemplate,
} = require('./utils');


const identity = (p) => p;
const latin1Bytes = (p) => Buffer.from(p, 'latin1');

// mkdir's options as Node reads them: [mode, recursive].
function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options && typeof options !== 'function') {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  return [mode, recursive];
}

// mkdir -p on eloop; cb(-errno, the path the error names) or cb(0, first
// directory created as a string, or undefined). Buffer paths travel as
// latin1 strings of their bytes.
function mkdirRecursive(path, mode, cb) {
  if (typeof path === 'string') {
    ap.mkdirp(path, mode, identity, cb);
    return;
  }
  ap.mkdirp(Buffer.from(path).toString('latin1'), mode, latin1Bytes, (r, p) => {
    if (r < 0) cb(r, Buffer.from(p, 'latin1'));
    else cb(r, p === undefined ? undefined : Buffer.from(p, 'latin1').toString('utf8'));
  });
}

function mkdir(path, options, callback) {
  const [m, recursive] = mkdirOptions(options);
  if (typeof options === 'function') callback = options;
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const mode = parseFileMode(m, 'mode');
  if (!recursive) {
    submit(noArgs(callback, 'mkdir', path), nr.mkdirat, AT_FDCWD, kpath(path), mode);
    return;
  }
  mkdirRecursive(path, mode, (r, first) => {
    if (r < 0) callback(uvErr(r, 'mkdir', first));
    else if (first === undefined) callback(null);
    else callback(null, first);
  });
}

// mkdtemp's result in the caller's encoding (a Buffer for 'buffer').
function encodeTemp(buf, encoding) {
  return encoding === 'buffer' ? Buffer.from(buf) : encodeBytes(buf, 0, buf.length, encoding);
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  const bytes = typeof prefix === 'string' ? Buffer.from(prefix) : prefix;
  ap.mkdtemp(bytes, (r, path) => {
    if (r < 0) callback(uvErr(r, 'mkdtemp', path.toString()));
    else callback(null, encodeTemp(path, options.encoding));
  });
}

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  const done = noArgs(callback, 'rename', oldPath, newPath);
  if (nr.renameat !== undefined) submit(done, nr.renameat, AT_FDCWD, kpath(oldPath), AT_FDCWD, kpath(newPath));
  else submit(done, nr.renameat2, AT_FDCWD, kpath(oldPath), AT_FDCWD, kpath(newPath), 0);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  submit(noArgs(callback, 'link', existingPath, newPath),
    nr.linkat, AT_FDCWD, kpath(existingPath), AT_FDCWD, kpath(newPath), 0);
}

function symlink(target, path, type_, callback_) {
  const type = (typeof type_ === 'string' ? type_ : null);
  const callback = makeCallback(arguments[arguments.length - 1]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  stringToSymlinkType(type);
  submit(noArgs(callback, 'symlink', target, path), nr.symlinkat, kpath(target), AT_FDCWD, kpath(path));
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  ap.readlink(path, (r, target) => {
    if (r < 0) callback(uvErr(r, 'readlink', path));
    else callback(null, encodeBytes(target, 0, target.length, options.encoding));
  });
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  submit(noArgs(callback, 'unlink', path), nr.unlinkat, AT_FDCWD, kpath(path), 0);
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  mode = getValidFileModeNative(mode);
  ap.copyFile(src, dest, mode, noArgs(callback, 'copyfile', src, dest));
}

module.exports = {
  mkdir,
  mkdtemp,
  rename,
  link,
  symlink,
  readlink,
  unlink,
  copyFile,
  mkdirOptions,
  mkdirRecursive,
  encodeTemp,
};
