// Parity scripts' helper: a --require preload (cli-require-preload.js).
'use strict';
const fs = require('fs');
console.log('preload sees fs', typeof fs.readFileSync, fs.existsSync(__filename));
