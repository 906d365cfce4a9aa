// trace: umask
'use strict';
const fs = require('fs');
const { show } = require('./_util');
const old = process.umask();
show('get', () => old.toString(8));
show('set', () => process.umask(0o027).toString(8));
show('get again', () => process.umask().toString(8));
show('effect', () => { fs.writeFileSync('um', ''); const m = fs.statSync('um').mode & 0o777; fs.unlinkSync('um'); return m.toString(8); });
show('string', () => { process.umask('0077'); return process.umask().toString(8); });
show('bad string', () => process.umask('999'));
show('bad type', () => process.umask({}));
process.umask(old);
