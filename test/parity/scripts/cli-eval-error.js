// mode: eval
// trace: open|openat(*eval-missing*)
require('fs').readFileSync('eval-missing');
