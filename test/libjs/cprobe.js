// Test helper: the values a C compiler gives to names (macros, enum constants),
// read from the assembly it emits, so a cross compiler works as well as the
// native one (nothing is run). Names the headers do not define are reported,
// not guessed.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const COMPILERS = { x64: 'x86_64-linux-gnu-gcc', arm64: 'aarch64-linux-gnu-gcc' };
const NATIVE = { x64: 'x86_64', arm64: 'aarch64' };

function compilerFor(arch) {
  const cc = process.arch === arch ? 'gcc' : COMPILERS[arch];
  if (!cc) return null;
  const r = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  // The native gcc of another machine is not a cross compiler for `arch`.
  const t = spawnSync(cc, ['-dumpmachine'], { encoding: 'utf8' });
  return t.stdout.startsWith(NATIVE[arch]) ? cc : null;
}

// The compiler for `arch`, or skip the running mocha test with the reason in
// its title (so the report says what was not checked, and why).
function needCompiler(ctx, arch) {
  const cc = compilerFor(arch);
  if (cc) return cc;
  const name = process.arch === arch ? 'gcc' : COMPILERS[arch];
  ctx.test.title += ` [skipped: ${name} is not installed]`;
  return ctx.skip();
}

// probe({ cc, headers, names, defines, flags }) -> { values: Map name -> BigInt
// (two's complement 64-bit), missing: [names the headers do not define] }.
function probe({ cc, headers, names, defines = ['_GNU_SOURCE'], flags = [] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libjs-cprobe-'));
  try {
    let todo = [...names];
    const missing = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const head = [...defines.map((d) => `#define ${d}`), ...headers.map((h) => `#include <${h}>`)];
      const first = head.length + 1;
      const body = todo.map((n, i) => `const long long libjs_v${i} = (long long)(${n});`);
      const src = path.join(dir, 'probe.c');
      fs.writeFileSync(src, [...head, ...body, ''].join('\n'));
      const r = spawnSync(cc, ['-S', '-O0', '-w', '-fmax-errors=0', ...flags, '-o', '-', src],
        { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status === 0) return { values: parse(r.stdout, todo), missing };
      const bad = new Set();
      for (const m of r.stderr.matchAll(/probe\.c:(\d+):\d+: error/g)) {
        const line = Number(m[1]) - first;
        if (line >= 0 && line < todo.length) bad.add(todo[line]);
      }
      if (bad.size === 0) throw new Error(`cprobe: ${cc} failed on the headers:\n${r.stderr.slice(0, 2000)}`);
      missing.push(...bad);
      todo = todo.filter((n) => !bad.has(n));
    }
    throw new Error('cprobe: too many compile rounds');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function parse(asm, names) {
  const values = new Map();
  const lines = asm.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^libjs_v(\d+):/.exec(lines[i]);
    if (!m) continue;
    const d = /^\s*\.(quad|xword|8byte|zero)\s+(-?\d+)/.exec(lines[i + 1]);
    if (!d) throw new Error(`cprobe: cannot read the value after ${lines[i]}: ${lines[i + 1]}`);
    values.set(names[Number(m[1])], d[1] === 'zero' ? 0n : BigInt.asIntN(64, BigInt(d[2])));
  }
  for (const n of names) if (!values.has(n)) throw new Error(`cprobe: no value for ${n}`);
  return values;
}

// Compare a JS value with the compiler's: the same 64-bit word, or the same
// 32-bit word where the header spells an unsigned flag as a signed int.
function same(js, c) {
  const v = typeof js === 'bigint' ? js : BigInt(js);
  if (BigInt.asIntN(64, v) === c) return true;
  return c < 0n && c >= -(2n ** 31n) && v >= 0n && v < 2n ** 32n && BigInt.asIntN(32, v) === c;
}

module.exports = { compilerFor, needCompiler, probe, same };
