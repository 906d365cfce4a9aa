// trace: getrusage
'use strict';
const r = process.resourceUsage();
console.log(Object.keys(r).join(','));
console.log(Object.values(r).every((v) => Number.isInteger(v) && v >= 0));
console.log(r.maxRSS > 0, r.userCPUTime > 0);
