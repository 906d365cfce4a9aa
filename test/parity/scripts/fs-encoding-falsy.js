// trace: getdents64 readlink|readlinkat mkdir|mkdirat
// Node's getOptions lets a falsy encoding through ('', 0, false, NaN) and its
// C++ then gives utf8 names; a JavaScript toString('') would throw instead.
'use strict';
const fs = require('fs');
const { show, showCb } = require('./_util');
fs.mkdirSync('d');
fs.writeFileSync('d/é', '');
fs.symlinkSync('é', 'd/l');
(async () => {
  for (const encoding of ['', 0, false, NaN]) {
    const o = { encoding };
    const label = JSON.stringify(String(encoding));
    show(`${label} readdirSync`, () => fs.readdirSync('d', o));
    show(`${label} readdirSync types`, () => fs.readdirSync('d', { ...o, withFileTypes: true }).map((e) => e.name));
    show(`${label} readlinkSync`, () => fs.readlinkSync('d/l', o));
    show(`${label} realpathSync`, () => fs.realpathSync('d/l', o).endsWith('/d/é'));
    show(`${label} realpathSync.native`, () => fs.realpathSync.native('d/l', o).endsWith('/d/é'));
    show(`${label} mkdtempSync`, () => /^d\/t[A-Za-z0-9]{6}$/.test(fs.mkdtempSync('d/t', o)));
    show(`${label} readFileSync`, () => Buffer.isBuffer(fs.readFileSync('d/é', o)));
    await showCb(`${label} readdir`, (cb) => fs.readdir('d', o, (e, n) => cb(e, n && n.filter((x) => !x.startsWith('t')))));
    await showCb(`${label} readlink`, (cb) => fs.readlink('d/l', o, cb));
    await showCb(`${label} mkdtemp`, (cb) => fs.mkdtemp('d/t', o, (e, p) => cb(e, p && typeof p)));
    console.log(label, 'promises.readdir', (await fs.promises.readdir('d', o)).filter((x) => !x.startsWith('t')));
    console.log(label, 'promises.readlink', await fs.promises.readlink('d/l', o));
    for (const x of fs.readdirSync('d')) if (x.startsWith('t')) fs.rmdirSync(`d/${x}`);
  }
  fs.rmSync('d', { recursive: true });
})();
