// mode: stdin
// args: - a b
// trace: getcwd
console.log('dash', process.argv.slice(2).join(','), process.cwd() !== '');
