// trace: setuid|setresuid|setreuid
'use strict';
const { show } = require('./_util');
show('seteuid same', () => process.seteuid(process.geteuid()));
show('setegid same', () => process.setegid(process.getegid()));
show('setgid same', () => process.setgid(process.getgid()));
show('setuid same', () => process.setuid(process.getuid()));
show('ids', () => [process.getuid(), process.geteuid(), process.getgid(), process.getegid()]);
