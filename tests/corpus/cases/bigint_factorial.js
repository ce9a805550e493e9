// description: for each number n in the input, print n! exactly (it can be huge) along with how many digits it has
function factorial(n) {
  let result = 1n;
  for (let i = 2n; i <= n; i++) {
    result *= i;
  }
  return result;
}

module.exports = function (input) {
  return input
    .trim()
    .split(/\s+/)
    .map((token) => {
      const n = BigInt(token);
      const f = factorial(n);
      const s = f.toString();
      return `${n}! = ${s} (${s.length} digit${s.length === 1 ? '' : 's'})`;
    })
    .join('\n');
};
