// trace: open|openat(*cli-unhandled-rejection.js*)
'use strict';
async function fail() { throw new TypeError('rejected'); }
fail();
setTimeout(() => console.log('not reached'), 100);
