// trace: kill(*SIGTERM*)
'use strict';
console.log('before');
process.kill(process.pid, 'SIGTERM');
setTimeout(() => console.log('not reached'), 1000);
