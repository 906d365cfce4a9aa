// trace: openat(*cli-require-missing.js*)
'use strict';
require('./does-not-exist');
