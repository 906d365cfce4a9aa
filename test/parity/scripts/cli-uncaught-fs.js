// trace: open|openat(*missing-file.txt*)
'use strict';
const fs = require('fs');
function load() { return fs.readFileSync('missing-file.txt'); }
load();
