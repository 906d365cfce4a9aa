// unode: the code-cache run of scripts/build.js, in a plain node of its own.
// Starts unode from the pack being built, as the command does, and makes the
// calls a start-up makes (node's -e asks for the cwd; its CommonJS and ES
// module loaders read, stat and resolve files through fs), so that V8 has
// compiled what a start-up runs; then writes V8's code cache of every module:
// a JSON line [[name, length], ...], then the caches in that order.
//   node unode/scripts/train.js <pack> <out>
'use strict';
const { writeFileSync } = require('fs'); // Node's, taken before unode serves fs
const path = require('path');
const vm = require('vm');
const boot = require('../internal/boot');

const [packFile, out] = process.argv.slice(2);
const { pack, why } = boot.open(packFile, { check: false });
if (pack === undefined) throw new Error(`cannot open ${packFile}: ${why}`);
pack.scripts = new Map();

const unode = path.join(__dirname, '..');
pack.require(path.join(unode, 'internal', 'loader.js')).start(path.join(unode, 'bin', 'unode.js'));

// What Node's loaders ask of fs and process while a program starts.
const fs = require('fs');
const kRealpathCache = Symbol('realpathCacheKey');
const missing = path.join(__dirname, 'no such file');
process.cwd();
fs.readFileSync(__filename, 'utf8');
fs.readFileSync(__filename);
fs.readFileSync(new URL(`file://${__filename}`));
fs.realpathSync(__filename, { [kRealpathCache]: new Map() });
fs.realpathSync(__dirname);
fs.statSync(__filename);
fs.lstatSync(__filename);
fs.existsSync(__filename);
fs.existsSync(missing);
try { fs.statSync(missing); } catch {}
try { fs.readFileSync(missing); } catch {}

const index = [];
const caches = [];
pack.names.forEach((name, i) => {
  if (!name.endsWith('.js')) return;
  const script = pack.scripts.get(i) ?? new vm.Script(pack.source(i), { filename: pack.filename(i), lineOffset: -1 });
  const data = script.createCachedData();
  index.push([name, data.length]);
  caches.push(data);
});
writeFileSync(out, Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`), ...caches]));
