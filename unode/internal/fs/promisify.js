// unode/internal/fs: what util.promisify looks for on fs's callback functions.
// util.promisify(fs.read) resolves to { bytesRead, buffer } because of a
// symbol private to Node; Node's own fs.read carries it, so it is read from
// there (at load, before the loader has put unode's functions on that object).
'use strict';

function findArgsSymbol() {
  const nodeRead = require('fs').read;
  if (typeof nodeRead === 'function') {
    for (const s of Object.getOwnPropertySymbols(nodeRead)) {
      if (s.description === 'customPromisifyArgs') return s;
    }
  }
  // Without it util.promisify resolves to the first result only.
  return Symbol('customPromisifyArgs');
}

module.exports = {
  customPromisifyArgs: findArgsSymbol(),
  custom: require('util').promisify.custom,
};
