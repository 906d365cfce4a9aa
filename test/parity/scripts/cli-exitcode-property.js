// trace: open|openat(*cli-exitcode-property.js*)
'use strict';
process.exitCode = 4;
process.on('beforeExit', (c) => console.log('beforeExit', c));
process.on('exit', (c) => console.log('exit', c, process.exitCode));
