// bench: shared harness. Variants run interleaved, round after round, in one
// process; each figure is the median over rounds.
'use strict';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// variants: { name: (iterations) => nsPerOp | undefined }. A function that
// returns a number reports its own ns/op (a C loop timing itself); otherwise
// the harness times it.
function run(variants, { rounds = 7, iterations = 200000, warmup = 2 } = {}) {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds + warmup; r++) {
    // Every other round in reverse: whatever one variant leaves behind (dirty
    // pages, a journal commit due, a collection) does not always fall on the
    // same next one.
    for (const name of r % 2 ? [...names].reverse() : names) {
      const t0 = process.hrtime.bigint();
      const self = variants[name](iterations);
      const ns = typeof self === 'number' ? self : Number(process.hrtime.bigint() - t0) / iterations;
      if (r >= warmup) samples[name].push(ns);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

function table(title, rows) {
  console.log(`\n${title}`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, ...notes] of rows)
    console.log(`  ${name.padEnd(w)}  ${[value, ...notes.filter(Boolean)].join('  ')}`);
}

module.exports = { median, run, table };
