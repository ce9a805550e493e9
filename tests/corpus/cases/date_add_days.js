// description: each line has a date (YYYY-MM-DD) and a number of days (can be negative); print the resulting date in YYYY-MM-DD format
module.exports = function (input) {
  const addDays = (isoDate, days) => {
    const [year, month, day] = isoDate.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    date.setUTCDate(date.getUTCDate() + days);
    const yyyy = date.getUTCFullYear();
    const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(date.getUTCDate()).padStart(2, '0');
    return `${yyyy}-${mm}-${dd}`;
  };

  return input
    .trim()
    .split('\n')
    .map((line) => {
      const [date, n] = line.trim().split(/\s+/);
      const days = parseInt(n, 10);
      return `${date} ${days >= 0 ? '+' : ''}${days} = ${addDays(date, days)}`;
    })
    .join('\n');
};
