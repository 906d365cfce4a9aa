// trace: getdents64 open|openat(*tree*)
'use strict';
const fs = require('fs');
const { show } = require('./_util');
fs.mkdirSync('tree/a/b/c', { recursive: true });
fs.writeFileSync('tree/top.txt', '');
fs.writeFileSync('tree/a/one.txt', '');
fs.writeFileSync('tree/a/b/two.txt', '');
fs.writeFileSync('tree/a/b/c/three.txt', '');
show('names', () => fs.readdirSync('tree', { recursive: true }).sort());
show('types', () => fs.readdirSync('tree', { recursive: true, withFileTypes: true })
  .map((d) => `${d.path}|${d.name}|${d.isDirectory()}`).sort());
fs.readdir('tree', { recursive: true }, (e, names) => {
  console.log('callback', e, names.sort());
  fs.promises.readdir('tree', { recursive: true, withFileTypes: true }).then((ds) => {
    console.log('promise', ds.map((d) => d.name).sort());
    fs.rmSync('tree', { recursive: true });
  });
});
