// libjs/struct: struct sysinfo (<linux/sysinfo.h>), for sysinfo(2).
'use strict';
const { define } = require('./define');

// 64-bit layout (x86-64 and aarch64), 112 bytes:
// offset | size | field
//      0 |    8 | uptime     long, seconds since boot
//      8 |   24 | loads[3]   unsigned long, 1, 5, 15 min averages << 16
//     32 |    8 | totalram   unsigned long, in mem_unit
//     40 |    8 | freeram
//     48 |    8 | sharedram
//     56 |    8 | bufferram
//     64 |    8 | totalswap
//     72 |    8 | freeswap
//     80 |    2 | procs      unsigned short
//     82 |    6 | pad
//     88 |    8 | totalhigh
//     96 |    8 | freehigh
//    104 |    4 | mem_unit   unsigned int, bytes
//    108 |    4 | _f, padding
const codec = define('sysinfo', 112, [
  ['uptime', 'uptime', 0, 'i64'],
  ['loads1', 'loads[0]', 8, 'u64'],
  ['loads5', 'loads[1]', 16, 'u64'],
  ['loads15', 'loads[2]', 24, 'u64'],
  ['totalram', 'totalram', 32, 'u64'],
  ['freeram', 'freeram', 40, 'u64'],
  ['sharedram', 'sharedram', 48, 'u64'],
  ['bufferram', 'bufferram', 56, 'u64'],
  ['totalswap', 'totalswap', 64, 'u64'],
  ['freeswap', 'freeswap', 72, 'u64'],
  ['procs', 'procs', 80, 'u16'],
  ['totalhigh', 'totalhigh', 88, 'u64'],
  ['freehigh', 'freehigh', 96, 'u64'],
  ['memUnit', 'mem_unit', 104, 'u32'],
], { loads: [8, 24] });

// loadavg: the three averages as os.loadavg() gives them (fixed point, 16
// fractional bits, SI_LOAD_SHIFT).
const SI_LOAD_SHIFT = 16;
function loadavg(info) {
  const d = 2 ** SI_LOAD_SHIFT;
  return [Number(info.loads1) / d, Number(info.loads5) / d, Number(info.loads15) / d];
}

module.exports = { ...codec, loadavg };
