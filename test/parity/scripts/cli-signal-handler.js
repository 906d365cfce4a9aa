// trace: kill(*SIGINT*)
'use strict';
process.on('SIGINT', (sig, n) => {
  console.log('handled', sig, n);
  process.exit(0);
});
process.kill(process.pid, 'SIGINT');
setTimeout(() => console.log('not reached'), 2000);
