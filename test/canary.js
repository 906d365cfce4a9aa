// Mocha root hook (.mocharc.json): after every test, one getpid job through
// eloop must come back. The whole suite shares this process's eloop; if a
// test breaks it (closes its eventfd, leaves every worker blocked), every
// later asynchronous test would wait out its own timeout, one after the
// other, for hours. Instead the run stops at once, naming the test after
// which eloop went quiet and what its workers are doing.
'use strict';
const fs = require('fs');

const WAIT_MS = 10000; // a slow job of the last test (an fsync, a big copy) may still hold the pool

function workers() {
  const out = [];
  for (const t of fs.readdirSync('/proc/self/task')) {
    try {
      if (fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() !== 'eloop') continue;
      const nr = fs.readFileSync(`/proc/self/task/${t}/syscall`, 'utf8').split(' ')[0];
      out.push(`thread ${t} in syscall ${nr}`);
    } catch (e) {
      out.push(`thread ${t}: ${e.code}`);
    }
  }
  return out.length ? out.join(', ') : 'no eloop threads';
}

function eventfd(eloop) {
  try {
    const fd = eloop.fd();
    return `eventfd ${fd} -> ${fs.readlinkSync(`/proc/self/fd/${fd}`)}`;
  } catch (e) {
    return `eventfd: ${e.code || e.message}`;
  }
}

exports.mochaHooks = {
  afterEach(done) {
    const eloop = require('eloop');
    const test = this.currentTest ? this.currentTest.fullTitle() : '(unknown test)';
    const timer = setTimeout(() => {
      process.stderr.write(`\ntest/canary.js: eloop delivered no completion within ${WAIT_MS} ms after\n` +
        `  "${test}"\n  pending jobs: ${eloop.pending()}; ${eventfd(eloop)}; ${workers()}\n` +
        '  Every later asynchronous test would time out: the run stops here.\n');
      process.exit(1);
    }, WAIT_MS);
    eloop.submit(process.arch === 'arm64' ? 172 : 39, () => {
      clearTimeout(timer);
      done();
    });
  },
};
