// description: the input has lines "item,price,quantity"; print a table with each price and line total to 2 decimals, right-aligned, and a grand total
module.exports = function (input) {
  const rows = input
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [item, price, qty] = line.split(',');
      return { item: item.trim(), price: parseFloat(price), qty: Number(qty) };
    });

  const nameWidth = Math.max(4, ...rows.map((r) => r.item.length));
  const lines = [];
  lines.push(`${'Item'.padEnd(nameWidth)} ${'Price'.padStart(10)} ${'Qty'.padStart(5)} ${'Total'.padStart(12)}`);
  lines.push('-'.repeat(nameWidth + 30));

  let grand = 0;
  for (const { item, price, qty } of rows) {
    const total = price * qty;
    grand += total;
    lines.push(
      `${item.padEnd(nameWidth)} ${price.toFixed(2).padStart(10)} ${String(qty).padStart(5)} ${total.toFixed(2).padStart(12)}`
    );
  }

  lines.push('-'.repeat(nameWidth + 30));
  lines.push(`${'TOTAL'.padEnd(nameWidth)} ${''.padStart(10)} ${''.padStart(5)} ${grand.toFixed(2).padStart(12)}`);
  return lines.join('\n');
};
