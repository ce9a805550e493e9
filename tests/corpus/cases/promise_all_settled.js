// description: for each line of the input (a product record "sku,price,stock"), run an async validation; print which ones passed and which failed with the reason, plus the total of the valid prices
const checkRecord = async (line, index) => {
  const [sku, priceStr, stockStr] = line.split(',').map((s) => s.trim());
  if (!/^[A-Z]{3}-\d{3}$/.test(sku)) throw new Error(`line ${index + 1}: bad SKU "${sku}"`);
  const price = Number(priceStr);
  if (!Number.isFinite(price) || price <= 0) throw new Error(`line ${index + 1}: bad price "${priceStr}"`);
  const stock = Number.parseInt(stockStr, 10);
  if (Number.isNaN(stock)) throw new TypeError(`line ${index + 1}: stock is not a number`);
  return { sku, price, stock };
};

module.exports = async function (input) {
  const lines = input.split('\n').filter((l) => l.trim() !== '');
  const results = await Promise.allSettled(lines.map(checkRecord));

  const out = [];
  let total = 0;
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      const { sku, price, stock } = result.value;
      total += price;
      out.push(`✔ ${sku} $${price.toFixed(2)} (${stock} in stock)`);
    } else {
      out.push(`✘ ${result.reason.name}: ${result.reason.message}`);
    }
  });

  const valid = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
  const stocks = await Promise.all(valid.map(async (v) => v.stock));
  const firstInStock = await Promise.any(
    valid.map(async (v) => {
      if (v.stock > 0) return v.sku;
      throw new Error('out of stock');
    })
  );
  const fastest = await Promise.race([Promise.resolve('sync-ish'), new Promise((r) => r('later'))]);

  let allOk;
  try {
    await Promise.all(lines.map(checkRecord));
    allOk = 'all valid';
  } catch (e) {
    allOk = `Promise.all rejected with: ${e.message}`;
  }

  out.push(`valid: ${valid.length}/${results.length}, total price: $${total.toFixed(2)}`);
  out.push(`total stock: ${stocks.reduce((a, b) => a + b, 0)}`);
  out.push(`first in stock: ${firstInStock}`);
  out.push(`race: ${fastest}`);
  out.push(allOk);
  out.push(`statuses: ${results.map((r) => r.status[0]).join('')}`);
  return out.join('\n');
};
