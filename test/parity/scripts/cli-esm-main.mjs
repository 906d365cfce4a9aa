// trace: uname
import fs, { readFileSync, existsSync } from 'fs';
import { readFile } from 'node:fs/promises';
import * as osns from 'node:os';
import os from 'os';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
console.log(fs.readFileSync === readFileSync, require('fs') === fs, typeof existsSync);
console.log(osns.hostname === os.hostname, osns.hostname() === os.hostname());
fs.writeFileSync('esm.txt', 'esm data');
console.log(await readFile('esm.txt', 'utf8'));
fs.unlinkSync('esm.txt');
console.log(typeof import.meta.url, import.meta.url.endsWith('cli-esm-main.mjs'));
