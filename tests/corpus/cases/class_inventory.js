// description: model a small store inventory with classes: read lines "ADD sku name qty price", "SELL sku qty", "RESTOCK sku qty" and print the final stock report with total value and any errors
class Product {
  #qty;
  static count = 0;

  constructor(sku, name, qty, price) {
    this.sku = sku;
    this.name = name;
    this.#qty = qty;
    this.price = price;
    Product.count++;
  }

  get qty() {
    return this.#qty;
  }

  get value() {
    return this.#qty * this.price;
  }

  get lowStock() {
    return this.#qty < Inventory.LOW_STOCK_THRESHOLD;
  }

  remove(n) {
    if (n > this.#qty) {
      throw new RangeError(`insufficient stock for ${this.sku}: have ${this.#qty}, need ${n}`);
    }
    this.#qty -= n;
  }

  add(n) {
    this.#qty += n;
  }

  toString() {
    return `${this.sku.padEnd(8)}${this.name.padEnd(22)}${String(this.qty).padStart(5)} × ${this.price.toFixed(2).padStart(8)} = ${this.value.toFixed(2).padStart(10)}${this.lowStock ? '  (low)' : ''}`;
  }
}

class Inventory {
  static LOW_STOCK_THRESHOLD = 5;
  #products = new Map();
  #log = [];

  static fromCommands(text) {
    const inv = new Inventory();
    for (const line of text.split('\n')) {
      if (line.trim()) inv.apply(line.trim());
    }
    return inv;
  }

  apply(line) {
    const [cmd, sku, ...rest] = line.split(/\s+/);
    try {
      switch (cmd.toUpperCase()) {
        case 'ADD': {
          const price = Number(rest.pop());
          const qty = Number(rest.pop());
          if (this.#products.has(sku)) throw new Error(`duplicate sku ${sku}`);
          this.#products.set(sku, new Product(sku, rest.join(' '), qty, price));
          break;
        }
        case 'SELL':
          this.#get(sku).remove(Number(rest[0]));
          break;
        case 'RESTOCK':
          this.#get(sku).add(Number(rest[0]));
          break;
        default:
          throw new Error(`unknown command ${cmd}`);
      }
    } catch (err) {
      this.#log.push(`${err.name}: ${err.message}`);
    }
  }

  #get(sku) {
    const p = this.#products.get(sku);
    if (!p) throw new ReferenceError(`no such sku ${sku}`);
    return p;
  }

  get totalValue() {
    let total = 0;
    for (const p of this.#products.values()) total += p.value;
    return total;
  }

  *[Symbol.iterator]() {
    yield* [...this.#products.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  }

  report() {
    const lines = [...this].map(String);
    lines.push(`Total value: ${this.totalValue.toFixed(2)}`);
    lines.push(`Products created: ${Product.count}`);
    lines.push(`Has #products: ${#products in this}`);
    if (this.#log.length) lines.push('Errors:', ...this.#log.map((e) => `  ${e}`));
    return lines.join('\n');
  }
}

module.exports = function (input) {
  Product.count = 0;
  return Inventory.fromCommands(input).report();
};
