// description: from a CSV of products, keep only the rows where stock is above 0 and price is under 50, keeping the header
module.exports = function (input) {
  const lines = input.trim().split('\n');
  const header = lines.shift();
  const cols = header.split(',');
  const priceIdx = cols.indexOf('price');
  const stockIdx = cols.indexOf('stock');
  const kept = lines.filter((line) => {
    const fields = line.split(',');
    const price = Number(fields[priceIdx]);
    const stock = parseInt(fields[stockIdx], 10);
    return stock > 0 && price < 50;
  });
  return [header, ...kept].join('\n');
};
