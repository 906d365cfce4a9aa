// trace: getuid geteuid getgid getegid
'use strict';
console.log(process.getuid(), process.geteuid(), process.getgid(), process.getegid());
console.log(JSON.stringify(process.getgroups()));
console.log(typeof process.setuid, typeof process.setgid, typeof process.setgroups, typeof process.initgroups);
try { process.setuid({}); } catch (e) { console.log(e.code, e.message); }
try { process.setgid('no-such-group-zz'); } catch (e) { console.log(e.code, e.message); }
try { process.setuid('no-such-user-zz'); } catch (e) { console.log(e.code, e.message); }
