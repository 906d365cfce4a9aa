// trace: rmdir||unlinkat getcwd
'use strict';
const fs = require('fs');
const path = require('path');
const { show } = require('./_util');
const start = process.cwd();
fs.mkdirSync('gone');
process.chdir('gone');
const here = process.cwd();
fs.rmdirSync(here);
show('cached', () => process.cwd() === here);
show('resolve', () => path.resolve('x') === path.join(here, 'x'));
show('chdir dot', () => process.chdir('.'));
show('cwd now', () => process.cwd() === here);
process.chdir(start);
show('back', () => process.cwd() === start);
