// description: each line has two dates (YYYY-MM-DD) separated by a space; print the number of days between them
module.exports = function (input) {
  const MS_PER_DAY = 1000 * 60 * 60 * 24;

  const toUTC = (s) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };

  return input
    .trim()
    .split('\n')
    .map((line) => {
      const [a, b] = line.trim().split(/\s+/);
      const diff = Math.round((toUTC(b) - toUTC(a)) / MS_PER_DAY);
      const abs = Math.abs(diff);
      return `${a} -> ${b}: ${abs} day${abs === 1 ? '' : 's'}${diff < 0 ? ' (earlier)' : ''}`;
    })
    .join('\n');
};
