// trace: kill
'use strict';
const { show } = require('./_util');
show('signal 0', () => process.kill(process.pid, 0));
show('string 0', () => process.kill(process.pid, 'SIGWINCH'));
show('esrch', () => process.kill(2 ** 30, 0));
show('unknown', () => process.kill(process.pid, 'SIGNOPE'));
show('bad pid', () => process.kill('abc'));
show('number signal', () => process.kill(process.pid, 28));
show('bad number', () => process.kill(process.pid, 999));
process.on('SIGUSR2', () => console.log('got SIGUSR2'));
show('usr2', () => process.kill(process.pid, 'SIGUSR2'));
setTimeout(() => console.log('done'), 50);
