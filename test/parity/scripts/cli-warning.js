// trace: open|openat(*cli-warning.js*)
'use strict';
process.emitWarning('something odd', 'CustomWarning', 'CODE1');
process.emitWarning(new Error('warn as error'));
setTimeout(() => console.log('after warnings'), 10);
