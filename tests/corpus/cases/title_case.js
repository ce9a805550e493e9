// description: convert each line to title case, keeping small words like "a", "of", "the" lowercase unless they are first
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'with']);

function titleCase(line) {
  return line
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      if (!word) return word;
      if (i > 0 && SMALL_WORDS.has(word)) return word;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}

module.exports = function (input) {
  return input
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(titleCase)
    .join('\n');
};
