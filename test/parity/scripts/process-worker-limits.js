// trace: umask getcwd
'use strict';
const { Worker } = require('worker_threads');
const src = `
  const { parentPort } = require('worker_threads');
  const out = [];
  const t = (label, fn) => { try { out.push([label, 'ok', fn()]); } catch (e) { out.push([label, e.code, e.message]); } };
  t('umask read', () => typeof process.umask());
  t('umask set', () => process.umask(0o22));
  t('umask set bad', () => process.umask('zz'));
  t('chdir', () => process.chdir('/'));
  t('setuid', () => process.setuid(0));
  t('setgroups', () => process.setgroups([]));
  t('cwd', () => process.cwd() === require('path').resolve('.'));
  t('getuid', () => process.getuid() === ${process.getuid()});
  t('hrtime', () => process.hrtime().length);
  parentPort.postMessage(out);
`;
const w = new Worker(src, { eval: true });
w.on('message', (m) => {
  for (const row of m) console.log(JSON.stringify(row));
});
w.on('exit', (code) => console.log('worker exit', code));
