// node-args: --import $SCRIPTS/_preload.mjs
// trace: faccessat|faccessat2|access|statx|newfstatat|stat(*_preload.mjs*)
'use strict';
console.log('main after import preload');
