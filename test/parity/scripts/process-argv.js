// trace: getcwd
// args: one --two "three four" -e 5
'use strict';
console.log(JSON.stringify(process.argv.slice(2)));
console.log(process.argv[0] === process.execPath, process.argv[1] === __filename);
console.log(JSON.stringify(process.execArgv), process.cwd() !== '');
