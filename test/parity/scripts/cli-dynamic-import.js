// trace: open|openat(*cli-dynamic-import.js*)
'use strict';
(async () => {
  const fs = await import('node:fs');
  console.log(fs.default === require('fs'), fs.readFileSync === require('fs').readFileSync);
  const fsp = await import('fs/promises');
  console.log(fsp.default === require('fs/promises'), fsp.readFile === require('fs/promises').readFile);
  const os = await import('os');
  console.log(os.default === require('os'), os.hostname === require('os').hostname);
})();
