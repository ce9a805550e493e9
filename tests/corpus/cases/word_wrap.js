// description: word-wrap the text at 40 columns, keeping paragraphs (blank lines) separate
module.exports = (input, width = 40) => {
  const paragraphs = input.trim().split(/\n\s*\n/);
  return paragraphs
    .map((para) => {
      const words = para.split(/\s+/).filter(Boolean);
      const lines = [];
      let current = '';
      for (const word of words) {
        if (!current) {
          current = word;
        } else if (current.length + 1 + word.length <= width) {
          current += ` ${word}`;
        } else {
          lines.push(current);
          current = word;
        }
      }
      if (current) lines.push(current);
      return lines.join('\n');
    })
    .join('\n\n');
};
