// description: remove duplicate lines, keeping the first occurrence and the original order
module.exports = (input) => {
  const seen = new Set();
  const out = [];
  for (const line of input.trimEnd().split('\n')) {
    if (!seen.has(line)) {
      seen.add(line);
      out.push(line);
    }
  }
  return out.join('\n');
};
