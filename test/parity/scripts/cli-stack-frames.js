// trace: open|openat(*not-there*)
'use strict';
const fs = require('fs');
function userLevel() {
  try {
    fs.readFileSync('not-there');
  } catch (e) {
    console.log(e.stack);
  }
}
userLevel();
fs.readFile('not-there', (e) => {
  console.log(e.stack);
  fs.promises.readFile('not-there').catch((e2) => console.log(e2.stack));
});
