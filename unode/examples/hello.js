// A small program that runs the same under `node` and under `unode`:
//   npx unode unode/examples/hello.js
//   UNODE_TRACE=1 npx unode unode/examples/hello.js   # every system call it makes
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hello-'));
  try {
    const file = path.join(dir, 'greeting.txt');
    fs.writeFileSync(file, `hello from ${os.type()} ${os.release()} (${os.arch()})\n`);
    await fsp.appendFile(file, `${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 20)} MiB of memory\n`);
    const st = fs.statSync(file);
    process.stdout.write(await fsp.readFile(file, 'utf8'));
    console.log(`${path.basename(file)}: ${st.size} bytes, mode ${(st.mode & 0o777).toString(8)}`);
    fs.readFile(path.join(dir, 'missing.txt'), (err) => {
      console.log(`a missing file: ${err.code} (${err.message})`);
      console.log(`served by ${process.versions.unode ? `unode ${process.versions.unode}` : 'node'} on node ${process.version}`);
    });
  } finally {
    setImmediate(() => fs.rmSync(dir, { recursive: true, force: true }));
  }
}

main();
