// trace: readlink|readlinkat(*linked*)
'use strict';
// Node's CommonJS loader resolves through fs.realpathSync with its own cache:
// modules required through a symlinked directory get their real path.
const fs = require('fs');
const path = require('path');
fs.mkdirSync('real/lib', { recursive: true });
fs.writeFileSync('real/lib/m.js', 'module.exports = __filename;');
fs.symlinkSync('real', 'linked');
const viaLink = require(path.resolve('linked/lib/m.js'));
console.log(path.relative(process.cwd(), viaLink));
console.log(path.relative(process.cwd(), require.resolve(path.resolve('linked/lib/m.js'))));
console.log(path.relative(process.cwd(), fs.realpathSync('linked/lib/../lib/m.js')));
console.log(path.relative(process.cwd(), fs.realpathSync.native('linked/lib/m.js')));
console.log(fs.realpathSync('linked', 'buffer').length === Buffer.byteLength(path.resolve('real')));
fs.rmSync('real', { recursive: true });
fs.unlinkSync('linked');
