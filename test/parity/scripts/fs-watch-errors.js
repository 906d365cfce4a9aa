// trace: inotify_add_watch(*nope*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
show('enoent', () => fs.watch('nope'));
show('bad encoding', () => fs.watch('.', { encoding: 'zz' }));
show('bad recursive', () => fs.watch('.', { recursive: 'yes' }));
const w = fs.watch('.', { encoding: 'buffer' });
w.close();
console.log('closed ok');
