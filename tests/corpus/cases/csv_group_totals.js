// description: group a sales CSV by region and print the total revenue (quantity * unit_price) per region, highest first
module.exports = function groupTotals(input) {
  const [headerLine, ...lines] = input.trim().split('\n');
  const headers = headerLine.split(',');
  const records = lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(headers.map((h, i) => [h, values[i]]));
  });
  const totals = records.reduce((acc, { region, quantity, unit_price }) => {
    acc[region] = (acc[region] ?? 0) + Number(quantity) * Number(unit_price);
    return acc;
  }, {});
  const grand = Object.values(totals).reduce((a, b) => a + b, 0);
  const out = Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .map(([region, total]) => `${region.padEnd(12)}${total.toLocaleString('en-US', { style: 'currency', currency: 'USD' }).padStart(14)}`);
  out.push('-'.repeat(26));
  out.push(`${'TOTAL'.padEnd(12)}${grand.toLocaleString('en-US', { style: 'currency', currency: 'USD' }).padStart(14)}`);
  return out.join('\n');
};
