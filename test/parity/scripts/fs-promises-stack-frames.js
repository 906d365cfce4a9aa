// trace: statx|newfstatat(*missing*) openat(*missing*) faccessat|faccessat2(*missing*)
// The stack of an fs/promises rejection names the same functions as Node's:
// `async Object.stat`, `async open` then `async Object.readFile`, ... and no
// synchronous frame of the loop that ran the call. Locations differ (Node's
// own files against unode's), so only the frames' names are printed.
'use strict';
const fsp = require('fs/promises');

function frames(e) {
  return e.stack.split('\n').filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim().replace(/^at /, '').replace(/ \(.*\)$/, '').replace(/ \/.*$/, ''))
    .join(' < ');
}

async function check(label, fn) {
  try {
    await fn();
    console.log(label, 'resolved');
  } catch (e) {
    console.log(label, e.code, '|', frames(e));
  }
}

(async () => {
  await fsp.mkdir('dir');
  await fsp.writeFile('file', 'x');
  await check('access', () => fsp.access('missing'));
  await check('stat', () => fsp.stat('missing'));
  await check('lstat', () => fsp.lstat('missing'));
  await check('open', () => fsp.open('missing'));
  await check('readFile', () => fsp.readFile('missing'));
  await check('writeFile', () => fsp.writeFile('missing/x', 'y'));
  await check('appendFile', () => fsp.appendFile('missing/x', 'y'));
  await check('truncate', () => fsp.truncate('missing'));
  await check('readdir', () => fsp.readdir('missing'));
  await check('readdir recursive', () => fsp.readdir('file', { recursive: true }));
  await check('mkdir', () => fsp.mkdir('dir'));
  await check('mkdir recursive', () => fsp.mkdir('file/a/b', { recursive: true }));
  await check('mkdtemp', () => fsp.mkdtemp('missing/x-'));
  await check('rmdir', () => fsp.rmdir('missing'));
  await check('unlink', () => fsp.unlink('missing'));
  await check('rename', () => fsp.rename('missing', 'other'));
  await check('copyFile', () => fsp.copyFile('missing', 'other'));
  await check('link', () => fsp.link('missing', 'other'));
  await check('symlink', () => fsp.symlink('x', 'file'));
  await check('readlink', () => fsp.readlink('file'));
  await check('realpath', () => fsp.realpath('missing'));
  await check('chmod', () => fsp.chmod('missing', 0o600));
  await check('utimes', () => fsp.utimes('missing', 1, 1));
  await check('cp', () => fsp.cp('missing', 'other'));
  const fh = await fsp.open('dir', 'r');
  await check('fh.read', () => fh.read(Buffer.alloc(4), 0, 4, 0));
  await check('fh.readFile', () => fh.readFile());
  await check('fh.write', () => fh.write('x'));
  await check('fh.truncate', () => fh.truncate(1));
  await fh.close();
  async function caller() {
    await fsp.stat('missing');
  }
  await check('awaited by a user function', caller);
  Error.stackTraceLimit = 1;
  await check('stackTraceLimit 1', caller);
  Error.stackTraceLimit = 10;
  await fsp.rm('dir', { recursive: true });
  await fsp.rm('file');
})();
