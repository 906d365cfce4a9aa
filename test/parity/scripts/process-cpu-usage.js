// trace: getrusage||clock_gettime
'use strict';
const a = process.cpuUsage();
console.log(Object.keys(a).join(','), Number.isInteger(a.user), Number.isInteger(a.system));
let x = 0;
for (let i = 0; i < 3e6; i++) x += i;
const d = process.cpuUsage(a);
console.log(d.user >= 0, d.system >= 0, x > 0);
try { process.cpuUsage({ user: -1, system: 0 }); } catch (e) { console.log(e.code, e.message); }
try { process.cpuUsage({ user: 'x' }); } catch (e) { console.log(e.code, e.message); }
