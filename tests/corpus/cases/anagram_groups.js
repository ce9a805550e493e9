// description: group the words into anagram groups; print groups with at least 2 words, largest groups first, words sorted inside each group
module.exports = function anagramGroups(input) {
  const words = input.toLowerCase().match(/[a-z]+/g) ?? [];
  const groups = Object.groupBy(new Set(words), (w) => [...w].sort().join(''));
  return Object.values(groups)
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]))
    .map((g) => g.join(', '))
    .join('\n');
};
