// trace: open|openat(*cli-create-require.js*)
'use strict';
const { createRequire, builtinModules, isBuiltin } = require('module');
const req = createRequire(__filename);
console.log(req('fs') === require('fs'), req('node:fs') === require('fs'), require('node:fs') === require('fs'));
console.log(req('fs/promises') === require('fs').promises, req('os') === require('node:os'));
console.log(req.resolve('fs'), req.resolve('node:fs'), isBuiltin('fs'), isBuiltin('node:fs/promises'));
console.log(builtinModules.length, builtinModules.includes('fs'));
console.log(typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('fs') === require('fs') : 'n/a');
