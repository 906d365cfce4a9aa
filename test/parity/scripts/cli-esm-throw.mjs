// trace: uname
import { hostname } from 'os';
console.log(hostname().length > 0);
throw new RangeError('esm top level');
