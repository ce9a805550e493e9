// description: sort the numbers in the input (one per line) from largest to smallest
module.exports = (input) =>
  input
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number)
    .filter((n) => !Number.isNaN(n))
    .sort((a, b) => b - a)
    .join('\n');
