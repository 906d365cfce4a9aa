// trace: readlink|readlinkat(*fd/0*) openat(*stdin*)
// stdin: piped\n
// /dev/stdin on a pipe: Node's walk stops at the link target, a name with
// nothing behind it (/proc/<pid>/fd/pipe:[N]); the native form (realpath(3))
// fails with ENOENT, in every API.
'use strict';
const fs = require('fs');
const fix = (p) => p.replace(/\d+/g, 'N');
try {
  console.log('sync', fix(fs.realpathSync('/dev/stdin')));
} catch (e) {
  console.log('sync throws', e.code, e.syscall);
}
try {
  console.log('sync native', fix(fs.realpathSync.native('/dev/stdin')));
} catch (e) {
  console.log('sync native throws', e.code, e.syscall, e.path);
}
fs.realpath('/dev/stdin', (e, p) => {
  console.log('callback', e ? e.code : fix(p));
  fs.realpath.native('/dev/stdin', (e2, p2) => {
    console.log('callback native', e2 ? `${e2.code} ${e2.syscall}` : fix(p2));
    fs.promises.realpath('/dev/stdin').then((p3) => console.log('promise', fix(p3)),
      (e3) => console.log('promise rejects', e3.code, e3.syscall));
  });
});
