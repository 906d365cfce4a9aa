// trace: getcwd
'use strict';
const v = { ...process.versions };
delete v.unode;
console.log(JSON.stringify(v));
console.log(process.version, process.release.name, process.platform, process.arch);
console.log(JSON.stringify(process.execArgv), process.argv.length, process.argv0);
console.log(process.title, process.cwd().length > 0);
