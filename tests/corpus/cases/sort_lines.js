// description: sort the lines alphabetically, case-insensitively
module.exports = function sortLines(input) {
  const lines = input.split('\n').filter((line) => line.length > 0);
  lines.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  return lines.join('\n');
};
