// description: the input is JSON Lines, one order per line (id, customer, country, sku, product, qty, unitPrice, paid, ts, optional coupon); report revenue per country for paid orders, the best-selling products, monthly totals and coupon usage
// repeat: 103
module.exports = function (input) {
  const orders = JSON.parse('[' + input.trim().split('\n').join(',') + ']');

  const byCountry = {};
  const byProduct = new Map();
  const byMonth = {};
  const coupons = {};
  let paidCount = 0;
  let unpaidRevenue = 0;

  for (const order of orders) {
    const revenue = order.qty * order.unitPrice;
    if (!order.paid) {
      unpaidRevenue += revenue;
      continue;
    }
    paidCount++;

    const c = (byCountry[order.country] ??= { orders: 0, revenue: 0, items: 0 });
    c.orders++;
    c.revenue += revenue;
    c.items += order.qty;

    const p = byProduct.get(order.sku) || { name: order.product, qty: 0, revenue: 0 };
    p.qty += order.qty;
    p.revenue += revenue;
    byProduct.set(order.sku, p);

    const month = order.ts.slice(0, 7);
    byMonth[month] = (byMonth[month] || 0) + revenue;

    if (order.coupon) coupons[order.coupon] = (coupons[order.coupon] || 0) + 1;
  }

  const out = [`orders: ${orders.length} (${paidCount} paid)`, `unpaid revenue: ${unpaidRevenue.toFixed(2)}`, '', 'by country:'];
  Object.entries(byCountry)
    .sort((a, b) => b[1].revenue - a[1].revenue)
    .forEach(([country, s]) => {
      out.push(`  ${country}  orders=${s.orders}  items=${s.items}  revenue=${s.revenue.toFixed(2)}  avg=${(s.revenue / s.orders).toFixed(2)}`);
    });

  out.push('', 'top products by quantity:');
  [...byProduct.entries()]
    .sort(([, a], [, b]) => b.qty - a.qty)
    .slice(0, 5)
    .forEach(([sku, p], i) => out.push(`  ${i + 1}. ${sku} ${p.name}: ${p.qty} units, ${p.revenue.toFixed(2)}`));

  out.push('', 'monthly revenue:');
  for (const month of Object.keys(byMonth).sort()) {
    out.push(`  ${month}: ${byMonth[month].toFixed(2)}`);
  }

  out.push('', `coupons: ${JSON.stringify(coupons)}`);
  const maxId = orders.reduce((m, o) => Math.max(m, o.id), 0);
  out.push(`distinct customers: ${new Set(orders.map((o) => o.customer)).size}, max id: ${maxId}`);
  return out.join('\n');
};
