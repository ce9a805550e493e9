// Counts the vowels (a, e, i, o, u, either case) in the input.
module.exports = function countVowels(input) {
  const matches = input.match(/[aeiou]/gi);
  return matches ? matches.length : 0;
};
