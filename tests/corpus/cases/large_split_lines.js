// description: print how many lines contain the word "timeout" (case-insensitive), then the first 10 such lines with their line numbers
// repeat: 101
module.exports = function (input) {
  const lines = input.split('\n');
  const matches = [];
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].toLowerCase().indexOf('timeout') !== -1) {
      count++;
      if (matches.length < 10) matches.push(`${String(i + 1).padStart(6)}: ${lines[i]}`);
    }
  }
  return `${count} of ${lines.length - (lines.at(-1) === '' ? 1 : 0)} lines contain "timeout"\n${matches.join('\n')}`;
};
