// description: find the longest line and print its line number, length and text
module.exports = (input) => {
  const lines = input.replace(/\n$/, '').split('\n');
  let best = { index: -1, length: -1, text: '' };
  lines.forEach((text, index) => {
    const length = [...text].length;
    if (length > best.length) best = { index, length, text };
  });
  return `Line ${best.index + 1} (${best.length} chars): ${best.text}`;
};
