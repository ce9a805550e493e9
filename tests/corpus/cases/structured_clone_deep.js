// description: parse the JSON order in the input into rich objects (Dates, a Map of items, a Set of tags), deep-copy it with structuredClone, modify the copy, and show that the original is unchanged
module.exports = function (input) {
  const data = JSON.parse(input);

  const order = {
    id: data.id,
    customer: { ...data.customer, address: { ...data.customer.address } },
    createdAt: new Date(data.createdAt),
    items: new Map(data.items.map((item) => [item.sku, item])),
    tags: new Set(data.tags),
    history: data.history.map((h) => ({ ...h, at: new Date(h.at) })),
    pattern: /^ORD-\d+$/i,
    bytes: new Uint8Array([1, 2, 3, 250]),
  };
  order.self = order; // circular reference

  const copy = structuredClone(order);

  copy.customer.address.city = 'Genève';
  copy.createdAt.setUTCFullYear(2030);
  copy.items.get(data.items[0].sku).qty += 10;
  copy.items.delete(data.items[1].sku);
  copy.tags.add('modified');
  copy.history.push({ status: 'refunded', at: new Date(Date.UTC(2024, 5, 1)) });
  copy.bytes[0] = 99;

  const describe = (o) =>
    [
      `  city: ${o.customer.address.city}`,
      `  createdAt: ${o.createdAt.toISOString()}`,
      `  items: ${[...o.items].map(([sku, it]) => `${sku}x${it.qty}`).join(', ')}`,
      `  tags: ${[...o.tags].join(', ')}`,
      `  history: ${o.history.map((h) => `${h.status}@${h.at.toISOString().slice(0, 10)}`).join(' -> ')}`,
      `  bytes: ${Array.from(o.bytes).join(',')}`,
    ].join('\n');

  return [
    'original:',
    describe(order),
    'copy:',
    describe(copy),
    `copy.self === copy: ${copy.self === copy}`,
    `copy.self === order: ${copy.self === order}`,
    `createdAt is Date: ${copy.createdAt instanceof Date}`,
    `items is Map: ${copy.items instanceof Map}, tags is Set: ${copy.tags instanceof Set}`,
    `pattern: ${copy.pattern} is RegExp: ${copy.pattern instanceof RegExp}, test: ${copy.pattern.test('ord-42')}`,
    `bytes is Uint8Array: ${copy.bytes instanceof Uint8Array}`,
    `customer deep-equal by JSON: ${JSON.stringify(copy.customer) === JSON.stringify(order.customer)}`,
  ].join('\n');
};
