// Parity scripts' helper: an --import preload (cli-import-preload.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
console.log('import preload sees fs', existsSync(fileURLToPath(import.meta.url)));
