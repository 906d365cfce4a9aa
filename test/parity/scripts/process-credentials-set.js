// trace: setgroups setresgid setresuid
'use strict';
const { show } = require('./_util');
// Run as root (the harness's machine); as another user every change is EPERM,
// under node and unode alike.
const root = process.getuid() === 0;
show('setgroups', () => { process.setgroups([0, 'root', 0]); return process.getgroups(); });
show('setegid', () => { process.setegid(root ? 'root' : process.getegid()); return process.getegid(); });
show('seteuid', () => { process.seteuid(root ? 0 : process.geteuid()); return process.geteuid(); });
show('initgroups', () => { process.initgroups('root', 'root'); return process.getgroups(); });
show('initgroups uid', () => { process.initgroups(0, 0); return process.getgroups(); });
show('unknown user', () => process.seteuid('no-such-user-zz'));
show('unknown group', () => process.setgroups([0, 'no-such-group-zz']));
show('unknown initgroups group', () => process.initgroups('root', 'no-such-group-zz'));
show('unknown initgroups uid', () => process.initgroups(2 ** 32 - 1, 0));
for (const id of [{}, null, -1, 1.5, 2 ** 32, NaN, true]) {
  show(`bad id ${JSON.stringify(id)}`, () => process.setegid(id));
}
show('bad groups', () => process.setgroups('x'));
show('bad group', () => process.setgroups([0, {}]));
show('names', () => ['setuid', 'seteuid', 'setgid', 'setegid', 'setgroups', 'initgroups']
  .map((k) => `${process[k].name}/${process[k].length}`));
