// description: given a list of scores ("name score" per line), show the sorted ranking without mutating the original, the last score above 90, the top and bottom entries, and a corrected copy where the first score is replaced
module.exports = function (input) {
  const entries = input
    .trim()
    .split('\n')
    .map((line) => {
      const [name, score] = line.trim().split(/\s+(?=\S+$)/);
      return { name, score: Number(score) };
    });

  const ranked = entries.toSorted((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const reversed = ranked.toReversed();
  const lastHigh = entries.findLast((e) => e.score > 90);
  const lastHighIndex = entries.findLastIndex((e) => e.score > 90);
  const corrected = entries.with(0, { ...entries[0], score: entries[0].score + 5 });
  const spliced = entries.toSpliced(1, 2, { name: 'Inserted', score: 0 });
  const tags = entries.flatMap((e) => (e.score >= 80 ? [e.name, '★'] : [e.name]));
  const nested = [[1, [2]], [3, [4, [5]]]].flat(Infinity);

  return [
    `ranking: ${ranked.map((e, i) => `${i + 1}.${e.name}(${e.score})`).join(' ')}`,
    `original order kept: ${entries.map((e) => e.name).join(', ')}`,
    `lowest first: ${reversed.map((e) => e.score).join(', ')}`,
    `top: ${ranked.at(0).name}, bottom: ${ranked.at(-1).name}, second to last: ${ranked.at(-2).name}`,
    `last above 90: ${lastHigh ? `${lastHigh.name} at index ${lastHighIndex}` : 'none'}`,
    `corrected first: ${corrected[0].name} ${entries[0].score} -> ${corrected[0].score}`,
    `spliced copy: ${spliced.map((e) => e.name).join(', ')}`,
    `flatMap: ${tags.join(' ')}`,
    `flat(Infinity): ${nested}`,
    `includes NaN: ${[NaN].includes(NaN)}, indexOf NaN: ${[NaN].indexOf(NaN)}`,
    `Array.from({length: 3}): ${JSON.stringify(Array.from({ length: 3 }, (_, i) => i * i))}`,
    `Object.hasOwn: ${Object.hasOwn(entries[0], 'score')}`,
    `string at(-1): ${entries.at(-1).name.at(-1)}`,
  ].join('\n');
};
