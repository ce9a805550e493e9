// The five most frequent words of the input, one "word count" per line.
module.exports = function wordFrequency(input) {
  const counts = new Map();
  for (const word of input.toLowerCase().match(/[a-z']+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([word, count]) => `${word} ${count}`)
    .join("\n");
};
