// bench: libaio against Node's own I/O, one run, medians of interleaved
// rounds. TCP echo throughput (MB/s) and ping-pong round trips per second:
// Node's `net` on both ends against libaio on both ends, the server and the
// client in separate processes, one harness. eloop pread throughput (4 KiB
// and 1 MiB blocks) with completions drained by the libaio loop, against
// fs.read on Node's thread pool.
//
//   node bench/async.js                 (ROUNDS=5 MB=256 RTT=20000 env vars)
'use strict';
const { spawn } = require('child_process');
const path = require('path');
const { median, table } = require('./common');

const ROUNDS = Number(process.env.ROUNDS || 5);
const MB = Number(process.env.MB || 256); // bytes echoed per throughput run
const RTT = Number(process.env.RTT || 20000); // round trips per ping-pong run
const CHUNK = 65536;
const MSG = 64;

// --- the two implementations, same logic on both ---------------------------

const impls = {
  node: {
    server(ready) {
      const net = require('net');
      const srv = net.createServer((s) => {
        s.setNoDelay(true);
        s.on('data', (d) => {
          if (!s.write(d)) {
            s.pause();
            s.once('drain', () => s.resume());
          }
        });
        s.on('end', () => s.end());
        s.on('error', () => {});
      });
      srv.listen(0, '127.0.0.1', () => ready(srv.address().port));
    },
    client(port, onConnect) {
      const net = require('net');
      const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => onConnect(api));
      const api = {
        write: (b) => s.write(b),
        onData: (fn) => s.on('data', fn),
        onDrain: (fn) => s.on('drain', fn),
        close: () => s.destroy(),
      };
    },
  },
  libaio: {
    server(ready) {
      const aio = require('libaio');
      const srv = aio.listen({ host: '127.0.0.1', port: 0 }, (s) => {
        s.setNoDelay(true);
        s.onData = (d) => {
          if (!s.write(d)) s.pause();
        };
        s.onDrain = () => s.resume();
        s.onEnd = () => s.end();
        s.onError = () => s.close();
        s.resume();
      });
      if (typeof srv === 'number') throw new Error(`listen: ${srv}`);
      ready(srv.address().port);
    },
    client(port, onConnect) {
      const aio = require('libaio');
      const s = aio.connect({ host: '127.0.0.1', port, noDelay: true }, (err) => {
        if (err) throw new Error(`connect: ${err}`);
        onConnect(api);
      });
      const api = {
        write: (b) => s.write(b),
        onData: (fn) => { s.onData = fn; s.resume(); },
        onDrain: (fn) => { s.onDrain = fn; },
        close: () => s.close(),
      };
    },
  },
};

// The same libaio code, driven by loop.run() on the thread (standalone).
impls.standalone = {
  server(ready) {
    impls.libaio.server(ready);
    require('libaio').getLoop().run();
  },
  client(port, onConnect) {
    impls.libaio.client(port, onConnect);
    require('libaio').getLoop().run();
  },
};

// --- workloads (client side) ------------------------------------------------

function throughput(api, done) {
  const total = MB * 1048576;
  const chunk = Buffer.alloc(CHUNK, 0x61);
  let sent = 0;
  let got = 0;
  const t0 = process.hrtime.bigint();
  const pump = () => {
    while (sent < total) {
      sent += CHUNK;
      if (!api.write(chunk)) return;
    }
  };
  api.onData((d) => {
    got += d.length;
    if (got >= total) {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      api.close();
      done(total / s / 1e6);
    }
  });
  api.onDrain(pump);
  pump();
}

function pingpong(api, done) {
  const msg = Buffer.alloc(MSG, 0x62);
  let left = RTT;
  let got = 0;
  const t0 = process.hrtime.bigint();
  api.onData((d) => {
    got += d.length;
    if (got < MSG) return;
    got -= MSG;
    if (--left === 0) {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      api.close();
      done(RTT / s);
      return;
    }
    api.write(msg);
  });
  api.write(msg);
}

// --- eloop pread through the libaio loop, and fs.read -------------------------

function pread(impl, block, depth, file, done) {
  const fs = require('fs');
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const blocks = size / block;
  const ops = block >= 1048576 ? 1500 : 40000;
  let submit;
  if (impl === 'eloop') {
    const aio = require('libaio');
    aio.getLoop(); // eloop's completions are drained by the libaio loop
    const eloop = require('eloop');
    const nr = require('libjs/sysnr');
    submit = (buf, off, cb) => eloop.submit(nr.pread64, fd, buf, block, off, cb);
  } else {
    submit = (buf, off, cb) => fs.read(fd, buf, 0, block, off, (err, n) => cb(err ? -1 : n));
  }
  let x = 12345;
  const nextOff = () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return (x % blocks) * block;
  };
  let issued = 0;
  let completed = 0;
  const t0 = process.hrtime.bigint();
  const bufs = Array.from({ length: depth }, () => Buffer.alloc(block));
  const cbs = bufs.map((buf) => function cb(r) {
    if (r !== block) throw new Error(`pread returned ${r}`);
    if (++completed === ops) {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      fs.closeSync(fd);
      done((ops * block) / s / 1e6);
      return;
    }
    if (issued < ops) {
      issued++;
      submit(buf, nextOff(), cb);
    }
  });
  for (let k = 0; k < depth; k++) {
    issued++;
    submit(bufs[k], nextOff(), cbs[k]);
  }
}

// --- processes ---------------------------------------------------------------------

function child(args) {
  return spawn(process.execPath, [__filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function firstLine(cp) {
  return new Promise((resolve, reject) => {
    let buf = '';
    cp.stdout.on('data', (d) => {
      buf += d;
      const i = buf.indexOf('\n');
      if (i >= 0) resolve(buf.slice(0, i));
    });
    cp.on('exit', (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
}

async function network(impl, workload) {
  const server = child(['server', impl]);
  try {
    const port = await firstLine(server);
    const client = child(['client', impl, workload, port]);
    return Number(await firstLine(client));
  } finally {
    server.kill();
  }
}

async function preadRun(impl, block, depth, file) {
  return Number(await firstLine(child(['pread', impl, String(block), String(depth), file])));
}

function makeFile(file, mb) {
  const fs = require('fs');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1048576);
  for (let i = 0; i < mb; i++) {
    chunk.fill(i & 0xff);
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
  // Warm the page cache: both sides read memory, not the disk.
  const rfd = fs.openSync(file, 'r');
  for (let off = 0; off < mb * 1048576; off += chunk.length) fs.readSync(rfd, chunk, 0, chunk.length, off);
  fs.closeSync(rfd);
}

async function main() {
  const os = require('os');
  const fs = require('fs');
  const file = path.join(os.tmpdir(), `libaio-bench-${process.pid}`);
  makeFile(file, 64);
  const cases = [
    ['TCP echo throughput, MB/s', (impl) => network(impl, 'throughput'), true],
    ['TCP ping-pong, round trips/s', (impl) => network(impl, 'pingpong'), true],
    ['pread 4 KiB x4 in flight, MB/s', (impl) => preadRun(impl === 'node' ? 'fs' : 'eloop', 4096, 4, file)],
    ['pread 4 KiB x64 in flight, MB/s', (impl) => preadRun(impl === 'node' ? 'fs' : 'eloop', 4096, 64, file)],
    ['pread 1 MiB x4 in flight, MB/s', (impl) => preadRun(impl === 'node' ? 'fs' : 'eloop', 1048576, 4, file)],
    ['pread 1 MiB x16 in flight, MB/s', (impl) => preadRun(impl === 'node' ? 'fs' : 'eloop', 1048576, 16, file)],
  ];
  const samples = cases.map(() => ({ node: [], libaio: [], standalone: [] }));
  try {
    for (let r = 0; r <= ROUNDS; r++) {
      for (let c = 0; c < cases.length; c++) {
        const order = cases[c][2] ? ['node', 'libaio', 'standalone'] : ['node', 'libaio'];
        if (r % 2) order.reverse();
        for (const impl of order) {
          const v = await cases[c][1](impl);
          if (r > 0) samples[c][impl].push(v); // round 0 warms up
        }
      }
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
  console.log(`libaio bench: ${ROUNDS} rounds (medians), echo ${MB} MiB in ${CHUNK / 1024} KiB writes, ` +
    `ping-pong ${RTT} x ${MSG} B, pread on a cached 64 MiB file; pools: eloop ` +
    `${process.env.ELOOP_THREADPOOL_SIZE || 4}, libuv ${process.env.UV_THREADPOOL_SIZE || 4} threads`);
  const rows = cases.map(([name, , net], c) => {
    const n = median(samples[c].node);
    const a = median(samples[c].libaio);
    const extra = net ? `   (standalone run() both ends: ${median(samples[c].standalone).toFixed(0)}, ` +
      `${(median(samples[c].standalone) / n).toFixed(2)}x)` : '';
    return [name, `node ${n.toFixed(0).padStart(8)}   libaio ${a.toFixed(0).padStart(8)}   ` +
      `libaio/node ${(a / n).toFixed(2)}x${extra}`];
  });
  table('node (net, fs.read) vs libaio hosted in node (libaio streams, eloop drained by the libaio loop); ' +
    'target >= 1.00x', rows);
}

const [role, ...args] = process.argv.slice(2);
if (role === 'server') {
  impls[args[0]].server((port) => process.stdout.write(`${port}\n`));
} else if (role === 'client') {
  const [impl, workload, port] = args;
  impls[impl].client(Number(port), (api) => {
    (workload === 'throughput' ? throughput : pingpong)(api, (v) => process.stdout.write(`${v}\n`));
  });
} else if (role === 'pread') {
  const [impl, block, depth, file] = args;
  pread(impl, Number(block), Number(depth), file, (v) => process.stdout.write(`${v}\n`));
} else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
