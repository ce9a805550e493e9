// description: implement a Range class that is iterable (start, end, step) and use it to print the ranges described on each input line ("start end step"), plus their sums
class Range {
  constructor(start, end, step = 1) {
    if (step === 0) throw new Error('step cannot be zero');
    this.start = start;
    this.end = end;
    this.step = step;
  }

  [Symbol.iterator]() {
    let current = this.start;
    const { end, step } = this;
    return {
      next() {
        if ((step > 0 && current < end) || (step < 0 && current > end)) {
          const value = current;
          current += step;
          return { value, done: false };
        }
        return { value: undefined, done: true };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }

  get length() {
    return Math.max(0, Math.ceil((this.end - this.start) / this.step));
  }

  toString() {
    return `Range(${this.start}, ${this.end}, ${this.step})`;
  }
}

module.exports = function (input) {
  const lines = input.trim().split('\n');
  const out = [];

  for (const line of lines) {
    const [start, end, step] = line.trim().split(/\s+/).map(Number);
    let range;
    try {
      range = new Range(start, end, step);
    } catch (e) {
      out.push(`${line.trim()}: invalid (${e.message})`);
      continue;
    }
    const values = [...range];
    const sum = values.reduce((a, b) => a + b, 0);
    out.push(`${range} len=${range.length} -> [${values.join(', ')}] sum=${sum}`);
  }

  const r = new Range(0, 3);
  const [a, b, ...rest] = r;
  out.push(`destructured: a=${a} b=${b} rest=${JSON.stringify(rest)}`);
  out.push(`Array.from doubled: ${Array.from(new Range(1, 6), (x) => x * 2)}`);
  out.push(`spread into Math.max: ${Math.max(...new Range(-5, 20, 7))}`);
  out.push(`as Set: ${new Set(new Range(0, 10, 3)).size} items`);
  const it = new Range(10, 0, -4)[Symbol.iterator]();
  out.push(`manual: ${JSON.stringify([it.next(), it.next(), it.next(), it.next()])}`);
  return out.join('\n');
};
