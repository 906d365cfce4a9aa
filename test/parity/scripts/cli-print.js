// mode: print
// trace: getdents64
const fs = require('fs'); fs.writeFileSync('p1', ''); const n = fs.readdirSync('.'); fs.rmSync('p1'); n
