// description: show the 10 most frequent characters (ignoring whitespace, case-insensitive) with their counts
module.exports = function (input) {
  const counts = new Map();
  for (const ch of input.toLowerCase()) {
    if (/\s/.test(ch)) continue;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([ch, n]) => `'${ch}': ${n}`)
    .join('\n');
};
