// mode: print
// trace: statx|newfstatat|stat
({ dir: require('fs').statSync('.').isDirectory(), n: [1, 2, 3] })
