// description: count the number of words in the input
module.exports = function countWords(input) {
  const words = input.trim().split(/\s+/).filter(Boolean);
  return words.length;
};
