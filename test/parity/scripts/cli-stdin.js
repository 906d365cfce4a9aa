// mode: stdin
// trace: getcwd
console.log('from stdin', __filename, process.cwd() !== '', process.argv.length);
