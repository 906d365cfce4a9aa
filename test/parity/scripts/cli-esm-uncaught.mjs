// trace: open|openat(*esm-missing*)
import { readFileSync } from 'node:fs';
function go() { readFileSync('esm-missing'); }
go();
