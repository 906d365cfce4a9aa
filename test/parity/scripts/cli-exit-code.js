// trace: open|openat(*cli-exit-code.js*)
'use strict';
console.log('exiting with 3');
process.on('exit', (c) => console.log('exit event', c));
process.exit(3);
