// mode: eval
// trace: openat(*eval-missing*)
require('fs').readFileSync('eval-missing');
