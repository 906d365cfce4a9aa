// unode/internal/fs: the part of fs whose code loads on first use, as Node's
// does: streams (ReadStream, WriteStream and their File* aliases, which are
// accessors so that graceful-fs and friends can replace them), Dir/opendir,
// watch, watchFile/unwatchFile and cp. Only the names Node's fs has are here.
'use strict';

let streams = null;
let ReadStream;
let WriteStream;
let FileReadStream;
let FileWriteStream;

function lazyLoadStreams() {
  if (streams === null) {
    streams = require('./streams');
    ReadStream ??= streams.ReadStream;
    WriteStream ??= streams.WriteStream;
    FileReadStream ??= streams.ReadStream;
    FileWriteStream ??= streams.WriteStream;
  }
}

let dir = null;
const lazyDir = () => (dir ??= require('./dir'));
let watchMod = null;
const lazyWatch = () => (watchMod ??= require('./watch'));
let watchFileMod = null;
const lazyWatchFile = () => (watchFileMod ??= require('./watchfile'));
let cpMod = null;
const lazyCp = () => (cpMod ??= require('./cp'));

// Plain functions, as in Node: callable with `new` (methods are not).
const part = {
  cp: function cp(src, dest, options, callback) {
    return lazyCp().cp(src, dest, options, callback);
  },
  createReadStream: function createReadStream(path, options) {
    lazyLoadStreams();
    return new ReadStream(path, options);
  },
  createWriteStream: function createWriteStream(path, options) {
    lazyLoadStreams();
    return new WriteStream(path, options);
  },
  unwatchFile: function unwatchFile(filename, listener) {
    return lazyWatchFile().unwatchFile(filename, listener);
  },
  watch: function watch(filename, options, listener) {
    return lazyWatch().watch(filename, options, listener);
  },
  watchFile: function watchFile(filename, options, listener) {
    return lazyWatchFile().watchFile(filename, options, listener);
  },
};

function accessor(get, set) {
  return { get, set, enumerable: true, configurable: true };
}

// Like Node's lazy Dir members: the first read, or an assignment, leaves a
// plain data property on the module object.
function dirAccessor(name) {
  function set(value) {
    Object.defineProperty(this, name, { value, writable: true });
  }
  function get() {
    const value = lazyDir()[name];
    set.call(this, value);
    return value;
  }
  return accessor(get, set);
}

Object.defineProperties(part, {
  ReadStream: accessor(() => { lazyLoadStreams(); return ReadStream; }, (v) => { ReadStream = v; }),
  WriteStream: accessor(() => { lazyLoadStreams(); return WriteStream; }, (v) => { WriteStream = v; }),
  FileReadStream: accessor(() => { lazyLoadStreams(); return FileReadStream; }, (v) => { FileReadStream = v; }),
  FileWriteStream: accessor(() => { lazyLoadStreams(); return FileWriteStream; }, (v) => { FileWriteStream = v; }),
  Dir: dirAccessor('Dir'),
  opendir: dirAccessor('opendir'),
  opendirSync: dirAccessor('opendirSync'),
});

// Node's getter and setter names (util.inspect and stack traces show them).
for (const name of ['ReadStream', 'WriteStream', 'FileReadStream', 'FileWriteStream', 'Dir', 'opendir', 'opendirSync']) {
  const d = Object.getOwnPropertyDescriptor(part, name);
  Object.defineProperty(d.get, 'name', { value: `get ${name}` });
  Object.defineProperty(d.set, 'name', { value: `set ${name}` });
}

module.exports = part;
