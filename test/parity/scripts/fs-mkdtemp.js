// trace: mkdirat|mkdir(*tmp-*)
// normalize: mkdtemp=tmp-
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { show, showCb } = require('./_util');
const d = fs.mkdtempSync('tmp-');
show('sync', () => [d, fs.statSync(d).isDirectory(), /^tmp-[A-Za-z0-9]{6}$/.test(d)]);
const t = fs.mkdtempSync(path.join(os.tmpdir(), 'tmp-'));
show('in tmpdir', () => t);
show('enoent', () => fs.mkdtempSync('nope/tmp-'));
show('buffer', () => Buffer.isBuffer(fs.mkdtempSync('tmp-', 'buffer')));
// An empty prefix: Node 20's template is 'XXXXX', refused with EINVAL.
show('empty', () => fs.mkdtempSync(''));
show('empty buffer', () => fs.mkdtempSync(Buffer.alloc(0)));
(async () => {
  await showCb('cb empty', (cb) => fs.mkdtemp('', cb));
  try {
    await fs.promises.mkdtemp('');
  } catch (e) {
    console.log('promise empty', e.code, e.path, e.message);
  }
  await showCb('cb', (cb) => fs.mkdtemp('tmp-', (e, p) => cb(e, p && p.length)));
  const p = await fs.promises.mkdtemp('tmp-');
  console.log('promise', p.length);
  for (const x of fs.readdirSync('.')) fs.rmdirSync(x);
})();
