// description: the input has one number per line (integers, decimals, scientific notation); sort them numerically and print the count, min, max, median, mean, and the five largest distinct values
// repeat: 64
module.exports = function (input) {
  const numbers = input
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number)
    .filter((n) => !Number.isNaN(n));

  const sorted = numbers.slice().sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const sum = sorted.reduce((acc, x) => acc + x, 0);

  const topDistinct = [];
  for (let i = n - 1; i >= 0 && topDistinct.length < 5; i--) {
    if (topDistinct[topDistinct.length - 1] !== sorted[i]) topDistinct.push(sorted[i]);
  }

  const p90 = sorted[Math.floor(0.9 * (n - 1))];
  const negatives = sorted.findIndex((x) => x >= 0);

  return [
    `count: ${n}`,
    `min: ${sorted[0]}`,
    `max: ${sorted[n - 1]}`,
    `median: ${median}`,
    `mean: ${(sum / n).toFixed(4)}`,
    `p90: ${p90}`,
    `negative values: ${negatives === -1 ? n : negatives}`,
    `top 5 distinct: ${topDistinct.join(', ')}`,
    `bottom 5: ${sorted.slice(0, 5).join(', ')}`,
  ].join('\n');
};
