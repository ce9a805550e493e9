// description: reverse the order of the words on each line
module.exports = function reverseWords(input) {
  return input
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).reverse().join(' '))
    .join('\n');
};
