// trace: open|openat(*/proc/*)||open|openat(*/sys/devices/system/cpu*)
'use strict';
const os = require('os');
const cpus = os.cpus();
console.log(cpus.length, Array.isArray(cpus));
for (const c of cpus) {
  console.log(c.model, typeof c.speed, Object.keys(c).join(','), Object.keys(c.times).join(','),
    Object.values(c.times).every((t) => Number.isInteger(t) && t >= 0));
}
console.log(os.availableParallelism() >= 1, os.availableParallelism() <= cpus.length);
