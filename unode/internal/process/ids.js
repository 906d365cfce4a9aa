// unode/internal/process: the process's credentials as the kernel reports
// them: getuid(2) and friends, getgroups(2).
'use strict';
const unistd = require('libjs/unistd');

// uid_t and gid_t are unsigned 32-bit; the kernel's result is never negative
// for these calls, but a Number read of (uid_t)-1 must not turn into -1.
const getuid = () => unistd.getuid() >>> 0;
const geteuid = () => unistd.geteuid() >>> 0;
const getgid = () => unistd.getgid() >>> 0;
const getegid = () => unistd.getegid() >>> 0;

// The supplementary groups, with the effective gid appended when it is not
// among them (as Node does); or -errno. The list can grow between the count
// and the read (EINVAL): ask again.
let list = new Uint32Array(64);
function getgroups() {
  for (let attempt = 0; ; attempt++) {
    const n = unistd.getgroups(0, null);
    if (n < 0) return n;
    if (list.length < n) list = new Uint32Array(n);
    const r = n === 0 ? 0 : unistd.getgroups(n, list);
    if (r === -22 && attempt < 4) continue;
    if (r < 0) return r;
    const egid = getegid();
    const groups = new Array(r);
    let found = false;
    for (let i = 0; i < r; i++) {
      groups[i] = list[i];
      if (list[i] === egid) found = true;
    }
    if (!found) groups.push(egid);
    return groups;
  }
}

module.exports = { getuid, geteuid, getgid, getegid, getgroups };
