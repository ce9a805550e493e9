// description: the input is CSV rows "id,date,amount,city,category,quantity" without a header; print the number of rows, the sum of the amount column and the total quantity
// repeat: 107
module.exports = function (input) {
  let rows = 0;
  let sum = 0;
  let quantity = 0;
  for (const line of input.split('\n')) {
    if (!line) continue;
    const cols = line.split(',');
    const amount = parseFloat(cols[2]);
    if (Number.isNaN(amount)) continue;
    rows++;
    sum += amount;
    quantity += parseInt(cols[5], 10) || 0;
  }
  return `rows: ${rows}\nsum: ${sum.toFixed(2)}\nquantity: ${quantity}\naverage: ${(sum / rows).toFixed(4)}`;
};
