// unode/internal: the wording of Node 20's error messages: how a received
// value is described (`type number (5)`, `an instance of Foo`), lists, numeric
// separators, and the message builders of ERR_INVALID_ARG_TYPE,
// ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE and ERR_MISSING_ARGS.
'use strict';

const util = require('util');

// ---- Received-value formatting ----------------------------------------------

// Node's JavaScript validators: `type number (5)`, `an instance of Foo`, ...
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return `type number (${value})`;
    case 'boolean':
      return `type boolean (${value})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor)
        return `an instance of ${value.constructor.name}`;
      return util.inspect(value, { depth: -1 });
    case 'string':
      return `type string (${quoteShort(value)})`;
    default: {
      let s = util.inspect(value, { colors: false });
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return `type ${typeof value} (${s})`;
    }
  }
}

function quoteShort(s) {
  if (s.length > 28) s = `${s.slice(0, 25)}...`;
  return s.indexOf("'") === -1 ? `'${s}'` : JSON.stringify(s);
}

// Node's C++ validators (fd checks in close, fsync, ...) word a few cases
// differently: functions without a name, BigInts without the `n`, objects by
// constructor name even without a prototype.
function determineSpecificTypeNative(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value})`;
    case 'function':
      return 'function';
    case 'object': {
      const c = value.constructor;
      return `an instance of ${c && typeof c.name === 'string' && c.name ? c.name : 'Object'}`;
    }
    default:
      return determineSpecificType(value);
  }
}

function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default:
      return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

// 1234567 -> '1_234_567' (integers only).
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

// ---- Message builders ---------------------------------------------------------

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const classRegExp = /^[A-Z][a-zA-Z0-9]*$/;

function invalidArgTypeMessage(name, expected, actual, native) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  // `object` among instances reads as `an instance of ... or Object`.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other, 'or')}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${native ? determineSpecificTypeNative(actual) : determineSpecificType(actual)}`;
  return msg;
}

function invalidArgValueMessage(name, value, reason = 'is invalid') {
  let inspected = util.inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  // Node's StringPrototypeIncludes: a name that is not a string (fs.watch
  // passes its arguments swapped) is converted, not a TypeError.
  const type = String.prototype.includes.call(name, '.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}

function outOfRangeMessage(str, range, input, replaceDefaultBoolean = false, native = false) {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (native && typeof input === 'number') {
    received = String(input);
  } else if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = util.inspect(input);
  }
  return `${msg} It must be ${range}. Received ${received}`;
}

function missingArgsMessage(...args) {
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  return `The ${formatList(args)} argument${len > 1 ? 's' : ''} must be specified`;
}

module.exports = {
  determineSpecificType,
  determineSpecificTypeNative,
  formatList,
  addNumericalSeparator,
  invalidArgTypeMessage,
  invalidArgValueMessage,
  outOfRangeMessage,
  missingArgsMessage,
};
