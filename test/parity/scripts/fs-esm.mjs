// trace: open|openat(*esm-fs.txt*) getdents64
import { writeFileSync, readFileSync, readdirSync, unlinkSync, promises } from 'node:fs';
import * as fsp from 'fs/promises';
writeFileSync('esm-fs.txt', 'module');
console.log(readFileSync('esm-fs.txt', 'utf8'), readdirSync('.'));
console.log(promises === fsp.default, (await fsp.stat('esm-fs.txt')).size);
try { await fsp.readFile('esm-none'); } catch (e) { console.log(e.code, e.message); }
unlinkSync('esm-fs.txt');
