// mode: eval
// trace: uname
const os = require('os');
console.log('eval', os.hostname().length > 0, __filename, require.main === undefined, module.id);
