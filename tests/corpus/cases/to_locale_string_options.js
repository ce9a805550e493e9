// description: read monthly revenue figures ("Month: amount") and print each amount with thousands separators and exactly two decimals, plus the total and average
module.exports = function (input) {
  const fmt = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const entries = input
    .split('\n')
    .filter((l) => l.includes(':'))
    .map((l) => {
      const [month, amount] = l.split(':');
      return [month.trim(), parseFloat(amount.replace(/[^0-9.\-]/g, ''))];
    });

  const width = Math.max(...entries.map(([m]) => m.length));
  const lines = entries.map(([month, amount]) => `${month.padEnd(width)}  ${fmt(amount).padStart(15)}`);

  const total = entries.reduce((sum, [, amount]) => sum + amount, 0);
  lines.push('');
  lines.push(`${'Total'.padEnd(width)}  ${fmt(total).padStart(15)}`);
  lines.push(`${'Average'.padEnd(width)}  ${fmt(total / entries.length).padStart(15)}`);
  return lines.join('\n');
};
