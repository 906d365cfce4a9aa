// trace: getcwd
'use strict';
const path = require('path');
const cwd = process.cwd();
console.log(cwd, typeof cwd, path.isAbsolute(cwd));
console.log(process.cwd() === cwd, path.resolve('x') === path.join(cwd, 'x'));
console.log(require('fs').realpathSync('.') === cwd);
