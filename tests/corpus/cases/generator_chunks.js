// description: split the input lines into batches of 4 using a generator and print each batch with its number, the line count and the combined length
function* chunk(iterable, size) {
  let batch = [];
  for (const item of iterable) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function* nonEmptyLines(text) {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) yield trimmed;
  }
}

module.exports = function (input) {
  const out = [];
  let n = 0;
  for (const batch of chunk(nonEmptyLines(input), 4)) {
    n += 1;
    const chars = batch.reduce((sum, line) => sum + [...line].length, 0);
    out.push(`Batch ${n} (${batch.length} lines, ${chars} chars):`);
    batch.forEach((line, i) => out.push(`  ${(n - 1) * 4 + i + 1}. ${line}`));
  }

  const gen = chunk([1, 2, 3], 2);
  const first = gen.next();
  const second = gen.next();
  const third = gen.next();
  out.push(`manual: ${JSON.stringify([first, second, third])}`);
  out.push(`return(): ${JSON.stringify(chunk('abcdef', 2).return('stopped'))}`);
  out.push(`toString tag: ${Object.prototype.toString.call(gen)}`);
  return out.join('\n');
};
