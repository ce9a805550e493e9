// description: print the 10 most frequent words (lowercased) with their counts
// repeat: 400
module.exports = (input) => {
  const words = input.toLowerCase().match(/\b[a-z']+\b/g) || [];
  const freq = {};
  for (const w of words) freq[w] = (freq[w] || 0) + 1;
  return Object.entries(freq)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([word, count]) => `${word}: ${count}`)
    .join('\n');
};
