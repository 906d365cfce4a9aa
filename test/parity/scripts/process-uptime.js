// trace: clock_gettime
'use strict';
const u = process.uptime();
console.log(typeof u, u > 0, u < 60);
setTimeout(() => {
  const v = process.uptime();
  console.log(v > u, v - u >= 0.019);
}, 20);
