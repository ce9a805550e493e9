// description: like sort | uniq -c: count how many times each line occurs, most frequent first, ties alphabetical
module.exports = function (input) {
  const counts = {};
  for (const line of input.split('\n')) {
    if (line === '') continue;
    counts[line] = (counts[line] || 0) + 1;
  }
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([line, count]) => `${String(count).padStart(7)} ${line}`)
    .join('\n');
};
