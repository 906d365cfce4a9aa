// Parity scripts' helper: prints errors and stats the same way in every script.
'use strict';

// An error as one line: its class, own keys in order, and the fields Node sets.
function err(e) {
  if (!(e instanceof Error)) return `non-error ${typeof e} ${String(e)}`;
  const o = { keys: Object.keys(e).join(',') };
  for (const k of ['name', 'code', 'errno', 'syscall', 'path', 'dest', 'info', 'message']) {
    if (e[k] !== undefined) o[k] = e[k];
  }
  return `${e.constructor.name} ${JSON.stringify(o)}`;
}

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : typeof r === 'object' ? JSON.stringify(r) : r);
  } catch (e) {
    console.log(label, err(e));
  }
}

async function showAsync(label, fn) {
  try {
    const r = await fn();
    console.log(label, 'ok', r === undefined ? '' : typeof r === 'object' ? JSON.stringify(r) : r);
  } catch (e) {
    console.log(label, err(e));
  }
}

// A callback-style call, printed when its callback runs.
function showCb(label, start) {
  return new Promise((resolve) => {
    start((e, r) => {
      if (e) console.log(label, err(e));
      else console.log(label, 'ok', r === undefined ? '' : typeof r === 'object' ? JSON.stringify(r) : r);
      resolve();
    });
  });
}

// The fields of a Stats that do not change from run to run.
function stat(s) {
  const big = typeof s.size === 'bigint';
  const n = (v) => (big ? `${v}n` : v);
  return {
    class: s.constructor.name,
    file: s.isFile(), dir: s.isDirectory(), link: s.isSymbolicLink(), fifo: s.isFIFO(),
    sock: s.isSocket(), chr: s.isCharacterDevice(), blk: s.isBlockDevice(),
    size: n(s.size), perm: (Number(s.mode) & 0o7777).toString(8), type: (Number(s.mode) & 0o170000).toString(8),
    nlink: n(s.nlink), uid: n(s.uid), gid: n(s.gid), blksize: n(s.blksize),
    times: ['atime', 'mtime', 'ctime', 'birthtime'].map((k) => s[k] instanceof Date).join(','),
    ms: typeof s.mtimeMs, ns: typeof s.mtimeNs,
  };
}

module.exports = { err, show, showAsync, showCb, stat };
