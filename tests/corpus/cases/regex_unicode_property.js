// description: count the words (sequences of Unicode letters) per writing system: Latin, Greek, Cyrillic, Han, Hiragana/Katakana, Arabic, other
module.exports = (input) => {
  const words = input.match(/[\p{L}\p{M}]+/gu) ?? [];
  const scripts = [
    ['Latin', /^\p{Script=Latin}/u],
    ['Greek', /^\p{Script=Greek}/u],
    ['Cyrillic', /^\p{Script=Cyrillic}/u],
    ['Han', /^\p{Script=Han}/u],
    ['Kana', /^[\p{Script=Hiragana}\p{Script=Katakana}]/u],
    ['Arabic', /^\p{Script=Arabic}/u],
  ];
  const counts = Object.fromEntries([...scripts.map(([name]) => [name, 0]), ['Other', 0]]);
  for (const word of words) {
    const hit = scripts.find(([, re]) => re.test(word));
    counts[hit ? hit[0] : 'Other']++;
  }
  const upper = (input.match(/\p{Lu}/gu) ?? []).length;
  const emoji = (input.match(/\p{Extended_Pictographic}/gu) ?? []).length;
  const digits = (input.match(/\p{Nd}/gu) ?? []).length;
  return [
    ...Object.entries(counts).map(([k, v]) => `${k}: ${v}`),
    `words: ${words.length}`,
    `uppercase letters: ${upper}`,
    `emoji: ${emoji}`,
    `decimal digits: ${digits}`,
    `longest word: ${words.reduce((a, b) => ([...b].length > [...a].length ? b : a), '')}`,
  ].join('\n');
};
