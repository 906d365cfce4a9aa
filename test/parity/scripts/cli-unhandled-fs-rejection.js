// trace: open|openat(*nothing-here*)
'use strict';
require('fs/promises').readFile('nothing-here');
