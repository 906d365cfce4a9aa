// trace: getcwd
// node-args: --no-warnings --max-old-space-size=128 --expose-gc --stack-trace-limit=5
'use strict';
console.log(JSON.stringify(process.execArgv));
console.log(typeof global.gc, require('v8').getHeapStatistics().heap_size_limit < 200 * 1024 * 1024);
process.emitWarning('hidden');
console.log(new Error('x').stack.split('\n').length <= 6, process.cwd() !== '');
