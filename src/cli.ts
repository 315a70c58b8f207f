// Placeholder entry: the CLI is built out by the foundation work.
console.log('rnn-lab');
