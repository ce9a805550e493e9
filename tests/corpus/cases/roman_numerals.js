// description: convert each line between Roman numerals and integers (numbers become Roman numerals and Roman numerals become numbers)
const NUMERALS = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'],
  [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'],
  [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const VALUES = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function toRoman(n) {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return 'out of range';
  let out = '';
  for (const [value, symbol] of NUMERALS) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function fromRoman(s) {
  const str = s.toUpperCase();
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(str)) return 'invalid';
  let total = 0;
  for (let i = 0; i < str.length; i++) {
    const cur = VALUES[str[i]];
    const next = VALUES[str[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

module.exports = (input) =>
  input
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((token) => `${token} => ${/^\d+$/.test(token) ? toRoman(Number(token)) : fromRoman(token)}`)
    .join('\n');
