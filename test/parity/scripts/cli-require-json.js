// trace: open|openat(*_data.json*)
'use strict';
const data = require('./_data.json');
console.log(data.answer, data.list.length, require('./_data.json') === data);
