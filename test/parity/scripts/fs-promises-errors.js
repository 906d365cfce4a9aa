// trace: openat(*missing*) statx|newfstatat(*missing*) mkdirat getdents64
// Rejections of fs/promises: Node's error shapes and the caller's async
// frames in the stack (frames inside Node or unode are normalised away).
'use strict';
const fsp = require('fs/promises');
const { err } = require('./_util');
async function userFrame(label, fn) {
  try {
    console.log(label, 'ok', JSON.stringify(await fn()));
  } catch (e) {
    console.log(label, err(e));
    console.log(e.stack);
  }
}
(async () => {
  await fsp.mkdir('dir');
  await userFrame('open', () => fsp.open('missing'));
  await userFrame('readFile', () => fsp.readFile('missing'));
  await userFrame('readFile dir', () => fsp.readFile('dir'));
  await userFrame('writeFile', () => fsp.writeFile('missing/x', 'y'));
  await userFrame('stat', () => fsp.stat('missing/x'));
  await userFrame('mkdir', () => fsp.mkdir('dir'));
  await userFrame('mkdir -p', () => fsp.mkdir('dir/a/b', { recursive: true }));
  await userFrame('readdir', () => fsp.readdir('missing'));
  await userFrame('rm', () => fsp.rm('dir'));
  await userFrame('copyFile', () => fsp.copyFile('missing', 'x'));
  await userFrame('rename', () => fsp.rename('missing', 'x'));
  await userFrame('realpath', () => fsp.realpath('missing'));
  await userFrame('access', () => fsp.access('missing'));
  await userFrame('lchmod', () => fsp.lchmod('dir', 0o700));
  await userFrame('bad path', () => fsp.stat(5));
  await userFrame('bad mode', () => fsp.access('dir', 9));
  await userFrame('truncate', () => fsp.truncate('dir'));
  const fh = await fsp.open('dir');
  await userFrame('fh read', () => fh.read(Buffer.alloc(1), 0, 1, 0));
  await userFrame('fh write', () => fh.write('x'));
  await fh.close();
  await userFrame('fh closed', () => fh.stat());
  await fsp.rm('dir', { recursive: true });
})();
