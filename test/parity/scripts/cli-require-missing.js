// trace: open|openat(*cli-require-missing.js*)
'use strict';
require('./does-not-exist');
