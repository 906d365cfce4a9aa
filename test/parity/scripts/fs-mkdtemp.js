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
(async () => {
  await showCb('cb', (cb) => fs.mkdtemp('tmp-', (e, p) => cb(e, p && p.length)));
  const p = await fs.promises.mkdtemp('tmp-');
  console.log('promise', p.length);
  for (const x of fs.readdirSync('.')) fs.rmdirSync(x);
})();
