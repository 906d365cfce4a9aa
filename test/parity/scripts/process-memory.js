// trace: open|openat(*statm*)||getrusage||open|openat(*/proc/self/stat*)
'use strict';
const m = process.memoryUsage();
console.log(Object.keys(m).join(','));
console.log(Object.values(m).every((v) => Number.isInteger(v) && v >= 0), m.rss > 1024 * 1024);
const r = process.memoryUsage.rss();
console.log(typeof r, r > 1024 * 1024, Number.isInteger(r));
