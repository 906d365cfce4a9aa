// trace: statx|newfstatat openat inotify_add_watch
// fs callbacks, promise continuations and fs.watch events run in the async
// context of the call that started them (AsyncLocalStorage's store), as each
// of Node's requests is an async resource of its own; one caller's store
// never shows in another's callbacks.
'use strict';
const { AsyncLocalStorage, executionAsyncId } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
fs.writeFileSync('f', 'x');
const seen = [];
const note = (label) => seen.push(`${label} ${JSON.stringify(als.getStore())} ${executionAsyncId() > 1}`);
function both(label, start) {
  // Two callers in two contexts, at once; each callback must see its own.
  return Promise.all([1, 2].map((id) => new Promise((resolve) => {
    als.run({ id }, () => start(() => {
      note(`${label} ${id}`);
      resolve();
    }));
  })));
}
(async () => {
  await both('stat', (done) => fs.stat('f', done));
  await both('readFile', (done) => fs.readFile('f', done));
  await both('open+close', (done) => fs.open('f', (e, fd) => fs.close(fd, done)));
  await both('readdir', (done) => fs.readdir('.', done));
  await both('promises.readFile', (done) => fs.promises.readFile('f').then(done));
  await both('mkdtemp', (done) => fs.mkdtemp('t', (e, p) => fs.rmdir(p, done)));
  await both('stream', (done) => fs.createReadStream('f').on('data', () => {}).on('close', done));
  await both('watch', (done) => {
    const name = `w${als.getStore().id}`;
    const w = fs.watch('.', (ev, file) => {
      if (file !== name) return;
      w.close();
      fs.unlinkSync(name);
      done();
    });
    setTimeout(() => fs.writeFileSync(name, ''), 20);
  });
  await both('watchFile', (done) => {
    const name = `s${als.getStore().id}`;
    fs.writeFileSync(name, '1');
    fs.watchFile(name, { interval: 10 }, () => {
      fs.unwatchFile(name);
      fs.unlinkSync(name);
      done();
    });
    setTimeout(() => fs.writeFileSync(name, '22'), 60);
  });
  als.run({ id: 3 }, () => fs.stat('f', () => note('after run, inside')));
  fs.stat('f', () => note('outside any run'));
  await new Promise((r) => setTimeout(r, 100));
  for (const line of seen.sort()) console.log(line);
  fs.unlinkSync('f');
})();
