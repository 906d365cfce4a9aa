// trace: open|openat(*cli-syntax-error.js*)
'use strict';
console.log('never');
let x = ;
