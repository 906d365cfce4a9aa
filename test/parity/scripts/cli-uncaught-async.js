// trace: open|openat(*no-such.txt*)
'use strict';
const fs = require('fs');
fs.readFile('no-such.txt', function onRead(err) {
  if (err) throw err;
});
