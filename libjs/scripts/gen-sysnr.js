#!/usr/bin/env node
// libjs: generates libjs/sysnr/<arch>.js from the Linux uapi headers.
//
//   node libjs/scripts/gen-sysnr.js [--x86_64-include DIR] [--aarch64-include DIR]
//
// x86-64: asm/unistd_64.h is a flat list of #defines.
// aarch64: asm/unistd.h sets the architecture's __ARCH_WANT_* choices and then
// includes asm-generic/unistd.h, whose table depends on them and on
// __BITS_PER_LONG (from asm/bitsperlong.h). The headers are evaluated here by a
// small preprocessor that follows #include, #define/#undef and #if/#ifdef with
// defined(), ==, !=, <, >, !, &&, ||, so the arch's own header decides.
'use strict';
const fs = require('fs');
const path = require('path');

// Syscalls newer than the installed headers (Debian 12 ships 6.1 uapi headers).
// Since Linux 5.1 every architecture takes new syscalls at the same number
// (424 and up), so one list serves x86-64 and aarch64.
const NEWER = {
  cachestat: 451, // Linux 6.5
  fchmodat2: 452, // Linux 6.6
};

// Macros named __NR_* that are not syscalls: the table size, and the first
// number the generic table leaves to an architecture's own calls.
const NOT_CALLS = new Set(['__NR_syscalls', '__NR_arch_specific_syscall']);

function preprocess(entry, includeDirs, predefined = {}) {
  const macros = new Map(Object.entries(predefined));
  const seen = new Set();

  function resolveInclude(name, fromDir, quoted) {
    const dirs = quoted ? [fromDir, ...includeDirs] : includeDirs;
    for (const d of dirs) {
      const f = path.join(d, name);
      if (fs.existsSync(f)) return f;
    }
    return null;
  }

  function run(file) {
    const text = fs.readFileSync(file, 'utf8')
      .replace(/\\\n/g, ' ')
      .replace(/\/\*[\s\S]*?\*\//g, ' ')
      .replace(/\/\/.*$/gm, '');
    // Each frame: [active, anyBranchTaken, parentActive].
    const stack = [];
    const active = () => stack.length === 0 || stack[stack.length - 1][0];
    for (const raw of text.split('\n')) {
      const m = /^\s*#\s*(\w+)\s*(.*?)\s*$/.exec(raw);
      if (!m) continue;
      const [, dir, rest] = m;
      switch (dir) {
        case 'ifdef':
        case 'ifndef': {
          const p = active();
          const v = p && (macros.has(rest.split(/\s/)[0]) === (dir === 'ifdef'));
          stack.push([v, v, p]);
          break;
        }
        case 'if': {
          const p = active();
          const v = p && evaluate(rest, macros) !== 0;
          stack.push([v, v, p]);
          break;
        }
        case 'elif': {
          const top = stack[stack.length - 1];
          const v = top[2] && !top[1] && evaluate(rest, macros) !== 0;
          top[0] = v;
          top[1] = top[1] || v;
          break;
        }
        case 'else': {
          const top = stack[stack.length - 1];
          top[0] = top[2] && !top[1];
          top[1] = true;
          break;
        }
        case 'endif':
          if (!stack.length) throw new Error(`${file}: #endif without #if`);
          stack.pop();
          break;
        default:
          if (!active()) break;
          if (dir === 'define') {
            const d = /^(\w+)(\([^)]*\))?\s*(.*)$/.exec(rest);
            if (!d) throw new Error(`${file}: cannot parse #define ${rest}`);
            // Function-like macros (__SYSCALL, __SC_3264...) only mark table
            // entries; their bodies do not matter to the numbers.
            macros.set(d[1], d[2] ? null : d[3]);
          } else if (dir === 'undef') {
            macros.delete(rest);
          } else if (dir === 'include') {
            const inc = /^([<"])([^>"]+)[>"]$/.exec(rest);
            if (!inc) throw new Error(`${file}: cannot parse #include ${rest}`);
            const f = resolveInclude(inc[2], path.dirname(file), inc[1] === '"');
            if (!f) throw new Error(`${file}: ${inc[2]} not found in ${includeDirs.join(', ')}`);
            if (!seen.has(f)) {
              seen.add(f);
              run(f);
            }
          } else if (dir === 'error') {
            throw new Error(`${file}: #error ${rest}`);
          }
      }
    }
    if (stack.length) throw new Error(`${file}: unterminated #if`);
  }

  seen.add(path.resolve(entry));
  run(entry);
  return macros;
}

// #if expressions: integers, identifiers (undefined ones are 0), defined X,
// defined(X), ! && || == != < > <= >= and parentheses.
function evaluate(expr, macros) {
  const toks = expr.match(/\d+[uUlL]*|\w+|&&|\|\||==|!=|<=|>=|[()!<>]/g) || [];
  let i = 0;
  const peek = () => toks[i];
  const next = () => toks[i++];
  function value(tok, depth = 0) {
    if (/^\d/.test(tok)) return parseInt(tok, tok.startsWith('0') && tok.length > 1 ? 8 : 10);
    const v = macros.get(tok);
    if (v === undefined || v === null || v === '' || depth > 20) return 0;
    const t = v.trim();
    return /^\d+$/.test(t) || /^\w+$/.test(t) ? value(t, depth + 1) : evaluate(t, macros);
  }
  function primary() {
    const t = next();
    if (t === '(') {
      const v = or();
      if (next() !== ')') throw new Error(`unbalanced #if: ${expr}`);
      return v;
    }
    if (t === '!') return primary() ? 0 : 1;
    if (t === 'defined') {
      let n = next();
      if (n === '(') {
        n = next();
        next();
      }
      return macros.has(n) ? 1 : 0;
    }
    if (t === undefined) throw new Error(`bad #if: ${expr}`);
    return value(t);
  }
  function cmp() {
    let v = primary();
    while (['==', '!=', '<', '>', '<=', '>='].includes(peek())) {
      const op = next();
      const w = primary();
      v = +({ '==': v === w, '!=': v !== w, '<': v < w, '>': v > w, '<=': v <= w, '>=': v >= w }[op]);
    }
    return v;
  }
  function and() {
    let v = cmp();
    while (peek() === '&&') {
      next();
      const w = cmp();
      v = +(v && w);
    }
    return v;
  }
  function or() {
    let v = and();
    while (peek() === '||') {
      next();
      const w = and();
      v = +(v || w);
    }
    return v;
  }
  const v = or();
  if (i !== toks.length) throw new Error(`trailing tokens in #if: ${expr}`);
  return v;
}

// Every __NR_<name> macro, its value followed through other macros
// (__NR_fstat -> __NR3264_fstat -> 80).
function table(macros) {
  const out = {};
  for (const [k, v] of macros) {
    if (!k.startsWith('__NR_') || NOT_CALLS.has(k) || v === null) continue;
    let t = v.trim();
    for (let depth = 0; !/^\d+$/.test(t); depth++) {
      const next = macros.get(t);
      if (next == null || depth > 20) throw new Error(`${k}: cannot resolve ${v}`);
      t = next.trim();
    }
    out[k.slice(5)] = Number(t);
  }
  for (const [name, n] of Object.entries(NEWER)) if (!(name in out)) out[name] = n;
  return out;
}

// The two tables: where each one's headers are by default (Debian's
// linux-libc-dev and linux-libc-dev-arm64-cross), and how it is read.
const ARCHES = {
  x86_64: {
    name: 'x86-64',
    include: '/usr/include/x86_64-linux-gnu',
    entry: 'asm/unistd_64.h',
    source: 'asm/unistd_64.h',
    dirs: (inc) => [inc, '/usr/include'],
  },
  aarch64: {
    name: 'aarch64',
    include: '/usr/aarch64-linux-gnu/include',
    entry: 'asm/unistd.h',
    source: 'asm/unistd.h + asm-generic/unistd.h (arm64 uapi headers)',
    dirs: (inc) => [inc],
  },
};

// The header a table is generated from, under `include`.
function headerOf(arch, include = ARCHES[arch].include) {
  return path.join(include, ARCHES[arch].entry);
}

// The text of libjs/sysnr/<arch>.js, from the headers under `include`.
function generate(arch, include = ARCHES[arch].include) {
  const a = ARCHES[arch];
  const nr = table(preprocess(headerOf(arch, include), a.dirs(include)));
  const names = Object.keys(nr).sort((x, y) => nr[x] - nr[y] || (x < y ? -1 : 1));
  const lines = names.map((n) => `  ${n}: ${nr[n]},`);
  return `// libjs: Linux syscall numbers for ${a.name}. Generated by libjs/scripts/gen-sysnr.js
// from ${a.source}; do not edit.
'use strict';
module.exports = {
${lines.join('\n')}
};
`;
}

function main(argv) {
  const include = { x86_64: ARCHES.x86_64.include, aarch64: ARCHES.aarch64.include };
  let out = path.join(__dirname, '..', 'sysnr');
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--x86_64-include') include.x86_64 = argv[++i];
    else if (argv[i] === '--aarch64-include') include.aarch64 = argv[++i];
    else if (argv[i] === '--out') out = argv[++i];
    else throw new Error(`gen-sysnr: unknown argument ${argv[i]}`);
  }
  fs.mkdirSync(out, { recursive: true });
  const counts = [];
  for (const arch of Object.keys(ARCHES)) {
    const text = generate(arch, include[arch]);
    fs.writeFileSync(path.join(out, `${arch}.js`), text);
    counts.push(`${arch}.js ${text.split('\n').filter((l) => l.startsWith('  ')).length} syscalls`);
  }
  console.log(`gen-sysnr: ${counts.join(', ')}`);
}

module.exports = { preprocess, evaluate, table, generate, headerOf, ARCHES };
if (require.main === module) main(process.argv);
