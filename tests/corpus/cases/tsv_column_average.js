// description: for a tab-separated file with a header, print the average of every numeric column with 2 decimals
module.exports = (input) => {
  const lines = input.split('\n').filter((l) => l.trim());
  const headers = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const result = [];
  headers.forEach((header, col) => {
    const values = rows
      .map((r) => r[col])
      .filter((v) => v !== undefined && v.trim() !== '' && !isNaN(v))
      .map(Number);
    if (values.length === 0) return;
    const avg = values.reduce((a, b) => a + b, 0) / values.length;
    result.push(`${header}: ${avg.toFixed(2)}`);
  });
  return result.join('\n');
};
