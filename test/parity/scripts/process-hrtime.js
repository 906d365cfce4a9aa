// trace: clock_gettime
'use strict';
const a = process.hrtime();
const b = process.hrtime();
console.log(Array.isArray(a), a.length, a.every(Number.isInteger), a[1] < 1e9);
console.log(b[0] > a[0] || (b[0] === a[0] && b[1] >= a[1]));
const d = process.hrtime(a);
console.log(d.length, d[0] >= 0, d[1] >= 0);
try { process.hrtime([1]); } catch (e) { console.log(e.code, e.message); }
try { process.hrtime('x'); } catch (e) { console.log(e.code, e.message); }
