// trace: getrusage openat(*statm*)
'use strict';
const { show } = require('./_util');
show('memoryUsage keys', () => Object.keys(process.memoryUsage()));
show('memoryUsage ints', () => Object.values(process.memoryUsage()).every(Number.isInteger));
show('rss name', () => [process.memoryUsage.rss.name, process.memoryUsage.name]);
show('resourceUsage keys', () => Object.keys(process.resourceUsage()));
show('resourceUsage ints', () => Object.values(process.resourceUsage()).every((v) => Number.isInteger(v) && v >= 0));
for (const arg of [5, 'x', { user: -1 }, { user: 'a' }, { user: 1 }, { user: 1, system: -2 },
  { user: 1, system: 'x' }, { user: Infinity, system: 0 }, { user: 2 ** 53, system: 0 }, [], true, 0, null]) {
  show(`cpuUsage ${JSON.stringify(arg)}`, () => Object.keys(process.cpuUsage(arg)));
}
show('cpuUsage diff', () => { const a = process.cpuUsage(); const d = process.cpuUsage(a); return d.user >= 0 && d.system >= 0; });
show('uptime', () => [typeof process.uptime(), process.uptime.name, process.uptime() < 60]);
