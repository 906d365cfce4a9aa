// trace: open|openat(*cli-uncaught.js*)
'use strict';
function inner() { throw new Error('boom'); }
function outer() { inner(); }
console.log('before');
outer();
