// description: given an expense list (date, category, amount), print totals per category formatted as US dollars, sorted by total descending, and the grand total
module.exports = function (input) {
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const totals = new Map();

  for (const line of input.trim().split('\n')) {
    const [date, category, amount] = line.split(',').map((s) => s.trim());
    if (!date || date === 'date') continue;
    totals.set(category, (totals.get(category) || 0) + Number(amount));
  }

  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const grand = sorted.reduce((acc, [, v]) => acc + v, 0);

  const out = sorted.map(([cat, total]) => `${cat}: ${usd.format(total)}`);
  out.push(`Grand total: ${usd.format(grand)}`);
  out.push(`Largest category share: ${usd.format(sorted[0][1])} of ${usd.format(grand)}`);
  return out.join('\n');
};
