// description: print the nth Fibonacci number for each n in the input, exactly, using big integers
module.exports = (input) => {
  const fib = (n) => {
    let a = 0n;
    let b = 1n;
    for (let i = 0; i < n; i++) {
      [a, b] = [b, a + b];
    }
    return a;
  };

  const ns = input.match(/\d+/g).map(Number);
  const lines = ns.map((n) => `F(${n}) = ${fib(n)}`);

  const big = fib(Math.max(...ns));
  lines.push(`largest has ${big.toString().length} digits, ends in ${big % 1000000n}, is ${big % 2n === 0n ? 'even' : 'odd'}`);
  lines.push(`F(100) in hex: 0x${fib(100).toString(16)}`);
  lines.push(`F(90) fits in a double exactly: ${BigInt(Number(fib(90))) === fib(90)}`);
  lines.push(`F(78) as Number: ${Number(fib(78))}, F(79) as Number: ${Number(fib(79))}`);
  return lines.join('\n');
};
