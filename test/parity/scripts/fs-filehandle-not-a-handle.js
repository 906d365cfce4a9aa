// trace: openat close
// A FileHandle method called on something else: Node's internal assertion
// error (ERR_INTERNAL_ASSERTION), rejected, not a TypeError.
'use strict';
const fsp = require('fs/promises');
const { err } = require('./_util');
(async () => {
  const fh = await fsp.open(__filename);
  for (const m of ['stat', 'read', 'readFile', 'truncate', 'sync']) {
    try {
      await fh[m].call({});
      console.log(m, 'resolved');
    } catch (e) {
      console.log(m, err(e));
    }
  }
  await fh.close();
})();
