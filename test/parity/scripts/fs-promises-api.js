// trace: open|openat(*api*)
'use strict';
const fsp = require('fs/promises');
const fs = require('fs');
console.log(Object.keys(fsp).sort().join(','));
console.log(fsp.constants === fs.constants, typeof fsp.FileHandle);
console.log(Object.keys(fs).filter((k) => typeof fs[k] === 'function').length > 90);
(async () => {
  await fsp.writeFile('api', 'x');
  console.log((await fsp.readFile('api', 'utf8')));
  await fsp.rm('api');
})();
