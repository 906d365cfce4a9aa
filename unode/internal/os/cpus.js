// unode/internal/os: os.cpus() from /proc/stat (times), /proc/cpuinfo (model)
// and /sys/devices/system/cpu/cpuN/cpufreq/scaling_cur_freq (speed), read and
// combined the way libuv's uv_cpu_info does on Linux, quirks included.
'use strict';
const { readText } = require('./procfs');

// USER_HZ, the unit of /proc/stat, is 100 on every Linux ABI (libuv assumes it too).
const MS_PER_TICK = 1000 / 100;
const MAX_CPUS = 8192;

// arm64's /proc/cpuinfo names no model, only a "CPU part" number; these are
// the names libuv gives the part numbers it knows (0xc0d, once the
// Cortex-A12, is reported as the A17 it was renamed to).
const ARM_PARTS = new Map([
  ['0x811', 'ARM810'], ['0x920', 'ARM920'], ['0x922', 'ARM922'], ['0x926', 'ARM926'],
  ['0x940', 'ARM940'], ['0x946', 'ARM946'], ['0x966', 'ARM966'], ['0xa20', 'ARM1020'],
  ['0xa22', 'ARM1022'], ['0xa26', 'ARM1026'], ['0xb02', 'ARM11 MPCore'], ['0xb36', 'ARM1136'],
  ['0xb56', 'ARM1156'], ['0xb76', 'ARM1176'], ['0xc05', 'Cortex-A5'], ['0xc07', 'Cortex-A7'],
  ['0xc08', 'Cortex-A8'], ['0xc09', 'Cortex-A9'], ['0xc0d', 'Cortex-A17'], ['0xc0f', 'Cortex-A15'],
  ['0xc0e', 'Cortex-A17'], ['0xc14', 'Cortex-R4'], ['0xc15', 'Cortex-R5'], ['0xc17', 'Cortex-R7'],
  ['0xc18', 'Cortex-R8'], ['0xc20', 'Cortex-M0'], ['0xc21', 'Cortex-M1'], ['0xc23', 'Cortex-M3'],
  ['0xc24', 'Cortex-M4'], ['0xc27', 'Cortex-M7'], ['0xc60', 'Cortex-M0+'], ['0xd01', 'Cortex-A32'],
  ['0xd03', 'Cortex-A53'], ['0xd04', 'Cortex-A35'], ['0xd05', 'Cortex-A55'], ['0xd06', 'Cortex-A65'],
  ['0xd07', 'Cortex-A57'], ['0xd08', 'Cortex-A72'], ['0xd09', 'Cortex-A73'], ['0xd0a', 'Cortex-A75'],
  ['0xd0b', 'Cortex-A76'], ['0xd0c', 'Neoverse-N1'], ['0xd0d', 'Cortex-A77'], ['0xd0e', 'Cortex-A76AE'],
  ['0xd13', 'Cortex-R52'], ['0xd20', 'Cortex-M23'], ['0xd21', 'Cortex-M33'], ['0xd41', 'Cortex-A78'],
  ['0xd42', 'Cortex-A78AE'], ['0xd4a', 'Neoverse-E1'], ['0xd4b', 'Cortex-A78C'], ['0xd4f', 'Neoverse-V2'],
]);

// A cursor over a file read as stdio reads it: fgets() returns at most 1023
// characters (libuv's 1024-byte line buffer), so a longer line comes in pieces.
class Lines {
  constructor(text) {
    this.text = text;
    this.pos = 0;
  }

  fgets() {
    const { text, pos } = this;
    if (pos >= text.length) return null;
    const nl = text.indexOf('\n', pos);
    const end = Math.min(nl < 0 ? text.length : nl + 1, pos + 1023);
    this.pos = end;
    return text.slice(pos, end);
  }

  // fscanf with a sticky regular expression: the match, or null (cursor unmoved).
  scan(re) {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m !== null) this.pos = re.lastIndex;
    return m;
  }
}

// /proc/stat: "cpuN user nice system idle iowait irq ..." per CPU, after the
// all-CPU line. Returns a Map cpu -> ticks, in file order.
const statLine = /cpu\s*(\d+)\s*(\d+)\s*(\d+)\s*(\d+)\s*(\d+)\s*(\d+)\s*(\d+)/y;
function parseStat(text) {
  const f = new Lines(text);
  const cpus = new Map();
  if (f.fgets() === null) return cpus;
  for (;;) {
    const m = f.scan(statLine);
    if (m === null) break;
    f.fgets();
    const cpu = Number(m[1]);
    if (cpu >= MAX_CPUS) continue;
    cpus.set(cpu, {
      model: 0, freq: 0,
      user: Number(m[2]), nice: Number(m[3]), sys: Number(m[4]), idle: Number(m[5]), irq: Number(m[7]),
    });
  }
  return cpus;
}

// /proc/cpuinfo: the model of each "processor : N" block. libuv keeps up to
// eight distinct model strings (63 characters each) and matches by prefix; its
// matching stops at the first empty slot, so every CPU after the first takes
// the first model found (a big.LITTLE machine reports one model), exactly as here.
// `text`: /proc/cpuinfo (or null); `arch`: whose format it has.
const processorLine = /processor\s*:\s*(\d+)\s*/y;
function parseModels(text, cpus, maxcpu, arch = process.arch) {
  const models = ['unknown', '', '', '', '', '', '', ''];
  if (text === null) return models;
  const marker = arch === 'arm64' ? 'CPU part\t: ' : 'model name\t: ';
  const f = new Lines(text);
  for (;;) {
    const m = f.scan(processorLine);
    if (m === null) break;
    const cpu = Number(m[1]);
    let value = null;
    for (let s = f.fgets(); s !== null; s = f.fgets()) {
      if (s.startsWith(marker)) {
        value = s.slice(marker.length);
        break;
      }
    }
    if (value !== null) {
      let p = value.split('\n', 1)[0];
      if (arch === 'arm64') p = ARM_PARTS.get(p) || 'unknown';
      // The slot after the one matched is the one written and used (libuv's
      // loop leaves its pointer one past the match).
      let k = 0, found = false;
      while (!found && k < models.length) found = (p + '\n').startsWith(models[k++]);
      if (found && k < models.length) {
        if (models[k] === '') models[k] = p.slice(0, 63);
        if (cpu < maxcpu && cpus.has(cpu)) cpus.get(cpu).model = k;
      }
    }
    for (let s = f.fgets(); s !== null; s = f.fgets()) if (s[0] === '\n') break;
  }
  return models;
}

// The current frequency in kHz from cpufreq, or 0 where there is none (a
// virtual machine, say: libuv no longer reads "cpu MHz" from /proc/cpuinfo).
function readFreq(cpu) {
  const t = readText(`/sys/devices/system/cpu/cpu${cpu}/cpufreq/scaling_cur_freq`, 31);
  if (typeof t !== 'string') return 0;
  const m = /^\s*(\d+)/.exec(t);
  return m === null ? 0 : Number(m[1]);
}

// [{ model, speed (MHz), times: { user, nice, sys, idle, irq } (ms) }] in CPU
// number order, or -errno when /proc/stat cannot be read.
function cpus() {
  const text = readText('/proc/stat');
  if (typeof text === 'number') return text;
  const stat = parseStat(text);
  let maxcpu = 0;
  for (const cpu of stat.keys()) if (cpu >= maxcpu) maxcpu = cpu + 1;
  const info = readText('/proc/cpuinfo');
  const models = parseModels(typeof info === 'number' ? null : info, stat, maxcpu);
  const order = [...stat.keys()].sort((a, b) => a - b);
  const out = [];
  for (const cpu of order) {
    const c = stat.get(cpu);
    out.push({
      model: models[c.model],
      speed: Math.floor(readFreq(cpu) / 1000),
      times: {
        user: c.user * MS_PER_TICK,
        nice: c.nice * MS_PER_TICK,
        sys: c.sys * MS_PER_TICK,
        idle: c.idle * MS_PER_TICK,
        irq: c.irq * MS_PER_TICK,
      },
    });
  }
  return out;
}

module.exports = { cpus, parseStat, parseModels, Lines, ARM_PARTS };
