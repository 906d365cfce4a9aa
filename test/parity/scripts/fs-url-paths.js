// trace: open|openat(*u1.txt*)
'use strict';
const fs = require('fs');
const { pathToFileURL } = require('url');
const { show } = require('./_util');
const url = pathToFileURL(`${process.cwd()}/u1.txt`);
show('write url', () => fs.writeFileSync(url, 'via url'));
show('read url', () => fs.readFileSync(url, 'utf8'));
show('stat url', () => fs.statSync(url).size);
show('string url', () => fs.readFileSync(url.href, 'utf8'));
show('http url', () => fs.readFileSync(new URL('http://example.com/x')));
show('host url', () => fs.readFileSync(new URL('file://host/x')));
show('encoded slash', () => fs.readFileSync(new URL('file:///a%2Fb')));
show('missing url', () => fs.readFileSync(pathToFileURL(`${process.cwd()}/nope`)));
show('unlink url', () => fs.unlinkSync(url));
