// trace: getcwd
'use strict';
console.log(Object.getOwnPropertyNames(globalThis).sort().join(','));
console.log(Object.keys(process).sort().join(','));
console.log(process.cwd() !== '');
