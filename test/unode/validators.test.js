// test/unode: unode/internal/validators.js (and the option checks of
// unode/internal/fs/utils.js) against Node's own validators, which a child
// `node --expose-internals` runs on the same values: the same result or the
// same error class, code and message, value for value.
'use strict';

const assert = require('assert');
const path = require('path');
const util = require('util');
const { execFileSync } = require('child_process');
const values = require('./fixtures-values');

// Each check is an expression over V (the validators and fs option helpers)
// and v (the value).
const checks = [
  "V.validateString(v, 'name')",
  "V.validateNumber(v, 'name')",
  "V.validateNumber(v, 'name', 0, 10)",
  "V.validateNumber(v, 'name', 0)",
  "V.validateInteger(v, 'name')",
  "V.validateInteger(v, 'name', -1, 5)",
  "V.validateInt32(v, 'name')",
  "V.validateInt32(v, 'name', 0)",
  "V.validateUint32(v, 'name')",
  "V.validateUint32(v, 'name', true)",
  "V.validateBoolean(v, 'name')",
  "V.validateObject(v, 'name')",
  "V.validateObject(v, 'name', V.kValidateObjectAllowNullable)",
  "V.validateObject(v, 'name', V.kValidateObjectAllowArray)",
  "V.validateObject(v, 'name', V.kValidateObjectAllowFunction)",
  "V.validateObject(v, 'name', V.kValidateObjectAllowObjectsAndNull)",
  "V.validateObject(v, 'options.inner')",
  "V.validateArray(v, 'name')",
  "V.validateArray(v, 'name', 2)",
  "V.validateStringArray(v, 'name')",
  "V.validateBooleanArray(v, 'name')",
  "V.validateFunction(v, 'name')",
  "V.validateAbortSignal(v, 'name')",
  'V.validateBuffer(v)',
  "V.validateBuffer(v, 'buf')",
  "V.validateOneOf(v, 'name', ['a', 1, null])",
  "V.validateEncoding('abc', v)",
  "V.validateEncoding('abcd', v)",
  'V.validatePort(v)',
  "V.validatePort(v, 'p', false)",
  'V.validateSignalName(v)',
  "V.validateUndefined(v, 'name')",
  "V.validateDictionary(v, 'name')",
  "V.validateFiniteNumber(v, 'n')",
  "V.checkRangesOrGetDefault(v, 'n', 0, 10, 5)",
  "V.parseFileMode(v, 'mode')",
  "V.parseFileMode(v, 'mode', 0o666)",
  'V.getValidatedPath(v)',
  "V.getValidatedPath(v, 'target')",
  'V.getValidatedFd(v)',
  'V.stringToFlags(v)',
  'V.toUnixTimestamp(v)',
  "V.toUnixTimestamp(v, 'atime')",
  "V.validatePosition(v, 'position')",
  'V.validateOffsetLengthRead(v, 1, 4)',
  'V.validateOffsetLengthRead(0, v, 4)',
  'V.validateOffsetLengthWrite(v, 1, 4)',
  'V.validateOffsetLengthWrite(0, v, 4)',
  'V.validateBufferArray(v)',
  'V.validateBufferArray([Buffer.alloc(1), v])',
  'V.stringToSymlinkType(v)',
  'V.getOptions(v)',
  "V.getOptions(v, { flag: 'r' })",
  'V.getOptions({ encoding: v })',
  'V.getOptions({ signal: v })',
  'V.validateRmdirOptions(v)',
  'V.validateRmdirOptions({ maxRetries: v })',
  'V.validateRmdirOptions({ retryDelay: v })',
  'V.validateRmdirOptions({ recursive: v })',
  'V.validateCpOptions(v)',
  'V.validateCpOptions({ mode: v })',
  'V.validateCpOptions({ filter: v })',
  'V.validateCpOptions({ force: v })',
  "V.validateStringAfterArrayBufferView(v, 'data')",
  'V.assertEncoding(v)',
];

// One answer per check and value: the result, or the error's class, code and message.
const runner = `
const util = require('util');
function answer(fn) {
  try {
    const r = fn();
    if (typeof r === 'number' && Math.abs(r - Date.now() / 1000) < 60) return { ok: 'now' };
    return { ok: util.inspect(r, { depth: 2 }) };
  } catch (e) {
    return { err: [Object.getPrototypeOf(e).constructor === e.constructor ? e.constructor.name : '?', e.name, String(e.code), e.message] };
  }
}
function runAll(V, checks, values) {
  return checks.map((c) => values.map((v) => answer(new Function('V', 'v', 'return ' + c).bind(null, V, v))));
}
`;

function nodeAnswers() {
  const script = `${runner}
    const V = { ...require('internal/validators'), ...require('internal/fs/utils') };
    V.toPathIfFileURL = require('internal/url').toPathIfFileURL;
    const checks = ${JSON.stringify(checks)};
    process.stdout.write(JSON.stringify(runAll(V, checks, require(${JSON.stringify(path.join(__dirname, 'fixtures-values.js'))})())));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--expose-internals', '-e', script], { maxBuffer: 64 << 20 }));
}

function ownAnswers() {
  // eslint-disable-next-line no-new-func
  const { runAll } = new Function('require', `${runner}; return { runAll };`)(require);
  const V = { ...require('../../unode/internal/validators'), ...require('../../unode/internal/fs/utils') };
  return runAll(V, checks, values());
}

describe('validators against Node\'s own (node --expose-internals)', () => {
  let expected;
  let actual;
  before(function() {
    this.timeout(60000);
    expected = nodeAnswers();
    actual = ownAnswers();
  });
  checks.forEach((check, i) => {
    it(check, () => {
      const vs = values();
      for (let k = 0; k < vs.length; k++) {
        assert.deepStrictEqual(actual[i][k], expected[i][k], `${check} with ${util.inspect(vs[k])}`);
      }
    });
  });

  it('validation errors point at the public caller, not at the validators', () => {
    const fs = require('../../unode/lib/fs.js');
    function userCode() { return fs.openSync(12); }
    let e;
    try { userCode(); } catch (err) { e = err; }
    const lines = e.stack.split('\n');
    assert.match(lines[0], /^TypeError \[ERR_INVALID_ARG_TYPE\]: The "path" argument/);
    assert.match(lines[1], /openSync/);
    assert.match(lines[2], /userCode/);
    function userCode2() { return fs.closeSync('x'); }
    try { userCode2(); } catch (err) { e = err; }
    const l2 = e.stack.split('\n');
    assert.match(l2[0], /^TypeError: The "fd" argument must be of type number/);
    assert.match(l2[1], /closeSync/);
    assert.match(l2[2], /userCode2/);
  });
});
