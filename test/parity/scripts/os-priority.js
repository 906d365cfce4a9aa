// trace: getpriority setpriority
'use strict';
const os = require('os');
const { show } = require('./_util');
show('self', () => os.getPriority());
show('pid 0', () => os.getPriority(0));
show('own pid', () => os.getPriority(process.pid) === os.getPriority());
show('set', () => { os.setPriority(5); return os.getPriority(); });
show('set pid', () => { os.setPriority(0, 6); return os.getPriority(); });
show('no such pid', () => os.getPriority(2 ** 30));
show('set no such pid', () => os.setPriority(2 ** 30, 1));
show('range', () => os.setPriority(25));
show('type', () => os.getPriority('x'));
