// description: each line of the input is a (possibly very large, possibly negative) integer; print their exact sum, the largest and the smallest
module.exports = function (input) {
  const nums = input
    .split('\n')
    .map((l) => l.trim().replace(/[,_]/g, ''))
    .filter((l) => /^[+-]?\d+$/.test(l))
    .map((l) => BigInt(l));

  const sum = nums.reduce((a, b) => a + b, 0n);
  let max = nums[0];
  let min = nums[0];
  for (const n of nums) {
    if (n > max) max = n;
    if (n < min) min = n;
  }

  const abs = sum < 0n ? -sum : sum;
  return [
    `count: ${nums.length}`,
    `sum: ${sum}`,
    `max: ${max}`,
    `min: ${min}`,
    `sum digits: ${abs.toString().length}`,
    `sum / count (truncated): ${sum / BigInt(nums.length)}`,
    `sum mod 1000000007: ${((sum % 1000000007n) + 1000000007n) % 1000000007n}`,
    `sum with separators: ${sum.toLocaleString('en-US')}`,
  ].join('\n');
};
