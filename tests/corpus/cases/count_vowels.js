// description: count the vowels in the input
module.exports = function countVowels(input) {
  const matches = input.match(/[aeiou]/gi);
  return matches ? matches.length : 0;
};
