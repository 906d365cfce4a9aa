// trace: mkdir|mkdirat(*dangling*)
// Node's asynchronous mkdir -p names the step that failed (its request's
// path): a dangling symlink in the middle gives ENOTDIR on that link. The
// synchronous form names the path given.
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.symlinkSync('nowhere', 'dangling');
fs.writeFileSync('file', '');
(async () => {
  show('sync', () => fs.mkdirSync('dangling/x', { recursive: true }));
  await showCb('callback', (cb) => fs.mkdir('dangling/x/y', { recursive: true }, cb));
  await showCb('callback Buffer', (cb) => fs.mkdir(Buffer.from('dangling/x/y'), { recursive: true }, cb));
  await showCb('callback file', (cb) => fs.mkdir('file/x/y', { recursive: true }, cb));
  try {
    await fs.promises.mkdir('dangling/x', { recursive: true });
  } catch (e) {
    console.log('promise', e.code, e.path, e.message);
  }
  fs.unlinkSync('dangling');
  fs.unlinkSync('file');
})();
