// Parity: every script in test/parity/scripts runs under node and under unode
// (UNODE_STRICT=1, traced) and must give the same output. One test per script;
// a subset: `npx mocha test/parity --grep fs-`.
'use strict';
const runner = require('./runner');

const scripts = runner.list();
const groups = new Map();
for (const s of scripts) {
  const g = s.name.split('-')[0];
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g).push(s);
}

describe('parity: node and unode give the same output', function() {
  for (const [group, list] of groups) {
    describe(group, function() {
      for (const script of list) {
        it(script.name, async function() {
          this.timeout(script.header.timeout * 3 + 5000);
          const problem = await runner.check(script);
          if (problem !== null) throw new Error(`${script.name}\n${problem}`);
        });
      }
    });
  }
});
