// node-args: -r $SCRIPTS/_preload.js
// trace: open|openat(*_preload.js*)
'use strict';
console.log('main runs after preload', require.main === module);
