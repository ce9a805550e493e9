// description: extract every dollar amount (the number right after a "$" sign) and print them with the total
module.exports = function (input) {
  const amounts = input.match(/(?<=\$)\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?<=\$)\d+(?:\.\d+)?/g) ?? [];
  const values = amounts.map((a) => parseFloat(a.replaceAll(',', '')));
  const total = values.reduce((sum, v) => sum + v, 0);
  const lines = values.map((v) => `$${v.toFixed(2)}`);
  lines.push(`Total: $${total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  // amounts NOT preceded by $ (negative lookbehind), for reference
  const others = input.match(/(?<![\$\d.,])\b\d+(?:\.\d+)?\b(?![\d%])/g) ?? [];
  lines.push(`Other numbers: ${others.join(', ')}`);
  return lines.join('\n');
};
