// description: format every number in the input with thousands separators using toLocaleString, one per line as "raw -> formatted"
module.exports = function (input) {
  return input
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const n = Number(s);
      if (Number.isNaN(n)) return `${s} -> not a number`;
      return `${s} -> ${n.toLocaleString()}`;
    })
    .join('\n');
};
