// trace: geteuid openat(*/etc/passwd*)
'use strict';
const os = require('os');
const { show } = require('./_util');
for (const options of [undefined, null, 'buffer', 5, {}, [], { encoding: 'buffer' }, { encoding: 'BUFFER' },
  { encoding: 'hex' }, { encoding: 'base64url' }, { encoding: 'latin1' }, { encoding: 'utf-8' },
  { encoding: 'nope' }, { encoding: 7 }, { encoding: null }]) {
  show(`userInfo ${JSON.stringify(options)}`, () => {
    const u = os.userInfo(options);
    return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, Buffer.isBuffer(v) ? `<Buffer ${v.toString('hex')}>` : v]));
  });
}
let reads = 0;
os.userInfo({ get encoding() { reads++; return 'hex'; } });
console.log('getter reads', reads);
console.log(Object.getPrototypeOf(os.userInfo()), Object.keys(os.userInfo()).join());
