// libjs constants: every group, merged into one frozen object of the running
// architecture's values; `groups` keeps them apart, `signals` is SIGHUP..SIGSYS.
'use strict';

const groups = {
  fcntl: require('./fcntl'),
  stat: require('./stat'),
  unistd: require('./unistd'),
  socket: require('./socket'),
  inet: require('./inet'),
  netlink: require('./netlink'),
  events: require('./events'),
  signal: require('./signal'),
  time: require('./time'),
  mman: require('./mman'),
  resource: require('./resource'),
  prctl: require('./prctl'),
  ioctl: require('./ioctl'),
};

// A name in two groups has the same value in both (test/libjs/constants.test.js
// checks every group against the merged object); Object.assign merges ~950
// names without the pair arrays of Object.entries (a third of the start-up
// allocation of libjs).
const all = {};
for (const group in groups) Object.assign(all, groups[group]);

const signals = require('./signals');
const signalNames = new Map();
for (const [name, n] of Object.entries(signals)) if (!signalNames.has(n)) signalNames.set(n, name);

// The name of a signal number ('SIGTERM' for 15), or undefined.
function signame(n) {
  if (n >= 32 && n <= 64) return n === 32 ? 'SIGRTMIN' : n === 64 ? 'SIGRTMAX' : `SIGRTMIN+${n - 32}`;
  return signalNames.get(n);
}

// `all` itself, not a copy: spreading ~950 names into a literal builds a hidden
// class per name (about 8 ms at start-up); frozen as it is, it costs nothing.
all.groups = Object.freeze(groups);
all.signals = signals;
all.signame = signame;
module.exports = Object.freeze(all);
