// description: the input has two sections separated by a blank line, each a list of words; count word frequencies in each with a Map, and print the words in both, only in the first, and only in the second
module.exports = function (input) {
  const [first, second] = input.trim().split(/\n\s*\n/);

  const countWords = (text) => {
    const counts = new Map();
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}']+/gu) || []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return counts;
  };

  const a = countWords(first);
  const b = countWords(second);
  const setA = new Set(a.keys());
  const setB = new Set(b.keys());

  const both = [...setA].filter((w) => setB.has(w));
  const onlyA = [...setA].filter((w) => !setB.has(w));
  const onlyB = [...setB].filter((w) => !setA.has(w));
  const union = new Set([...setA, ...setB]);

  const top = (m) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, 5)
      .map(([w, c]) => `${w}(${c})`)
      .join(' ');

  return [
    `first: ${a.size} distinct words, top: ${top(a)}`,
    `second: ${b.size} distinct words, top: ${top(b)}`,
    `in both (${both.length}): ${both.sort().join(', ')}`,
    `only in first (${onlyA.length}): ${onlyA.sort().join(', ')}`,
    `only in second (${onlyB.length}): ${onlyB.sort().join(', ')}`,
    `union size: ${union.size}`,
    `jaccard similarity: ${(both.length / union.size).toFixed(3)}`,
    `insertion order of first map: ${[...a.keys()].slice(0, 8).join(' ')}`,
  ].join('\n');
};
