// description: convert each ISO date (YYYY-MM-DD) in the input into a long human-readable US date like "March 15, 2024"
module.exports = function (input) {
  return input
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const date = new Date(line.trim() + 'T00:00:00Z');
      if (isNaN(date)) return `${line.trim()}: invalid date`;
      const formatted = date.toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      return `${line.trim()}: ${formatted}`;
    })
    .join('\n');
};
