// unode: the package. As a preload (`node -r unode app.js`) it starts the
// loader, as the `unode` command does; required by a program, it only tells
// what unode is and serves, and start() installs the loader by hand.
'use strict';
const path = require('path');

const bin = path.join(__dirname, 'bin', 'unode.js');

function start() {
  require('./internal/boot').start(bin);
}

// One row per built-in module: { name, by: 'unode' | 'node', detail }.
function modules() {
  return require('./internal/loader_cli').modulesTable().trim().split('\n').map((line) => {
    const [, name, by, detail] = /^(\S+)\s+(\S+)\s+(.*)$/.exec(line);
    return { name, by, detail };
  });
}

if (module.parent && module.parent.id === 'internal/preload') start();

module.exports = { version: require('./package.json').version, start, modules };
