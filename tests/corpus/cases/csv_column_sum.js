// description: sum the "amount" column of a CSV file with a header row
module.exports = function (input) {
  const [header, ...rows] = input.trim().split(/\r?\n/);
  const columns = header.split(',').map((h) => h.trim());
  const idx = columns.indexOf('amount');
  if (idx === -1) return 'No "amount" column found';
  const total = rows.reduce((sum, row) => {
    const value = parseFloat(row.split(',')[idx]);
    return Number.isFinite(value) ? sum + value : sum;
  }, 0);
  return total.toFixed(2);
};
