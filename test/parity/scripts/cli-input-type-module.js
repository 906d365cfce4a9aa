// mode: eval
// node-args: --input-type=module
// trace: uname
import { hostname } from 'os';
import fs from 'node:fs';
console.log('esm eval', hostname().length > 0, typeof fs.readFileSync, typeof import.meta.url);
