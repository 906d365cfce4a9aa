// trace: openat(*so.txt*) pread64|read openat(*sw.txt*) pwrite64|write|pwritev|writev fsync close
'use strict';
const fs = require('fs');
const { show, err } = require('./_util');
fs.writeFileSync('so.txt', '0123456789abcdefghij');
const log = (...a) => console.log(...a);

function readAll(label, path, options) {
  return new Promise((resolve) => {
    const rs = fs.createReadStream(path, options);
    const events = [];
    rs.on('open', () => events.push('open'));
    rs.on('ready', () => events.push('ready'));
    rs.on('data', (d) => events.push(`data ${JSON.stringify(String(d))}`));
    rs.on('end', () => events.push(`end ${rs.bytesRead}`));
    rs.on('error', (e) => events.push(`error ${err(e)}`));
    rs.on('close', () => {
      events.push('close');
      log(label, events.join(' | '));
      resolve(rs);
    });
    // Without autoClose there is no close: the end is the end.
    if (options && options.autoClose === false) rs.on('end', () => setTimeout(() => { log(label, events.join(' | ')); resolve(rs); }, 20));
  });
}

(async () => {
  await readAll('start/end', 'so.txt', { start: 3, end: 7, encoding: 'utf8' });
  await readAll('hwm 6', 'so.txt', { highWaterMark: 6 });
  await readAll('start past end', 'so.txt', { start: 100 });
  await readAll('latin1 option string', 'so.txt', 'latin1');
  const fd = fs.openSync('so.txt', 'r');
  const rs = await readAll('fd, autoClose false', null, { fd, autoClose: false, start: 10 });
  log('fd still open', fs.fstatSync(fd).size, rs.closed, rs.destroyed);
  fs.closeSync(fd);
  const calls = [];
  const custom = {
    open: (p, f, m, cb) => { calls.push(`open ${p} ${f} ${m}`); fs.open(p, f, m, cb); },
    read: (fd2, b, o, l, p, cb) => { calls.push(`read ${o} ${l} ${p}`); fs.read(fd2, b, o, l, p, cb); },
    close: (fd2, cb) => { calls.push('close'); fs.close(fd2, cb); },
  };
  await readAll('custom fs', 'so.txt', { fs: custom, highWaterMark: 8, start: 2 });
  log('custom calls', calls.join(', '));
  await new Promise((resolve) => {
    const rs2 = fs.createReadStream('so.txt', { emitClose: false });
    rs2.on('data', () => {});
    rs2.on('end', () => { log('emitClose false: end'); setTimeout(resolve, 20); });
    rs2.on('close', () => log('emitClose false: close (not expected)'));
  });

  await new Promise((resolve) => {
    const ws = fs.createWriteStream('sw.txt', { flags: 'w', mode: 0o640, flush: true, encoding: 'hex' });
    ws.write('414243');
    ws.cork();
    ws.write('44');
    ws.write('45');
    ws.uncork();
    ws.end('46', () => log('written', ws.bytesWritten, JSON.stringify(fs.readFileSync('sw.txt', 'utf8')),
      (fs.statSync('sw.txt').mode & 0o777).toString(8)));
    ws.on('close', resolve);
  });
  await new Promise((resolve) => {
    const ws = fs.createWriteStream('sw.txt', { flags: 'r+', start: 1 });
    ws.end('xy');
    ws.on('close', () => { log('r+ start 1', fs.readFileSync('sw.txt', 'utf8')); resolve(); });
  });
  await new Promise((resolve) => {
    const ws = fs.createWriteStream('sw.txt', { flags: 'wx' });
    ws.on('error', (e) => log('wx', err(e)));
    ws.on('close', resolve);
  });

  for (const [name, fn] of [
    ['start -1', () => fs.createReadStream('so.txt', { start: -1 })],
    ['start > end', () => fs.createReadStream('so.txt', { start: 5, end: 1 })],
    ['end string', () => fs.createReadStream('so.txt', { end: '3' })],
    ['options number', () => fs.createReadStream('so.txt', 42)],
    ['bad encoding', () => fs.createReadStream('so.txt', 'nope')],
    ['path number', () => fs.createReadStream(42)],
    ['fd string', () => fs.createReadStream(null, { fd: '3' })],
    ['fs without read', () => fs.createReadStream('so.txt', { fs: { open() {} } })],
    ['write fs without write', () => fs.createWriteStream('x', { fs: { open() {}, close() {} } })],
    ['flush not boolean', () => fs.createWriteStream('x', { flush: 1 })],
    ['write start', () => fs.createWriteStream('x', { start: 1.5 })],
  ]) show(name, () => { fn(); });
  fs.unlinkSync('so.txt');
  fs.unlinkSync('sw.txt');
})();
