// trace: uname
'use strict';
const os = require('os');
console.log(JSON.stringify(os.constants.signals));
console.log(JSON.stringify(os.constants.errno));
console.log(JSON.stringify(os.constants.priority));
console.log(JSON.stringify(os.constants.dlopen));
console.log(os.constants.UV_UDP_REUSEADDR);
console.log(JSON.stringify(os.EOL), os.devNull, os.type());
